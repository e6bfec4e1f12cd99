import type { CouncilEvent, IsoDate } from '#domain';
import type { Projection } from '../../projection.js';
import { type CouncilDocument, councilProjection } from '../shared/council-projection.js';
import {
  NO_RECORDS,
  type Records,
  recordOf,
  updateRecord,
  withRecord,
  withoutRecord,
} from '../shared/records.js';

export interface AnnualConversationRecord {
  readonly id: string;
  readonly on: IsoDate;
  readonly adviserId: string;
}

export interface AnnualConversationsDoc extends CouncilDocument {
  /** By the id of the AnnualConversationHeld event. */
  readonly conversations: Records<AnnualConversationRecord>;
}

const HANDLES = [
  'CouncilRegistered',
  'AnnualConversationHeld',
  'EventCorrected',
  'EventRetracted',
] as const;

function apply(doc: AnnualConversationsDoc, event: CouncilEvent, eventId: string) {
  switch (event.type) {
    case 'AnnualConversationHeld': {
      if (recordOf(doc.conversations, eventId) !== undefined) return doc;
      const { conversationId: id, occurredAt: on, adviserId } = event.data;
      const conversations = withRecord(doc.conversations, eventId, { id, on, adviserId });
      return { ...doc, conversations };
    }
    case 'EventCorrected': {
      const { eventId: target, correction } = event.data;
      const conversations = updateRecord(doc.conversations, target, (conversation) => ({
        ...conversation,
        ...(Object.hasOwn(correction, 'occurredAt')
          ? { on: correction.occurredAt as IsoDate }
          : {}),
        ...(Object.hasOwn(correction, 'adviserId')
          ? { adviserId: correction.adviserId as string }
          : {}),
      }));
      return { ...doc, conversations };
    }
    case 'EventRetracted':
      return { ...doc, conversations: withoutRecord(doc.conversations, event.data.eventId) };
    case 'CouncilRegistered':
    case 'PoliticalControlChanged':
    case 'LeaderChanged':
    case 'LgaMembershipChanged':
    case 'CouncilAbolished':
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
    case 'RiskSignalRaised':
    case 'RiskSignalCleared':
      return doc;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Annual conversations per council: when, and with which principal adviser. */
export const annualConversationsProjection: Projection<AnnualConversationsDoc> =
  councilProjection<AnnualConversationsDoc>({
    name: 'annual-conversations',
    handles: HANDLES,
    create: (event, lastPosition) => ({
      lastPosition,
      gss: event.data.gss,
      conversations: NO_RECORDS,
    }),
    apply,
  });
