import { EMPTY_ID_MAP, idMapSet } from './id-map.js';
import type { CouncilEvent, EventOf, RecordedCouncilEvent } from '../events/events.js';
import { maxDate } from '../values/iso-date.js';
import { applyCorrection, applyRetraction, insertDated } from './evolve-amendments.js';
import { advance, onSiteStep, open, openPeerChallenge, step } from './evolve-engagements.js';
import { entry, type CouncilState, initialState, type RegisteredCouncilState } from './state.js';

type R = RegisteredCouncilState;

function register(eventId: string, event: EventOf<'CouncilRegistered'>): CouncilState {
  const { gss, name, authorityType, region, validFrom, validTo } = event.data;
  return {
    status: 'active',
    gss,
    name,
    authorityType,
    region,
    validFrom,
    validTo,
    controlHistory: [],
    leaderHistory: [],
    membershipHistory: [],
    annualConversations: EMPTY_ID_MAP,
    peerChallenges: EMPTY_ID_MAP,
    changeOfControlOffers: EMPTY_ID_MAP,
    mentoring: EMPTY_ID_MAP,
    productivityEngagements: EMPTY_ID_MAP,
    deliveries: EMPTY_ID_MAP,
    riskSignals: EMPTY_ID_MAP,
    engagementIds: EMPTY_ID_MAP,
    events: idMapSet(EMPTY_ID_MAP, eventId, { type: event.type, retracted: false, subject: null }),
    lastActivityOn: null,
  };
}

