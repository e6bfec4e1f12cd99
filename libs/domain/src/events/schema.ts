import { UnknownEventType, UnsupportedSchemaVersion } from '../errors.js';
import { type CouncilEvent, type CouncilEventType, isCouncilEventType } from './events.js';

/** The schema version written with each new event; bump one when its data changes shape. */
export const EVENT_SCHEMA_VERSION: Readonly<Record<CouncilEventType, number>> = {
  CouncilRegistered: 1,
  PoliticalControlChanged: 1,
  LeaderChanged: 1,
  LgaMembershipChanged: 1,
  CouncilAbolished: 1,
  AnnualConversationHeld: 1,
  PeerChallengeRequested: 1,
  PeerChallengeScheduled: 1,
  PeerChallengeDelivered: 1,
  PeerChallengeReportPublished: 1,
  PeerChallengeActionPlanPublished: 1,
  PeerChallengeProgressReviewHeld: 1,
  ChangeOfControlOfferMade: 1,
  ChangeOfControlOfferAccepted: 1,
  ChangeOfControlOfferDeclined: 1,
  ChangeOfControlSupportDelivered: 1,
  MentoringStarted: 1,
  MentoringCompleted: 1,
  ProductivityExpertEngaged: 1,
  SavingsReported: 1,
  ProductivityEngagementClosed: 1,
  OfferDelivered: 1,
  RiskSignalRaised: 1,
  RiskSignalCleared: 1,
  EventCorrected: 1,
  EventRetracted: 1,
};

/**
 * Turns stored event data of any schema version into the current shape. Stored events are
 * never rewritten: when a version 2 appears, its step from version 1 goes here, keyed by type.
 */
export function upcast(type: string, schemaVersion: number, data: unknown): CouncilEvent {
  if (!isCouncilEventType(type)) throw new UnknownEventType(type);
  const current = EVENT_SCHEMA_VERSION[type];
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current) {
    throw new UnsupportedSchemaVersion(type, schemaVersion);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UnsupportedSchemaVersion(type, schemaVersion);
  }
  // Version 1 is the current shape of every type: identity.
  return { type, data } as CouncilEvent;
}
