import { type CouncilEvent, type IsoDate, type PeerChallengeKind } from '#domain';
import type { Projection } from '../../projection.js';
import { type CouncilDocument, councilProjection } from '../shared/council-projection.js';
import {
  type Records,
  NO_RECORDS,
  recordOf,
  updateRecord,
  withRecord,
  withoutRecord,
} from '../shared/records.js';

/** A delivered peer challenge: `id` the challenge, its kind and delivery date. */
export interface DeliveredPeerChallenge {
  readonly id: string;
  readonly kind: PeerChallengeKind;
  readonly on: IsoDate;
}

export interface PeerChallengesDoc extends CouncilDocument {
  /** By the id of the PeerChallengeDelivered event, which corrections and retractions name. */
  readonly delivered: Records<DeliveredPeerChallenge>;
}

const HANDLES = [
  'CouncilRegistered',
  'PeerChallengeDelivered',
  'EventCorrected',
  'EventRetracted',
] as const;

function apply(doc: PeerChallengesDoc, event: CouncilEvent, eventId: string): PeerChallengesDoc {
  switch (event.type) {
    case 'PeerChallengeDelivered': {
      if (recordOf(doc.delivered, eventId) !== undefined) return doc;
      const { peerChallengeId: id, kind, occurredAt: on } = event.data;
      return { ...doc, delivered: withRecord(doc.delivered, eventId, { id, kind, on }) };
    }
    case 'EventCorrected': {
      // A kind corrected on the request is cascaded to the delivery by the decider.
      const { eventId: target, correction } = event.data;
      if (event.data.targetType !== 'PeerChallengeDelivered') return doc;
      const delivered = updateRecord(doc.delivered, target, (challenge) => ({
        ...challenge,
        ...(Object.hasOwn(correction, 'kind')
          ? { kind: correction.kind as PeerChallengeKind }
          : {}),
        ...(Object.hasOwn(correction, 'occurredAt')
          ? { on: correction.occurredAt as IsoDate }
          : {}),
      }));
      return { ...doc, delivered };
    }
    case 'EventRetracted':
      return { ...doc, delivered: withoutRecord(doc.delivered, event.data.eventId) };
    case 'CouncilRegistered':
    case 'PoliticalControlChanged':
    case 'LeaderChanged':
    case 'LgaMembershipChanged':
    case 'CouncilAbolished':
    case 'AnnualConversationHeld':
    case 'PeerChallengeRequested':
    case 'PeerChallengeScheduled':
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

/** Delivered peer challenges per council, for coverage ("none in five years", "never"). */
export const peerChallengesProjection: Projection<PeerChallengesDoc> =
  councilProjection<PeerChallengesDoc>({
    name: 'peer-challenges',
    handles: HANDLES,
    create: (event, lastPosition) => ({ lastPosition, gss: event.data.gss, delivered: NO_RECORDS }),
    apply,
  });
