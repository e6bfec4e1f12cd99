import { COMMAND_LIMITS } from '../commands/commands.js';
import type { CouncilEventType } from '../events/events.js';
import {
  AUTHORITY_TYPES,
  LEADER_ROLES,
  POLITICAL_CONTROLS,
  RECORDED_LGA_MEMBERSHIPS,
  REGIONS,
} from '../values/council.js';
import { isGssCode } from '../values/identifiers.js';
import {
  CHANGE_OF_CONTROL_TRIGGERS,
  MENTEE_ROLES,
  PEER_CHALLENGE_KINDS,
  PEER_TYPES,
  PRODUCTIVITY_FOCUSES,
  RISK_SEVERITIES,
  RISK_SIGNAL_KINDS,
  SAVING_KINDS,
  SERVICE_PATTERN,
} from '../values/support.js';
import { InvalidCommand } from '../errors.js';
import { requireDays } from './change-of-control.js';
import {
  requireDate,
  requireId,
  requireInteger,
  requireOneOf,
  requireText,
  requireTextList,
} from './guards.js';
import { requirePounds } from './productivity.js';

/** Checks one corrected value on its own; cross-field rules run afterwards, against state. */
type FieldRule = (field: string, value: unknown) => void;

const date: FieldRule = (field, value) => void requireDate(field, value);
const nullableDate: FieldRule = (field, value) => {
  if (value !== null) requireDate(field, value);
};
const id: FieldRule = (field, value) => void requireId(field, value);
const text =
  (max: number = COMMAND_LIMITS.textMaxLength): FieldRule =>
  (field, value) =>
    void requireText(field, value, max);
const textList: FieldRule = (field, value) => void requireTextList(field, value);
const oneOf =
  (values: readonly string[]): FieldRule =>
  (field, value) =>
    void requireOneOf(field, values, value);
const integer =
  (limits: { min: number; max: number }): FieldRule =>
  (field, value) =>
    void requireInteger(field, value, limits.min, limits.max);
/** null removes the service, e.g. when the kind is corrected away from service_specific. */
const service: FieldRule = (field, value) => {
  if (value !== null && (typeof value !== 'string' || !SERVICE_PATTERN.test(value))) {
    throw new InvalidCommand(field, 'must be a service name such as housing, or null');
  }
};
const gssList: FieldRule = (field, value) => {
  if (!Array.isArray(value) || !value.every(isGssCode)) {
    throw new InvalidCommand(field, 'must be a list of GSS codes');
  }
};
const days: FieldRule = (_field, value) => void requireDays(value);
const pounds: FieldRule = (field, value) => void requirePounds(field, value);

const onSite = { onSiteFrom: date, onSiteTo: date };

/**
 * What a correction may change, by event type. Identity (gss, engagement ids) is never
 * correctable: a wrongly attributed event is retracted and recorded again instead.
 */
export const CORRECTABLE_FIELDS: Readonly<
  Record<CouncilEventType, Readonly<Record<string, FieldRule>>>
> = {
  CouncilRegistered: {
    occurredAt: date,
    name: text(COMMAND_LIMITS.nameMaxLength),
    authorityType: oneOf(AUTHORITY_TYPES),
    region: oneOf(REGIONS),
    validFrom: nullableDate,
    validTo: nullableDate,
  },
  PoliticalControlChanged: { occurredAt: date, control: oneOf(POLITICAL_CONTROLS) },
  LeaderChanged: { occurredAt: date, role: oneOf(LEADER_ROLES), leaderId: id },
  LgaMembershipChanged: { occurredAt: date, membership: oneOf(RECORDED_LGA_MEMBERSHIPS) },
  CouncilAbolished: { occurredAt: date, lastDay: date, successors: gssList },
  AnnualConversationHeld: {
    occurredAt: date,
    adviserId: id,
    topics: textList,
    supportAgreed: textList,
  },
  PeerChallengeRequested: { occurredAt: date, kind: oneOf(PEER_CHALLENGE_KINDS), service },
  PeerChallengeScheduled: { occurredAt: date, ...onSite },
  PeerChallengeDelivered: {
    occurredAt: date,
    ...onSite,
    peers: integer(COMMAND_LIMITS.peerChallengePeers),
    kind: oneOf(PEER_CHALLENGE_KINDS),
    service,
  },
  PeerChallengeReportPublished: { occurredAt: date },
  PeerChallengeActionPlanPublished: { occurredAt: date },
  PeerChallengeProgressReviewHeld: { occurredAt: date },
  ChangeOfControlOfferMade: { occurredAt: date, trigger: oneOf(CHANGE_OF_CONTROL_TRIGGERS) },
  ChangeOfControlOfferAccepted: { occurredAt: date },
  ChangeOfControlOfferDeclined: { occurredAt: date },
  ChangeOfControlSupportDelivered: {
    occurredAt: date,
    days,
    memberPeers: integer(COMMAND_LIMITS.changeOfControlMemberPeers),
  },
  MentoringStarted: {
    occurredAt: date,
    menteeId: id,
    menteeRole: oneOf(MENTEE_ROLES),
    peerType: oneOf(PEER_TYPES),
  },
  MentoringCompleted: { occurredAt: date },
  ProductivityExpertEngaged: { occurredAt: date, expertId: id, focus: oneOf(PRODUCTIVITY_FOCUSES) },
  SavingsReported: {
    occurredAt: date,
    amountPounds: pounds,
    kind: oneOf(SAVING_KINDS),
    periodFrom: date,
    periodTo: date,
  },
  ProductivityEngagementClosed: { occurredAt: date },
  OfferDelivered: {
    occurredAt: date,
    offerCode: text(),
    participants: integer(COMMAND_LIMITS.participants),
  },
  RiskSignalRaised: {
    occurredAt: date,
    kind: oneOf(RISK_SIGNAL_KINDS),
    severity: oneOf(RISK_SEVERITIES),
    evidence: text(COMMAND_LIMITS.evidenceMaxLength),
  },
  RiskSignalCleared: { occurredAt: date, reason: text(COMMAND_LIMITS.reasonMaxLength) },
  EventCorrected: {},
  EventRetracted: {},
};

/** The fields a correction of this event type may carry (for DTOs and API docs). */
export function correctableFieldsOf(type: CouncilEventType): readonly string[] {
  return Object.keys(CORRECTABLE_FIELDS[type]);
}
