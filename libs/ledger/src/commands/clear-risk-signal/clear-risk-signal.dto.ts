import { COMMAND_LIMITS, type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';
import { TextProperty } from '../shared/dto-properties.js';

export class ClearRiskSignalDto {
  @DateProperty('When the risk was judged to have passed')
  occurredAt!: string;

  @TextProperty(COMMAND_LIMITS.reasonMaxLength, {
    description: 'Why the signal no longer applies',
    example: 'Budget balanced after the 2020/21 settlement',
  })
  reason!: string;

  toCommand(gss: string, signalId: string): CommandOf<'ClearRiskSignal'> {
    return {
      type: 'ClearRiskSignal',
      data: { gss, occurredAt: this.occurredAt, signalId, reason: this.reason },
    };
  }
}
