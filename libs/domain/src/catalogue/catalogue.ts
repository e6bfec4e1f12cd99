import { financialYearOf } from '../calendar/fiscal-calendar.js';
import type { CouncilEvent } from '../events/events.js';
import type { PeerChallengeKind } from '../values/support.js';

export const OFFER_THEMES = [
  'leadership_and_capacity',
  'efficiency_and_productivity',
  'peer_challenge_and_support',
  'strong_communities',
] as const;
export type OfferTheme = (typeof OFFER_THEMES)[number];

/** What one delivery of the offer counts: an engagement with a council, or people trained. */
export const OFFER_UNITS = ['engagements', 'participants'] as const;
export type OfferUnit = (typeof OFFER_UNITS)[number];

/**
 * Structured interactions have their own commands and lifecycle; the catalogue names the
 * event that counts as their delivery so take-up can treat every offer alike.
 */
export const INTERACTION_EVENT_TYPES = [
  'AnnualConversationHeld',
  'PeerChallengeDelivered',
  'ChangeOfControlSupportDelivered',
  'MentoringStarted',
  'ProductivityExpertEngaged',
] as const;
export type InteractionEventType = (typeof INTERACTION_EVENT_TYPES)[number];

export interface CatalogueOffer {
  /** kebab-case, stable across years so take-up can be compared year on year. */
  readonly code: string;
  readonly name: string;
  readonly theme: OfferTheme;
  /** MoU objective numbers (1-12) the offer serves. */
  readonly objectives: readonly number[];
  readonly unit: OfferUnit;
  /** null: delivered through RecordOfferDelivered with this code. */
  readonly interaction: InteractionEventType | null;
  /** Set exactly when interaction is PeerChallengeDelivered: one offer per kind. */
  readonly peerChallengeKind: PeerChallengeKind | null;
}

export interface OfferCatalogueYear {
  readonly financialYear: number;
  /** Where the year's offer comes from (the MoU), kept beside the data it justifies. */
  readonly source: string;
  readonly offers: readonly CatalogueOffer[];
}

/** Every year's offer at once: a back-dated delivery is checked against its own year. */
export interface OfferCatalogue {
  readonly financialYears: readonly number[];
  year(fy: number): OfferCatalogueYear | undefined;
  hasOffer(fy: number, code: string): boolean;
  offer(fy: number, code: string): CatalogueOffer | undefined;
  /** The offer an event delivers, in the catalogue of the year it occurred; undefined if none. */
  offerForEvent(event: CouncilEvent): CatalogueOffer | undefined;
}

function matchesEvent(offer: CatalogueOffer, event: CouncilEvent): boolean {
  if (event.type === 'OfferDelivered') {
    return offer.interaction === null && offer.code === event.data.offerCode;
  }
  if (offer.interaction !== event.type) return false;
  return event.type !== 'PeerChallengeDelivered' || offer.peerChallengeKind === event.data.kind;
}

export function catalogueOf(years: readonly OfferCatalogueYear[]): OfferCatalogue {
  const byYear = new Map<number, OfferCatalogueYear>();
  for (const year of years) {
    if (byYear.has(year.financialYear)) {
      throw new Error(`catalogue: financial year ${year.financialYear} given twice`);
    }
    byYear.set(year.financialYear, year);
  }
  const offer = (fy: number, code: string): CatalogueOffer | undefined =>
    byYear.get(fy)?.offers.find((candidate) => candidate.code === code);
  return {
    financialYears: [...byYear.keys()].sort((a, b) => a - b),
    year: (fy) => byYear.get(fy),
    hasOffer: (fy, code) => offer(fy, code) !== undefined,
    offer,
    offerForEvent: (event) =>
      byYear
        .get(financialYearOf(event.data.occurredAt))
        ?.offers.find((candidate) => matchesEvent(candidate, event)),
  };
}
