import { CHANGE_OF_CONTROL_TRIGGERS, type ChangeOfControlTrigger, type CommandOf } from '#domain';
import { DateProperty, EntityIdProperty } from '../shared/validators.js';
import { EnumProperty } from '../shared/dto-properties.js';

export class MakeChangeOfControlOfferDto {
  @EntityIdProperty('Id of this offer, unique within the council', { example: 'coc-2019-05' })
  offerId!: string;

  @DateProperty('When the offer was made to the council')
  occurredAt!: string;

  @EnumProperty(CHANGE_OF_CONTROL_TRIGGERS, {
    description: 'What changed: political control, or the leader or mayor',
    example: 'control',
  })
  trigger!: ChangeOfControlTrigger;

  toCommand(gss: string): CommandOf<'MakeChangeOfControlOffer'> {
    return {
      type: 'MakeChangeOfControlOffer',
      data: { gss, occurredAt: this.occurredAt, offerId: this.offerId, trigger: this.trigger },
    };
  }
}
