import {
  type CouncilEvent,
  CORPORATE_OR_FINANCE_KINDS,
  type IsoDate,
  type PeerChallengeKind,
} from '#domain';
import type { Projection } from '../../projection.js';
import { type CouncilDocument, councilProjection } from '../shared/council-projection.js';
import { type CouncilFacts, evolveFacts, registeredFacts } from '../shared/council-facts.js';
import { type Records, NO_RECORDS, recordOf, updateRecord, withRecord } from '../shared/records.js';
import {
  type Stepped,
  engagementOfEvent,
  redateStep,
  withStep,
  withoutStep,
} from '../shared/steps.js';

export const ENGAGEMENT_KINDS = [
  'annual_conversation',
  'peer_challenge',
  'change_of_control',
  'mentoring',
  'productivity',
  'offer',
  'risk_signal',
] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** `k` kind, `st` steps; `pk` the kind of a peer challenge. Short keys: a council has thousands. */
export interface SummaryEngagement extends Stepped {
  readonly k: EngagementKind;
  readonly pk?: PeerChallengeKind;
}

export interface CouncilSummaryDoc extends CouncilDocument {
  readonly facts: CouncilFacts;
  /** By engagement id. */
  readonly engagements: Records<SummaryEngagement>;
}

const HANDLES = [
  'CouncilRegistered',
  'PoliticalControlChanged',
  'LeaderChanged',
  'LgaMembershipChanged',
  'CouncilAbolished',
  'AnnualConversationHeld',
  'PeerChallengeRequested',
  'PeerChallengeScheduled',
  'PeerChallengeDelivered',
  'PeerChallengeReportPublished',
  'PeerChallengeActionPlanPublished',
  'PeerChallengeProgressReviewHeld',
  'ChangeOfControlOfferMade',
  'ChangeOfControlOfferAccepted',
  'ChangeOfControlOfferDeclined',
  'ChangeOfControlSupportDelivered',
  'MentoringStarted',
  'MentoringCompleted',
  'ProductivityExpertEngaged',
  'ProductivityEngagementClosed',
  'OfferDelivered',
  'RiskSignalRaised',
  'RiskSignalCleared',
  'EventCorrected',
  'EventRetracted',
] as const;

type Engagements = CouncilSummaryDoc['engagements'];

function open(doc: CouncilSummaryDoc, id: string, engagement: SummaryEngagement) {
  // An id is never reused (the decider refuses it), so an existing one means a replay.
  if (recordOf(doc.engagements, id) !== undefined) return doc;
  return { ...doc, engagements: withRecord(doc.engagements, id, engagement) };
}

function step(doc: CouncilSummaryDoc, id: string, e: string, s: string, on: IsoDate) {
  return { ...doc, engagements: withStep(doc.engagements, id, { e, s, on }) };
}

function amendEngagements(engagements: Engagements, event: CouncilEvent): Engagements {
  if (event.type === 'EventRetracted') return withoutStep(engagements, event.data.eventId);
  if (event.type !== 'EventCorrected') return engagements;
  const { eventId, correction, targetType } = event.data;
  let next = engagements;
  if (Object.hasOwn(correction, 'occurredAt')) {
    next = redateStep(next, eventId, correction.occurredAt as IsoDate);
  }
  const isKindCarrier =
    targetType === 'PeerChallengeRequested' || targetType === 'PeerChallengeDelivered';
  if (isKindCarrier && Object.hasOwn(correction, 'kind')) {
    const id = engagementOfEvent(next, eventId);
    const pk = correction.kind as PeerChallengeKind;
    if (id !== undefined) next = updateRecord(next, id, (engagement) => ({ ...engagement, pk }));
  }
  return next;
}

