import { type Records, sortedEntries } from './shared/records.js';
// Builders for the projection and view tests. Pure: no I/O.
import {
  type CatalogueOffer,
  type CouncilEvent,
  type CouncilEventType,
  type EventOf,
  type OfferCatalogue,
  catalogueOf,
  councilStreamName,
} from '#domain';
import {
  type ProjectedDocument,
  type ProjectedEvent,
  type Projection,
  applyOnce,
} from '../projection.js';
import type { CouncilDocs } from './council-docs.js';
import { COUNCIL_PROJECTIONS } from './council-projections.js';

export const GSS = 'E06000023';
export const OTHER = 'E08000001';

function offer(code: string, extra: Partial<CatalogueOffer> = {}): CatalogueOffer {
  return {
    code,
    name: code,
    theme: 'leadership_and_capacity',
    objectives: [1],
    unit: 'engagements',
    interaction: null,
    peerChallengeKind: null,
    ...extra,
  };
}

const structured = (
  code: string,
  interaction: CatalogueOffer['interaction'],
  kind?: CatalogueOffer['peerChallengeKind'],
) => offer(code, { interaction, peerChallengeKind: kind ?? null });

const OFFERS = [
  offer('ignite', { unit: 'participants' }),
  offer('be-a-councillor'),
  offer('self-assessment-tool'),
  structured('annual-conversation', 'AnnualConversationHeld'),
  structured('peer-challenge-corporate', 'PeerChallengeDelivered', 'corporate'),
  structured('peer-challenge-finance', 'PeerChallengeDelivered', 'finance'),
  structured('peer-challenge-communications', 'PeerChallengeDelivered', 'communications'),
  structured('change-of-control', 'ChangeOfControlSupportDelivered'),
  structured('mentoring', 'MentoringStarted'),
  structured('productivity-expert', 'ProductivityExpertEngaged'),
];

/** 2019/20 and 2020/21 with the same offers; earlier years have no catalogue (no offer code). */
export const catalogue = catalogueOf([
  { financialYear: 2019, source: 'test', offers: OFFERS },
  { financialYear: 2020, source: 'test', offers: OFFERS },
]);

type Data<T extends { data: unknown }> = Omit<T['data'], 'gss' | 'occurredAt'> & {
  gss?: string;
  occurredAt?: string;
};

export function ev<T extends CouncilEventType>(type: T, data: Data<EventOf<T>>): EventOf<T> {
  // An explicit `gss: undefined` (an optional helper argument) means the default council.
  const given = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  return { type, data: { gss: GSS, occurredAt: '2019-06-03', ...given } } as unknown as EventOf<T>;
}

export const registration = (extra: Partial<Data<EventOf<'CouncilRegistered'>>> = {}) =>
  ev('CouncilRegistered', {
    occurredAt: '2010-01-01',
    name: 'Bristol City Council',
    authorityType: 'unitary',
    region: 'South West',
    validFrom: null,
    validTo: null,
    ...extra,
  });

/** An event with its id: `[id, event]`; plain events get ids e1, e2, ... by their index. */
export type Entry = CouncilEvent | readonly [string, CouncilEvent];

export function projected(entries: readonly Entry[], firstPosition = 1): ProjectedEvent[] {
  return entries.map((entry, index) => {
    const [eventId, event] = Array.isArray(entry)
      ? (entry as readonly [string, CouncilEvent])
      : [`e${index + 1}`, entry as CouncilEvent];
    return {
      type: event.type,
      data: event.data,
      eventId,
      streamName: councilStreamName(event.data.gss),
      position: BigInt(firstPosition + index),
      recordedAt: '',
      recordedBy: 'test',
    };
  });
}

/** Folds events into documents through applyOnce, as the runner does. */
export function foldInto<Doc extends ProjectedDocument>(
  projection: Projection<Doc>,
  events: readonly ProjectedEvent[],
  docs: Map<string, Doc> = new Map(),
): Map<string, Doc> {
  for (const event of events) {
    const id = projection.documentId(event);
    if (id === null) continue;
    const next = applyOnce(projection, docs.get(id) ?? null, event);
    if (next === null) docs.delete(id);
    else docs.set(id, next);
  }
  return docs;
}

export function fold<Doc extends ProjectedDocument>(
  projection: Projection<Doc>,
  entries: readonly Entry[],
) {
  return foldInto(projection, projected(entries));
}

/** The one document of a fold (the test council's). */
export function docOf<Doc extends ProjectedDocument>(
  projection: Projection<Doc>,
  entries: readonly Entry[],
  gss = GSS,
): Doc {
  const doc = fold(projection, entries).get(gss);
  if (doc === undefined) throw new Error(`no ${projection.name} document for ${gss}`);
  return doc;
}

/** Every projection's documents from one list of recorded events. */
export function councilDocs(
  events: readonly ProjectedEvent[],
  offers: OfferCatalogue = catalogue,
): CouncilDocs {
  const [summary, takeUp, changeOfControl, peerChallenges, conversations, risk] =
    COUNCIL_PROJECTIONS(offers);
  return {
    summaries: foldInto(summary, events),
    takeUp: foldInto(takeUp, events),
    changeOfControl: foldInto(changeOfControl, events),
    peerChallenges: foldInto(peerChallenges, events),
    annualConversations: foldInto(conversations, events),
    riskSignals: foldInto(risk, events),
  };
}

export const docsOf = (entries: readonly Entry[]): CouncilDocs => councilDocs(projected(entries));

/** A document's records as a plain object, for comparing with literals. */
export const plain = <T>(records: Records<T>): Record<string, T> =>
  Object.fromEntries(sortedEntries(records));
