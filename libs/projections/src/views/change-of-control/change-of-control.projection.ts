import {
  type ChangeOfControlStatus,
  type ChangeOfControlTrigger,
  type ControlPeriod,
  type CouncilEvent,
  type IsoDate,
  type LeaderPeriod,
  financialYearOf,
} from '#domain';
import type { Projection } from '../../projection.js';
import {
  type AmendmentEvent,
  type CouncilDocument,
  councilProjection,
} from '../shared/council-projection.js';
import { type Records, NO_RECORDS, recordOf, updateRecord, withRecord } from '../shared/records.js';
import {
  type Stepped,
  engagementOfEvent,
  redateStep,
  withStep,
  withoutStep,
} from '../shared/steps.js';
import { amendPeriods, insertPeriod } from '../shared/timeline.js';

/** A change of political control or of leader/mayor: what makes a council eligible for the offer. */
export interface PoliticalChange {
  readonly on: IsoDate;
  readonly fy: number;
  readonly kind: ChangeOfControlTrigger;
  /** The new control, or the new leader's role. */
  readonly to: string;
}

export interface ChangeOfControlOfferRecord extends Stepped<ChangeOfControlStatus> {
  readonly trigger: ChangeOfControlTrigger;
}

export interface ChangeOfControlDoc extends CouncilDocument {
  readonly control: readonly ControlPeriod[];
  readonly leader: readonly LeaderPeriod[];
  /** Derived from the two timelines whenever either moves; sorted by date then kind. */
  readonly changes: readonly PoliticalChange[];
  /** By offer id. */
  readonly offers: Records<ChangeOfControlOfferRecord>;
}

const HANDLES = [
  'CouncilRegistered',
  'PoliticalControlChanged',
  'LeaderChanged',
  'ChangeOfControlOfferMade',
  'ChangeOfControlOfferAccepted',
  'ChangeOfControlOfferDeclined',
  'ChangeOfControlSupportDelivered',
  'EventCorrected',
  'EventRetracted',
] as const;

/**
 * The first control on record is the register's starting point, not a change. Leaders are
 * not in the register: every recorded leader, the first included, is a change, unless it
 * names the leader already in place. Computed from the dated timelines, so a back-dated
 * record re-decides which entries are changes.
 */
export function changesOf(
  control: readonly ControlPeriod[],
  leader: readonly LeaderPeriod[],
): readonly PoliticalChange[] {
  const changes: PoliticalChange[] = [];
  control.forEach((period, index) => {
    const previous = control[index - 1];
    if (previous !== undefined && previous.control !== period.control) {
      changes.push({
        on: period.from,
        fy: financialYearOf(period.from),
        kind: 'control',
        to: period.control,
      });
    }
  });
  leader.forEach((period, index) => {
    const previous = leader[index - 1];
    if (
      previous === undefined ||
      previous.leaderId !== period.leaderId ||
      previous.role !== period.role
    ) {
      changes.push({
        on: period.from,
        fy: financialYearOf(period.from),
        kind: 'leader',
        to: period.role,
      });
    }
  });
  return changes.sort((a, b) =>
    a.on !== b.on ? (a.on < b.on ? -1 : 1) : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0,
  );
}

function withTimelines(
  doc: ChangeOfControlDoc,
  control: readonly ControlPeriod[],
  leader: readonly LeaderPeriod[],
): ChangeOfControlDoc {
  if (control === doc.control && leader === doc.leader) return doc;
  return { ...doc, control, leader, changes: changesOf(control, leader) };
}

type Offers = ChangeOfControlDoc['offers'];

function amendOffers(offers: Offers, event: AmendmentEvent): Offers {
  const { eventId } = event.data;
  if (event.type === 'EventRetracted') return withoutStep(offers, eventId);
  const { correction, targetType } = event.data;
  let next = offers;
  if (Object.hasOwn(correction, 'occurredAt')) {
    next = redateStep(next, eventId, correction.occurredAt as IsoDate);
  }
  const id = engagementOfEvent(next, eventId);
  if (
    targetType === 'ChangeOfControlOfferMade' &&
    id !== undefined &&
    Object.hasOwn(correction, 'trigger')
  ) {
    const trigger = correction.trigger as ChangeOfControlTrigger;
    next = updateRecord(next, id, (offer) => ({ ...offer, trigger }));
  }
  return next;
}

function step(
  doc: ChangeOfControlDoc,
  id: string,
  e: string,
  s: ChangeOfControlStatus,
  on: IsoDate,
) {
  return { ...doc, offers: withStep(doc.offers, id, { e, s, on }) };
}

function apply(doc: ChangeOfControlDoc, event: CouncilEvent, e: string): ChangeOfControlDoc {
  const on = event.data.occurredAt;
  switch (event.type) {
    case 'PoliticalControlChanged': {
      const period = { eventId: e, from: on, control: event.data.control };
      return withTimelines(doc, insertPeriod(doc.control, period), doc.leader);
    }
    case 'LeaderChanged': {
      const period = { eventId: e, from: on, role: event.data.role, leaderId: event.data.leaderId };
      return withTimelines(doc, doc.control, insertPeriod(doc.leader, period));
    }
    case 'ChangeOfControlOfferMade': {
      const { offerId, trigger } = event.data;
      if (recordOf(doc.offers, offerId) !== undefined) return doc;
      const offer = { trigger, st: [{ e, s: 'offered' as const, on }] };
      return { ...doc, offers: withRecord(doc.offers, offerId, offer) };
    }
    case 'ChangeOfControlOfferAccepted':
      return step(doc, event.data.offerId, e, 'accepted', on);
    case 'ChangeOfControlOfferDeclined':
      return step(doc, event.data.offerId, e, 'declined', on);
    case 'ChangeOfControlSupportDelivered':
      return step(doc, event.data.offerId, e, 'support_delivered', on);
    case 'EventCorrected':
    case 'EventRetracted': {
      const next = withTimelines(
        doc,
        amendPeriods(doc.control, event, ['control']),
        amendPeriods(doc.leader, event, ['role', 'leaderId']),
      );
      return { ...next, offers: amendOffers(next.offers, event) };
    }
    case 'CouncilRegistered':
    case 'LgaMembershipChanged':
    case 'CouncilAbolished':
    case 'AnnualConversationHeld':
    case 'PeerChallengeRequested':
    case 'PeerChallengeScheduled':
    case 'PeerChallengeDelivered':
    case 'PeerChallengeReportPublished':
    case 'PeerChallengeActionPlanPublished':
    case 'PeerChallengeProgressReviewHeld':
    case 'MentoringStarted':
    case 'MentoringCompleted':
    case 'ProductivityExpertEngaged':
    case 'SavingsReported':
    case 'ProductivityEngagementClosed':
    case 'OfferDelivered':
    case 'RiskSignalRaised':
    case 'RiskSignalCleared':
      return doc;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Per council: control and leader changes, and the change-of-control offers with their steps. */
export const changeOfControlProjection: Projection<ChangeOfControlDoc> =
  councilProjection<ChangeOfControlDoc>({
    name: 'change-of-control',
    handles: HANDLES,
    create: (event, lastPosition) => ({
      lastPosition,
      gss: event.data.gss,
      control: [],
      leader: [],
      changes: [],
      offers: NO_RECORDS,
    }),
    apply,
  });
