import type { OfferCatalogue } from '../catalogue/catalogue.js';
import type { IsoDate } from '../values/iso-date.js';

/** What a decision needs from outside: today from an injected clock, and the offer catalogue. */
export interface DecisionContext {
  readonly today: IsoDate;
  readonly catalogue: OfferCatalogue;
}