/** The engagement an event is a step of (or reports on), so retraction can find it. */
function subjectOf(event: CouncilEvent): string | null {
  switch (event.type) {
    case 'CouncilRegistered':
    case 'PoliticalControlChanged':
    case 'LeaderChanged':
    case 'LgaMembershipChanged':
    case 'CouncilAbolished':
    case 'EventCorrected':
    case 'EventRetracted':
      return null;
    case 'AnnualConversationHeld':
      return event.data.conversationId;
    case 'PeerChallengeRequested':
    case 'PeerChallengeScheduled':
    case 'PeerChallengeDelivered':
    case 'PeerChallengeReportPublished':
    case 'PeerChallengeActionPlanPublished':
    case 'PeerChallengeProgressReviewHeld':
      return event.data.peerChallengeId;
    case 'ChangeOfControlOfferMade':
    case 'ChangeOfControlOfferAccepted':
    case 'ChangeOfControlOfferDeclined':
    case 'ChangeOfControlSupportDelivered':
      return event.data.offerId;
    case 'MentoringStarted':
    case 'MentoringCompleted':
      return event.data.mentoringId;
    case 'ProductivityExpertEngaged':
    case 'SavingsReported':
    case 'ProductivityEngagementClosed':
      return event.data.engagementId;
    case 'OfferDelivered':
      return event.data.deliveryId;
    case 'RiskSignalRaised':
    case 'RiskSignalCleared':
      return event.data.signalId;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** Support and registry changes bound how early the council may be said to have ended. */
function isActivity(event: CouncilEvent): boolean {
  return !['CouncilRegistered', 'CouncilAbolished', 'EventCorrected', 'EventRetracted'].includes(
    event.type,
  );
}

function remember(state: R, eventId: string, event: CouncilEvent): R {
  const { occurredAt } = event.data;
  return {
    ...state,
    events: idMapSet(state.events, eventId, {
      type: event.type,
      retracted: false,
      subject: subjectOf(event),
    } as const),
    lastActivityOn: !isActivity(event)
      ? state.lastActivityOn
      : state.lastActivityOn === null
        ? occurredAt
        : maxDate(state.lastActivityOn, occurredAt),
  };
}

function apply(state: R, eventId: string, event: CouncilEvent): R {
  const on = event.data.occurredAt;
  switch (event.type) {
    case 'CouncilRegistered':
      return state;
    case 'PoliticalControlChanged': {
      const { control } = event.data;
      const period = { eventId, from: on, control };
      return { ...state, controlHistory: insertDated(state.controlHistory, period) };
    }
    case 'LeaderChanged': {
      const { role, leaderId } = event.data;
      const period = { eventId, from: on, role, leaderId };
      return { ...state, leaderHistory: insertDated(state.leaderHistory, period) };
    }
    case 'LgaMembershipChanged': {
      const period = { eventId, from: on, membership: event.data.membership };
      return { ...state, membershipHistory: insertDated(state.membershipHistory, period) };
    }
    case 'CouncilAbolished': {
      if (state.status === 'abolished') return state;
      const { lastDay, successors } = event.data;
      return { ...state, status: 'abolished', lastDay, successors, abolishedBy: eventId };
    }
    case 'AnnualConversationHeld':
      return open(state, 'annualConversations', 'annual conversation', event.data.conversationId, {
        status: 'held',
        steps: [step(eventId, 'held', on)],
      });
    case 'PeerChallengeRequested':
      return openPeerChallenge(state, eventId, event);
    case 'PeerChallengeScheduled':
      return advance(
        state,
        event.data.peerChallengeId,
        onSiteStep(eventId, 'scheduled', event.data),
      );
    case 'PeerChallengeDelivered':
      return entry(state.peerChallenges, event.data.peerChallengeId) === undefined
        ? openPeerChallenge(state, eventId, event)
        : advance(state, event.data.peerChallengeId, onSiteStep(eventId, 'delivered', event.data));
    case 'PeerChallengeReportPublished':
      return advance(state, event.data.peerChallengeId, step(eventId, 'report_published', on));
    case 'PeerChallengeActionPlanPublished':
      return advance(state, event.data.peerChallengeId, step(eventId, 'action_plan_published', on));
    case 'PeerChallengeProgressReviewHeld':
      return advance(state, event.data.peerChallengeId, step(eventId, 'progress_review_held', on));
    case 'ChangeOfControlOfferMade':
      return open(state, 'changeOfControlOffers', 'change-of-control offer', event.data.offerId, {
        status: 'offered',
        steps: [step(eventId, 'offered', on)],
        trigger: event.data.trigger,
      });
    case 'ChangeOfControlOfferAccepted':
      return advance(state, event.data.offerId, step(eventId, 'accepted', on));
    case 'ChangeOfControlOfferDeclined':
      return advance(state, event.data.offerId, step(eventId, 'declined', on));
    case 'ChangeOfControlSupportDelivered':
      return advance(state, event.data.offerId, step(eventId, 'support_delivered', on));
    case 'MentoringStarted':
      return open(state, 'mentoring', 'mentoring', event.data.mentoringId, {
        status: 'active',
        steps: [step(eventId, 'active', on)],
      });
    case 'MentoringCompleted':
      return advance(state, event.data.mentoringId, step(eventId, 'completed', on));
    case 'ProductivityExpertEngaged':
      return open(
        state,
        'productivityEngagements',
        'productivity engagement',
        event.data.engagementId,
        {
          status: 'open',
          steps: [step(eventId, 'open', on)],
        },
      );
    case 'SavingsReported':
      // Amounts are for projections; the decision only needs the engagement to stay open.
      return state;
    case 'ProductivityEngagementClosed':
      return advance(state, event.data.engagementId, step(eventId, 'closed', on));
    case 'OfferDelivered':
      return open(state, 'deliveries', 'offer delivery', event.data.deliveryId, {
        status: 'delivered',
        steps: [step(eventId, 'delivered', on)],
        offerCode: event.data.offerCode,
      });
    case 'RiskSignalRaised':
      return open(state, 'riskSignals', 'risk signal', event.data.signalId, {
        status: 'open',
        steps: [step(eventId, 'open', on)],
      });
    case 'RiskSignalCleared':
      return advance(state, event.data.signalId, step(eventId, 'cleared', on));
    case 'EventCorrected':
      return applyCorrection(state, event.data.eventId, event.data.correction);
    case 'EventRetracted':
      return applyRetraction(state, event.data.eventId);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/**
 * Folds one recorded event into the council's state. Total: an event the state cannot take
 * (a second registration, a stray event before registration, a replayed id) leaves it as is.
 */
export function evolve(state: CouncilState, recorded: RecordedCouncilEvent): CouncilState {
  const { eventId, event } = recorded;
  if (state.status === 'unregistered') {
    return event.type === 'CouncilRegistered' ? register(eventId, event) : state;
  }
  if (event.type === 'CouncilRegistered' || entry(state.events, eventId) !== undefined)
    return state;
  return apply(remember(state, eventId, event), eventId, event);
}

/** Loads a council: folds its stream, in order, from the initial state. */
export function foldCouncil(
  events: Iterable<RecordedCouncilEvent>,
  from: CouncilState = initialState,
): CouncilState {
  let state = from;
  for (const recorded of events) state = evolve(state, recorded);
  return state;
}
