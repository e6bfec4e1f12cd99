import {
  type ControlPeriod,
  type CouncilEvent,
  type IsoDate,
  type MembershipPeriod,
  type OfferCatalogue,
  type PeerChallengeKind,
} from '#domain';
import type { Projection } from '../../projection.js';
import {
  type AmendmentEvent,
  type CouncilDocument,
  councilProjection,
} from '../shared/council-projection.js';
import { toPence } from '../shared/numbers.js';
import {
  type Records,
  NO_RECORDS,
  recordOf,
  withRecord,
  withoutRecord,
} from '../shared/records.js';
import { amendPeriods, insertPeriod } from '../shared/timeline.js';
import {
  type SavingsRecord,
  type TakeUpCell,
  type TakeUpRecord,
  addToCells,
  offerCodeOf,
  recomputeCells,
} from './take-up-cells.js';

export interface TakeUpDoc extends CouncilDocument {
  readonly control: readonly ControlPeriod[];
  readonly membership: readonly MembershipPeriod[];
  /** Deliveries by the id of the event that delivered them. */
  readonly records: Records<TakeUpRecord>;
  /** SavingsReported by event id. */
  readonly savings: Records<SavingsRecord>;
  /** Pre-aggregated by encodeCellKey(offer, fy, quarter, control then, membership then). */
  readonly cells: Records<TakeUpCell>;
  /**
   * Productivity engagement id → the id of the event that engaged it, or null while only
   * savings are known for it (an odd stream): lets a saving find its offer without a scan.
   */
  readonly engaged: Records<string | null>;
}

const HANDLES = [
  'CouncilRegistered',
  'PoliticalControlChanged',
  'LgaMembershipChanged',
  'AnnualConversationHeld',
  'PeerChallengeDelivered',
  'ChangeOfControlSupportDelivered',
  'MentoringStarted',
  'ProductivityExpertEngaged',
  'SavingsReported',
  'OfferDelivered',
  'EventCorrected',
  'EventRetracted',
] as const;

const recomputed = (doc: TakeUpDoc): TakeUpDoc => ({ ...doc, cells: recomputeCells(doc) });
const none = (): undefined => undefined;

/** The offer a saving of this engagement counts toward, from the engaging record as it stands now. */
function offerOfEngagement(doc: TakeUpDoc, g: string): string | null | undefined {
  const eventId = recordOf(doc.engaged, g);
  return eventId === null || eventId === undefined ? undefined : recordOf(doc.records, eventId)?.o;
}

function addRecord(
  catalogue: OfferCatalogue,
  doc: TakeUpDoc,
  eventId: string,
  fields: Omit<TakeUpRecord, 'o'> & { o?: string },
): TakeUpDoc {
  if (recordOf(doc.records, eventId) !== undefined) return doc;
  const record: TakeUpRecord = {
    ...fields,
    o: fields.o ?? offerCodeOf(catalogue, { ...fields, o: null }),
  };
  const records = withRecord(doc.records, eventId, record);
  const { g } = record;
  if (g === undefined)
    return { ...doc, records, cells: addToCells(doc.cells, doc, [record], [], none) };
  const next = { ...doc, records, engaged: withRecord(doc.engaged, g, eventId) };
  // Savings are always reported after their engagement; this only guards an odd stream.
  if (recordOf(doc.engaged, g) === null) return recomputed(next);
  return { ...next, cells: addToCells(doc.cells, doc, [record], [], none) };
}

function correctRecord(
  catalogue: OfferCatalogue,
  record: TakeUpRecord,
  fix: Record<string, unknown>,
) {
  const patched: TakeUpRecord = {
    ...record,
    ...(Object.hasOwn(fix, 'occurredAt') ? { on: fix.occurredAt as IsoDate } : {}),
    ...(Object.hasOwn(fix, 'kind') && record.t === 'PeerChallengeDelivered'
      ? { k: fix.kind as PeerChallengeKind }
      : {}),
    ...(Object.hasOwn(fix, 'participants') && record.t === 'OfferDelivered'
      ? { p: fix.participants as number }
      : {}),
    ...(Object.hasOwn(fix, 'offerCode') && record.t === 'OfferDelivered'
      ? { o: fix.offerCode as string }
      : {}),
  };
  return { ...patched, o: offerCodeOf(catalogue, patched) };
}

