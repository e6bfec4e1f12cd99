import { type CouncilEvent, type IsoDate, type RiskSeverity, type RiskSignalKind } from '#domain';
import type { Projection } from '../../projection.js';
import {
  type AmendmentEvent,
  type CouncilDocument,
  councilProjection,
} from '../shared/council-projection.js';
import {
  type Records,
  NO_RECORDS,
  sortedEntries,
  recordOf,
  updateRecord,
  withRecord,
  withoutRecord,
} from '../shared/records.js';

/** `raisedBy`/`clearedBy` are event ids: amendments name events, not signals. */
export interface RiskSignalRecord {
  readonly kind: RiskSignalKind;
  readonly severity: RiskSeverity;
  readonly evidence: string;
  readonly raisedOn: IsoDate;
  readonly raisedBy: string;
  readonly clearedOn: IsoDate | null;
  readonly clearedBy: string | null;
}

export interface RiskSignalsDoc extends CouncilDocument {
  /** By signal id. */
  readonly signals: Records<RiskSignalRecord>;
}

const HANDLES = [
  'CouncilRegistered',
  'RiskSignalRaised',
  'RiskSignalCleared',
  'EventCorrected',
  'EventRetracted',
] as const;

type Signals = RiskSignalsDoc['signals'];

function amend(signals: Signals, event: AmendmentEvent): Signals {
  const target = event.data.eventId;
  const found = sortedEntries(signals).find(
    ([, raised]) => raised.raisedBy === target || raised.clearedBy === target,
  );
  if (found === undefined) return signals;
  const [id, signal] = found;
  const clearing = signal.clearedBy === target;
  if (event.type === 'EventRetracted') {
    return clearing
      ? withRecord(signals, id, { ...signal, clearedOn: null, clearedBy: null })
      : withoutRecord(signals, id);
  }
  const fix = event.data.correction;
  const on = Object.hasOwn(fix, 'occurredAt') ? (fix.occurredAt as IsoDate) : null;
  if (clearing)
    return on === null ? signals : withRecord(signals, id, { ...signal, clearedOn: on });
  return updateRecord(signals, id, (raised) => ({
    ...raised,
    ...(on === null ? {} : { raisedOn: on }),
    ...(Object.hasOwn(fix, 'kind') ? { kind: fix.kind as RiskSignalKind } : {}),
    ...(Object.hasOwn(fix, 'severity') ? { severity: fix.severity as RiskSeverity } : {}),
    ...(Object.hasOwn(fix, 'evidence') ? { evidence: fix.evidence as string } : {}),
  }));
}

function apply(doc: RiskSignalsDoc, event: CouncilEvent, eventId: string): RiskSignalsDoc {
  const on = event.data.occurredAt;
  switch (event.type) {
    case 'RiskSignalRaised': {
      const { signalId, kind, severity, evidence } = event.data;
      if (recordOf(doc.signals, signalId) !== undefined) return doc;
      const signal = {
        kind,
        severity,
        evidence,
        raisedOn: on,
        raisedBy: eventId,
        clearedOn: null,
        clearedBy: null,
      };
      return { ...doc, signals: withRecord(doc.signals, signalId, signal) };
    }
    case 'RiskSignalCleared': {
      const signals = updateRecord(doc.signals, event.data.signalId, (signal) =>
        signal.clearedBy === null ? { ...signal, clearedOn: on, clearedBy: eventId } : signal,
      );
      return { ...doc, signals };
    }
    case 'EventCorrected':
    case 'EventRetracted':
      return { ...doc, signals: amend(doc.signals, event) };
    case 'CouncilRegistered':
    case 'PoliticalControlChanged':
    case 'LeaderChanged':
    case 'LgaMembershipChanged':
    case 'CouncilAbolished':
    case 'AnnualConversationHeld':
    case 'PeerChallengeRequested':
    case 'PeerChallengeScheduled':
    case 'PeerChallengeDelivered':
    case 'PeerChallengeReportPublished':
    case 'PeerChallengeActionPlanPublished':
    case 'PeerChallengeProgressReviewHeld':
    case 'ChangeOfControlOfferMade':
    case 'ChangeOfControlOfferAccepted':
    case 'ChangeOfControlOfferDeclined':
    case 'ChangeOfControlSupportDelivered':
    case 'MentoringStarted':
    case 'MentoringCompleted':
    case 'ProductivityExpertEngaged':
    case 'SavingsReported':
    case 'ProductivityEngagementClosed':
    case 'OfferDelivered':
      return doc;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Risk signals per council, open and cleared, with the evidence the risk view quotes. */
export const riskSignalsProjection: Projection<RiskSignalsDoc> = councilProjection<RiskSignalsDoc>({
  name: 'risk-signals',
  handles: HANDLES,
  create: (event, lastPosition) => ({ lastPosition, gss: event.data.gss, signals: NO_RECORDS }),
  apply,
});
