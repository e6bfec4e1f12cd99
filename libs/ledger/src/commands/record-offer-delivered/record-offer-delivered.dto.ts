import { COMMAND_LIMITS, type CommandOf } from '#domain';
import { DateProperty, EntityIdProperty } from '../shared/validators.js';
import { IntegerProperty, TextProperty } from '../shared/dto-properties.js';

export class RecordOfferDeliveredDto {
  @EntityIdProperty('Id of this delivery, unique within the council', { example: 'od-2019-042' })
  deliveryId!: string;

  @DateProperty('When the offer was delivered; its financial year picks the catalogue')
  occurredAt!: string;

  // Whether the code exists is the catalogue's call, for the year of occurredAt.
  @TextProperty(COMMAND_LIMITS.textMaxLength, {
    description: 'Code of the offer in that year’s catalogue',
    example: 'be-a-councillor',
  })
  offerCode!: string;

  @IntegerProperty(COMMAND_LIMITS.participants, {
    description: 'People who took part (0 for offers counted in engagements)',
    example: 12,
  })
  participants!: number;

  toCommand(gss: string): CommandOf<'RecordOfferDelivered'> {
    return {
      type: 'RecordOfferDelivered',
      data: {
        gss,
        occurredAt: this.occurredAt,
        deliveryId: this.deliveryId,
        offerCode: this.offerCode,
        participants: this.participants,
      },
    };
  }
}
