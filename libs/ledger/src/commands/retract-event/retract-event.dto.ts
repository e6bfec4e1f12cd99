import { COMMAND_LIMITS, type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';
import { TextProperty } from '../shared/dto-properties.js';

export class RetractEventDto {
  @DateProperty('When the retraction was decided')
  occurredAt!: string;

  @TextProperty(COMMAND_LIMITS.reasonMaxLength, {
    description: 'Why the event should never have been recorded',
    example: 'Logged against the wrong council',
  })
  reason!: string;

  toCommand(gss: string, eventId: string): CommandOf<'RetractEvent'> {
    return {
      type: 'RetractEvent',
      data: { gss, occurredAt: this.occurredAt, eventId, reason: this.reason },
    };
  }
}