function amend(catalogue: OfferCatalogue, doc: TakeUpDoc, event: AmendmentEvent): TakeUpDoc {
  const { eventId, targetType } = event.data;
  if (targetType === 'PoliticalControlChanged' || targetType === 'LgaMembershipChanged') {
    const control = amendPeriods(doc.control, event, ['control']);
    const membership = amendPeriods(doc.membership, event, ['membership']);
    if (control === doc.control && membership === doc.membership) return doc;
    return recomputed({ ...doc, control, membership });
  }
  const record = recordOf(doc.records, eventId);
  const saving = recordOf(doc.savings, eventId);
  if (event.type === 'EventRetracted') {
    if (record === undefined && saving === undefined) return doc;
    const records = withoutRecord(doc.records, eventId);
    return recomputed({ ...doc, records, savings: withoutRecord(doc.savings, eventId) });
  }
  const fix = event.data.correction;
  if (record !== undefined) {
    const records = withRecord(doc.records, eventId, correctRecord(catalogue, record, fix));
    return recomputed({ ...doc, records });
  }
  if (saving === undefined) return doc;
  const patched: SavingsRecord = {
    ...saving,
    ...(Object.hasOwn(fix, 'occurredAt') ? { on: fix.occurredAt as IsoDate } : {}),
    ...(Object.hasOwn(fix, 'amountPounds') ? { pence: toPence(fix.amountPounds as number) } : {}),
  };
  return recomputed({ ...doc, savings: withRecord(doc.savings, eventId, patched) });
}

function apply(catalogue: OfferCatalogue, doc: TakeUpDoc, event: CouncilEvent, e: string) {
  const on = event.data.occurredAt;
  switch (event.type) {
    case 'PoliticalControlChanged': {
      const period = { eventId: e, from: on, control: event.data.control };
      return recomputed({ ...doc, control: insertPeriod(doc.control, period) });
    }
    case 'LgaMembershipChanged': {
      const period = { eventId: e, from: on, membership: event.data.membership };
      return recomputed({ ...doc, membership: insertPeriod(doc.membership, period) });
    }
    case 'AnnualConversationHeld':
    case 'ChangeOfControlSupportDelivered':
      return addRecord(catalogue, doc, e, { t: event.type, on, p: 0 });
    case 'PeerChallengeDelivered':
      return addRecord(catalogue, doc, e, { t: event.type, on, p: 0, k: event.data.kind });
    case 'MentoringStarted':
      // One named mentee: the only structured interaction that records a participant.
      return addRecord(catalogue, doc, e, { t: event.type, on, p: 1 });
    case 'ProductivityExpertEngaged':
      return addRecord(catalogue, doc, e, { t: event.type, on, p: 0, g: event.data.engagementId });
    case 'OfferDelivered': {
      const { offerCode: o, participants: p } = event.data;
      return addRecord(catalogue, doc, e, { t: event.type, on, p, o });
    }
    case 'SavingsReported': {
      if (recordOf(doc.savings, e) !== undefined) return doc;
      const saving = { g: event.data.engagementId, on, pence: toPence(event.data.amountPounds) };
      const savings = withRecord(doc.savings, e, saving);
      const { g } = saving;
      const engaged =
        recordOf(doc.engaged, g) === undefined ? withRecord(doc.engaged, g, null) : doc.engaged;
      const offerOf = (id: string) => offerOfEngagement(doc, id);
      return { ...doc, savings, engaged, cells: addToCells(doc.cells, doc, [], [saving], offerOf) };
    }
    case 'EventCorrected':
    case 'EventRetracted':
      return amend(catalogue, doc, event);
    case 'CouncilRegistered':
    case 'LeaderChanged':
    case 'CouncilAbolished':
    case 'PeerChallengeRequested':
    case 'PeerChallengeScheduled':
    case 'PeerChallengeReportPublished':
    case 'PeerChallengeActionPlanPublished':
    case 'PeerChallengeProgressReviewHeld':
    case 'ChangeOfControlOfferMade':
    case 'ChangeOfControlOfferAccepted':
    case 'ChangeOfControlOfferDeclined':
    case 'MentoringCompleted':
    case 'ProductivityEngagementClosed':
    case 'RiskSignalRaised':
    case 'RiskSignalCleared':
      return doc;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/**
 * Take-up per council: deliveries and savings kept by event id, attributed to the control and
 * membership in force on their date, and summed into cells. The catalogue is data (by year),
 * so it is passed in rather than imported.
 */
export function takeUpProjection(catalogue: OfferCatalogue): Projection<TakeUpDoc> {
  return councilProjection<TakeUpDoc>({
    name: 'take-up',
    handles: HANDLES,
    create: (event, lastPosition) => ({
      lastPosition,
      gss: event.data.gss,
      control: [],
      membership: [],
      records: NO_RECORDS,
      savings: NO_RECORDS,
      cells: NO_RECORDS,
      engaged: NO_RECORDS,
    }),
    apply: (doc, event, eventId) => apply(catalogue, doc, event, eventId),
  });
}
