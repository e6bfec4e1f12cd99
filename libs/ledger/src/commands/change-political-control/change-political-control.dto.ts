import { type CommandOf, POLITICAL_CONTROLS, type PoliticalControl } from '#domain';
import { DateProperty } from '../shared/validators.js';
import { EnumProperty } from '../shared/dto-properties.js';

export class ChangePoliticalControlDto {
  @DateProperty('When the new control took effect (e.g. the day after the election count)')
  occurredAt!: string;

  @EnumProperty(POLITICAL_CONTROLS, {
    description: 'Political control from that day',
    example: 'No overall control',
  })
  control!: PoliticalControl;

  toCommand(gss: string): CommandOf<'ChangePoliticalControl'> {
    return {
      type: 'ChangePoliticalControl',
      data: { gss, occurredAt: this.occurredAt, control: this.control },
    };
  }
}
