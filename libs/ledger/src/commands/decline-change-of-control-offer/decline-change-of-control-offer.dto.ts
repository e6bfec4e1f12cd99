import { type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';

export class DeclineChangeOfControlOfferDto {
  @DateProperty('When the council declined the offer')
  occurredAt!: string;

  toCommand(gss: string, offerId: string): CommandOf<'DeclineChangeOfControlOffer'> {
    return {
      type: 'DeclineChangeOfControlOffer',
      data: { gss, occurredAt: this.occurredAt, offerId },
    };
  }
}
