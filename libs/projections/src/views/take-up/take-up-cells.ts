import {
  type ControlPeriod,
  type FiscalQuarter,
  type InteractionEventType,
  type IsoDate,
  type LgaMembership,
  type MembershipPeriod,
  type OfferCatalogue,
  type PeerChallengeKind,
  controlAt,
  financialYearOf,
  fiscalQuarterOf,
  membershipAt,
} from '#domain';
import { NO_RECORDS, type Records, recordOf, recordValues, withRecord } from '../shared/records.js';

export type TakeUpEventType = InteractionEventType | 'OfferDelivered';

/**
 * One delivery, keyed by the id of the event that delivered it. Short keys (a council has
 * thousands): `t` event type, `on` date, `o` catalogue offer code (null when that year's
 * catalogue has no offer for it), `p` participants, `k` peer challenge kind, `g` the
 * productivity engagement id (savings are reported against it).
 */
export interface TakeUpRecord {
  readonly t: TakeUpEventType;
  readonly on: IsoDate;
  readonly o: string | null;
  readonly p: number;
  readonly k?: PeerChallengeKind;
  readonly g?: string;
}

/** A SavingsReported: `g` engagement id, `on` date, `pence` amount (integer, exact to sum). */
export interface SavingsRecord {
  readonly g: string;
  readonly on: IsoDate;
  readonly pence: number;
}

/** `n` engagements, `p` participants, `pence` savings reported, in one cell. */
export interface TakeUpCell {
  readonly n: number;
  readonly p: number;
  readonly pence: number;
}

export interface CellKey {
  readonly offer: string;
  readonly fy: number;
  readonly quarter: FiscalQuarter;
  readonly control: PoliticalControlOrUnknown;
  readonly membership: LgaMembership;
}

export type PoliticalControlOrUnknown = NonNullable<ReturnType<typeof controlAt>> | 'unknown';

const SEPARATOR = '|';

export function encodeCellKey(key: CellKey): string {
  return [key.offer, key.fy, key.quarter, key.control, key.membership].join(SEPARATOR);
}

export function decodeCellKey(encoded: string): CellKey {
  const [offer = '', fy = '0', quarter = '1', control = 'unknown', membership = 'unknown'] =
    encoded.split(SEPARATOR);
  return {
    offer,
    fy: Number(fy),
    quarter: Number(quarter) as FiscalQuarter,
    control: control as PoliticalControlOrUnknown,
    membership: membership as LgaMembership,
  };
}

/**
 * The offer a structured interaction counts toward, in the catalogue of the year it happened.
 * Matched on the stored fields (not a rebuilt event) because corrections change them later.
 * An OfferDelivered names its offer itself.
 */
export function offerCodeOf(
  catalogue: OfferCatalogue,
  record: Pick<TakeUpRecord, 't' | 'on' | 'k' | 'o'>,
): string | null {
  if (record.t === 'OfferDelivered') return record.o;
  const offer = catalogue
    .year(financialYearOf(record.on))
    ?.offers.find(
      (candidate) =>
        candidate.interaction === record.t &&
        (record.t !== 'PeerChallengeDelivered' || candidate.peerChallengeKind === record.k),
    );
  return offer?.code ?? null;
}

export interface Timelines {
  readonly control: readonly ControlPeriod[];
  readonly membership: readonly MembershipPeriod[];
}

/** Control and membership at the time of the interaction: what take-up is attributed to. */
export function cellKeyAt(timelines: Timelines, offer: string, on: IsoDate): string {
  return encodeCellKey({
    offer,
    fy: financialYearOf(on),
    quarter: fiscalQuarterOf(on),
    control: controlAt(timelines.control, on) ?? 'unknown',
    membership: membershipAt(timelines.membership, on),
  });
}

function addTo(cells: Records<TakeUpCell>, key: string, add: TakeUpCell): Records<TakeUpCell> {
  const cell = recordOf(cells, key) ?? { n: 0, p: 0, pence: 0 };
  return withRecord(cells, key, {
    n: cell.n + add.n,
    p: cell.p + add.p,
    pence: cell.pence + add.pence,
  });
}

/** The offer code of each live productivity engagement, by engagement id. */
function productivityOffers(records: Records<TakeUpRecord>): Map<string, string | null> {
  const offers = new Map<string, string | null>();
  for (const record of recordValues(records)) {
    if (record.t === 'ProductivityExpertEngaged' && record.g !== undefined) {
      offers.set(record.g, record.o);
    }
  }
  return offers;
}

export interface TakeUpParts extends Timelines {
  readonly records: Records<TakeUpRecord>;
  readonly savings: Records<SavingsRecord>;
}

/** The offer code a productivity engagement counts toward; undefined when it is not (or no longer) live. */
export type EngagementOffer = (engagementId: string) => string | null | undefined;

/**
 * Adds deliveries and savings to cells (persistently: the input is not changed). Savings go
 * to their engagement's offer, in the quarter they were reported; savings of an engagement
 * that was retracted count nowhere.
 */
export function addToCells(
  base: Records<TakeUpCell>,
  timelines: Timelines,
  records: Iterable<TakeUpRecord>,
  savings: Iterable<SavingsRecord>,
  offerOf: EngagementOffer,
): Records<TakeUpCell> {
  let cells = base;
  for (const record of records) {
    if (record.o !== null) {
      cells = addTo(cells, cellKeyAt(timelines, record.o, record.on), {
        n: 1,
        p: record.p,
        pence: 0,
      });
    }
  }
  for (const saving of savings) {
    const offer = offerOf(saving.g);
    if (offer !== null && offer !== undefined) {
      cells = addTo(cells, cellKeyAt(timelines, offer, saving.on), {
        n: 0,
        p: 0,
        pence: saving.pence,
      });
    }
  }
  return cells;
}

/** Every cell again from the records: after a timeline moved or a record was amended. */
export function recomputeCells(parts: TakeUpParts): Records<TakeUpCell> {
  const offers = productivityOffers(parts.records);
  return addToCells(
    NO_RECORDS,
    parts,
    recordValues(parts.records),
    recordValues(parts.savings),
    (g) => offers.get(g),
  );
}
