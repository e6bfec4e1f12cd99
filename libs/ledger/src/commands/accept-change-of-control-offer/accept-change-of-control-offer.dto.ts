import { type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';

export class AcceptChangeOfControlOfferDto {
  @DateProperty('When the council accepted the offer')
  occurredAt!: string;

  toCommand(gss: string, offerId: string): CommandOf<'AcceptChangeOfControlOffer'> {
    return {
      type: 'AcceptChangeOfControlOffer',
      data: { gss, occurredAt: this.occurredAt, offerId },
    };
  }
}