function apply(doc: CouncilSummaryDoc, event: CouncilEvent, e: string): CouncilSummaryDoc {
  const on = event.data.occurredAt;
  switch (event.type) {
    case 'CouncilRegistered':
    case 'SavingsReported':
      return doc;
    case 'PoliticalControlChanged':
    case 'LeaderChanged':
    case 'LgaMembershipChanged':
    case 'CouncilAbolished':
      return { ...doc, facts: evolveFacts(doc.facts, e, event) };
    case 'EventCorrected':
    case 'EventRetracted':
      return {
        ...doc,
        facts: evolveFacts(doc.facts, e, event),
        engagements: amendEngagements(doc.engagements, event),
      };
    case 'AnnualConversationHeld':
      return open(doc, event.data.conversationId, {
        k: 'annual_conversation',
        st: [{ e, s: 'held', on }],
      });
    case 'PeerChallengeRequested':
      return open(doc, event.data.peerChallengeId, {
        k: 'peer_challenge',
        pk: event.data.kind,
        st: [{ e, s: 'requested', on }],
      });
    case 'PeerChallengeDelivered': {
      const { peerChallengeId: id, kind: pk } = event.data;
      const known = recordOf(doc.engagements, id);
      if (known === undefined) {
        return open(doc, id, { k: 'peer_challenge', pk, st: [{ e, s: 'delivered', on }] });
      }
      const engagements = withStep(doc.engagements, id, { e, s: 'delivered', on });
      return { ...doc, engagements: updateRecord(engagements, id, (x) => ({ ...x, pk })) };
    }
    case 'PeerChallengeScheduled':
      return step(doc, event.data.peerChallengeId, e, 'scheduled', on);
    case 'PeerChallengeReportPublished':
      return step(doc, event.data.peerChallengeId, e, 'report_published', on);
    case 'PeerChallengeActionPlanPublished':
      return step(doc, event.data.peerChallengeId, e, 'action_plan_published', on);
    case 'PeerChallengeProgressReviewHeld':
      return step(doc, event.data.peerChallengeId, e, 'progress_review_held', on);
    case 'ChangeOfControlOfferMade':
      return open(doc, event.data.offerId, {
        k: 'change_of_control',
        st: [{ e, s: 'offered', on }],
      });
    case 'ChangeOfControlOfferAccepted':
      return step(doc, event.data.offerId, e, 'accepted', on);
    case 'ChangeOfControlOfferDeclined':
      return step(doc, event.data.offerId, e, 'declined', on);
    case 'ChangeOfControlSupportDelivered':
      return step(doc, event.data.offerId, e, 'support_delivered', on);
    case 'MentoringStarted':
      return open(doc, event.data.mentoringId, { k: 'mentoring', st: [{ e, s: 'active', on }] });
    case 'MentoringCompleted':
      return step(doc, event.data.mentoringId, e, 'completed', on);
    case 'ProductivityExpertEngaged':
      return open(doc, event.data.engagementId, { k: 'productivity', st: [{ e, s: 'open', on }] });
    case 'ProductivityEngagementClosed':
      return step(doc, event.data.engagementId, e, 'closed', on);
    case 'OfferDelivered':
      return open(doc, event.data.deliveryId, { k: 'offer', st: [{ e, s: 'delivered', on }] });
    case 'RiskSignalRaised':
      return open(doc, event.data.signalId, { k: 'risk_signal', st: [{ e, s: 'open', on }] });
    case 'RiskSignalCleared':
      return step(doc, event.data.signalId, e, 'cleared', on);
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Register facts, their history and every engagement's lifecycle, per council. */
export const councilSummaryProjection: Projection<CouncilSummaryDoc> =
  councilProjection<CouncilSummaryDoc>({
    name: 'council-summary',
    handles: HANDLES,
    create: (event, lastPosition) => ({
      lastPosition,
      gss: event.data.gss,
      facts: registeredFacts(event),
      engagements: NO_RECORDS,
    }),
    apply,
  });

export const isCorporateOrFinance = (kind: PeerChallengeKind | undefined): boolean =>
  kind !== undefined && CORPORATE_OR_FINANCE_KINDS.includes(kind);
