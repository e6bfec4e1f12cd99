import type { CommandOf, CouncilCommandType } from '../commands/commands.js';
import type { IsoDate } from '../values/iso-date.js';
import type { PeerChallengeKind } from '../values/support.js';

type DataOf<C extends CouncilCommandType> = CommandOf<C>['data'];
type Event<T extends string, D> = { readonly type: T; readonly data: Readonly<D> };

/**
 * Events carry their command's data as it was accepted: a projection needs nothing but the
 * event. PeerChallengeDelivered always carries kind (and service) because 8.1 counts by kind
 * and a delivery may be the first thing logged about a challenge.
 */
export type CouncilEvent =
  | Event<'CouncilRegistered', DataOf<'RegisterCouncil'>>
  | Event<'PoliticalControlChanged', DataOf<'ChangePoliticalControl'>>
  | Event<'LeaderChanged', DataOf<'ChangeLeader'>>
  | Event<'LgaMembershipChanged', DataOf<'ChangeLgaMembership'>>
  | Event<'CouncilAbolished', DataOf<'AbolishCouncil'>>
  | Event<'AnnualConversationHeld', DataOf<'RecordAnnualConversation'>>
  | Event<'PeerChallengeRequested', DataOf<'RequestPeerChallenge'>>
  | Event<'PeerChallengeScheduled', DataOf<'SchedulePeerChallenge'>>
  | Event<
      'PeerChallengeDelivered',
      Omit<DataOf<'DeliverPeerChallenge'>, 'kind' | 'service'> & {
        kind: PeerChallengeKind;
        service?: string;
      }
    >
  | Event<'PeerChallengeReportPublished', DataOf<'PublishPeerChallengeReport'>>
  | Event<'PeerChallengeActionPlanPublished', DataOf<'PublishPeerChallengeActionPlan'>>
  | Event<'PeerChallengeProgressReviewHeld', DataOf<'HoldPeerChallengeProgressReview'>>
  | Event<'ChangeOfControlOfferMade', DataOf<'MakeChangeOfControlOffer'>>
  | Event<'ChangeOfControlOfferAccepted', DataOf<'AcceptChangeOfControlOffer'>>
  | Event<'ChangeOfControlOfferDeclined', DataOf<'DeclineChangeOfControlOffer'>>
  | Event<'ChangeOfControlSupportDelivered', DataOf<'DeliverChangeOfControlSupport'>>
  | Event<'MentoringStarted', DataOf<'StartMentoring'>>
  | Event<'MentoringCompleted', DataOf<'CompleteMentoring'>>
  | Event<'ProductivityExpertEngaged', DataOf<'EngageProductivityExpert'>>
  | Event<'SavingsReported', DataOf<'ReportSavings'>>
  | Event<'ProductivityEngagementClosed', DataOf<'CloseProductivityEngagement'>>
  | Event<'OfferDelivered', DataOf<'RecordOfferDelivered'>>
  | Event<'RiskSignalRaised', DataOf<'RaiseRiskSignal'>>
  | Event<'RiskSignalCleared', DataOf<'ClearRiskSignal'>>
  | Event<'EventCorrected', DataOf<'CorrectEvent'> & { targetType: CouncilEventType }>
  | Event<'EventRetracted', DataOf<'RetractEvent'> & { targetType: CouncilEventType }>;

export type CouncilEventType = CouncilEvent['type'];
export type EventOf<T extends CouncilEventType> = Extract<CouncilEvent, { type: T }>;

/** An event as read back from its stream: its id lets later events correct or retract it. */
export interface RecordedCouncilEvent {
  readonly eventId: string;
  readonly event: CouncilEvent;
}

export const EVENT_TYPES = [
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
  'SavingsReported',
  'ProductivityEngagementClosed',
  'OfferDelivered',
  'RiskSignalRaised',
  'RiskSignalCleared',
  'EventCorrected',
  'EventRetracted',
] as const satisfies readonly CouncilEventType[];

export function isCouncilEventType(value: unknown): value is CouncilEventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/** Kept for readers that need a date without switching on the event type. */
export function occurredAtOf(event: CouncilEvent): IsoDate {
  return event.data.occurredAt;
}

// Fails to compile if an event type is missing from EVENT_TYPES.
const _allEventTypesListed: [Exclude<CouncilEventType, (typeof EVENT_TYPES)[number]>] extends [
  never,
]
  ? true
  : false = true;
