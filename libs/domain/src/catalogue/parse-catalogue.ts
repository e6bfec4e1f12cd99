import { financialYearFileStem, financialYearLabel } from '../calendar/fiscal-calendar.js';
import { PEER_CHALLENGE_KINDS } from '../values/support.js';
import {
  type CatalogueOffer,
  INTERACTION_EVENT_TYPES,
  OFFER_THEMES,
  OFFER_UNITS,
  type OfferCatalogueYear,
} from './catalogue.js';
import { join, JsonReader, ROOT } from './json-reader.js';

export const OFFER_CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const OFFER_FIELDS = [
  'code',
  'name',
  'theme',
  'objectives',
  'unit',
  'interaction',
  'peerChallengeKind',
];

function parseOffer(reader: JsonReader, field: string, value: unknown): CatalogueOffer {
  const json = reader.object(field, value, OFFER_FIELDS);
  const objectives = reader
    .array(join(field, 'objectives'), json.objectives, { nonEmpty: true })
    .map((objective, index) =>
      reader.number(join(join(field, 'objectives'), index), objective, {
        integer: true,
        min: 1,
        max: 12,
      }),
    );
  const interaction =
    json.interaction === null || json.interaction === undefined
      ? null
      : reader.oneOf(join(field, 'interaction'), INTERACTION_EVENT_TYPES, json.interaction);
  const isPeerChallenge = interaction === 'PeerChallengeDelivered';
  const hasKind = json.peerChallengeKind !== null && json.peerChallengeKind !== undefined;
  if (isPeerChallenge !== hasKind) {
    reader.fail(
      join(field, 'peerChallengeKind'),
      'is given exactly when interaction is PeerChallengeDelivered',
    );
  }
  return {
    code: reader.string(join(field, 'code'), json.code, OFFER_CODE_PATTERN),
    name: reader.string(join(field, 'name'), json.name),
    theme: reader.oneOf(join(field, 'theme'), OFFER_THEMES, json.theme),
    objectives,
    unit: reader.oneOf(join(field, 'unit'), OFFER_UNITS, json.unit),
    interaction,
    peerChallengeKind: hasKind
      ? reader.oneOf(join(field, 'peerChallengeKind'), PEER_CHALLENGE_KINDS, json.peerChallengeKind)
      : null,
  };
}

/** Validates one year's offer catalogue (reference-data/catalogue/<yyyy-yy>.json). */
export function parseCatalogue(fy: number, json: unknown): OfferCatalogueYear {
  const reader: JsonReader = new JsonReader(`catalogue/${financialYearFileStem(fy)}.json`);
  const root = reader.object(ROOT, json, ['financialYear', 'source', 'offers']);
  if (root.financialYear !== financialYearLabel(fy)) {
    reader.fail('financialYear', `must be "${financialYearLabel(fy)}"`);
  }
  const offers = reader
    .array('offers', root.offers, { nonEmpty: true })
    .map((offer, index) => parseOffer(reader, join('offers', index), offer));
  reader.unique(
    'offers',
    offers.map((offer) => offer.code),
  );
  // One offer per interaction (and per peer challenge kind), so an event maps to one offer.
  const interactions = new Set<string>();
  offers.forEach((offer, index) => {
    if (offer.interaction === null) return;
    const key = `${offer.interaction} ${offer.peerChallengeKind ?? ''}`;
    if (interactions.has(key)) {
      reader.fail(join(join('offers', index), 'interaction'), `${key.trim()} has another offer`);
    }
    interactions.add(key);
  });
  return { financialYear: fy, source: reader.string('source', root.source), offers };
}
