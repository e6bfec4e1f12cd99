import { type IdMap, idMapGet } from './id-map.js';
import type { CouncilEventType } from '../events/events.js';
import type {
  AuthorityType,
  LeaderRole,
  LgaMembership,
  PoliticalControl,
  RecordedLgaMembership,
  Region,
} from '../values/council.js';
import type { DateRange, IsoDate } from '../values/iso-date.js';
import type { ChangeOfControlTrigger, PeerChallengeKind } from '../values/support.js';

/** Every dated fact keeps the id of the event that set it, so a retraction can remove it. */
export interface Dated {
  readonly eventId: string;
  readonly from: IsoDate;
}
export interface ControlPeriod extends Dated {
  readonly control: PoliticalControl;
}
export interface LeaderPeriod extends Dated {
  readonly role: LeaderRole;
  readonly leaderId: string;
}
export interface MembershipPeriod extends Dated {
  readonly membership: RecordedLgaMembership;
}

/**
 * One step of an engagement's lifecycle. Keeping the steps (not just the status) lets a
 * retraction of the latest step restore the previous status without replaying payloads.
 */
export interface Step<S extends string> {
  readonly eventId: string;
  readonly status: S;
  readonly on: IsoDate;
}

/** 'retracted': every step was retracted; the id stays used so it is never reused. */
export interface Engagement<S extends string> {
  readonly status: S | 'retracted';
  readonly steps: readonly Step<S>[];
}

export const PEER_CHALLENGE_STATUSES = [
  'requested',
  'scheduled',
  'delivered',
  'report_published',
  'action_plan_published',
  'progress_review_held',
] as const;
export type PeerChallengeStatus = (typeof PEER_CHALLENGE_STATUSES)[number];
export interface PeerChallengeStep extends Step<PeerChallengeStatus> {
  readonly onSite: DateRange | null;
}
export interface PeerChallenge extends Engagement<PeerChallengeStatus> {
  readonly steps: readonly PeerChallengeStep[];
  readonly kind: PeerChallengeKind;
  readonly service: string | null;
}

export type ChangeOfControlStatus = 'offered' | 'accepted' | 'declined' | 'support_delivered';
export interface ChangeOfControlOffer extends Engagement<ChangeOfControlStatus> {
  readonly trigger: ChangeOfControlTrigger;
}
export type MentoringStatus = 'active' | 'completed';
export type ProductivityStatus = 'open' | 'closed';
export type RiskSignalStatus = 'open' | 'cleared';
export type AnnualConversationStatus = 'held';
export interface OfferDelivery extends Engagement<'delivered'> {
  /** Kept so a correction of the code or date can be checked against the catalogue. */
  readonly offerCode: string;
}

/** The kinds of thing an engagement id can name; one namespace per council. */
export const ENGAGEMENT_AREAS = [
  'annual conversation',
  'peer challenge',
  'change-of-control offer',
  'mentoring',
  'productivity engagement',
  'offer delivery',
  'risk signal',
] as const;
export type EngagementArea = (typeof ENGAGEMENT_AREAS)[number];

export interface KnownEvent {
  readonly type: CouncilEventType;
  readonly retracted: boolean;
  /** The engagement id the event is a step of, if any. */
  readonly subject: string | null;
}

type ById<T> = IdMap<T>;

export interface CouncilRecord {
  readonly gss: string;
  readonly name: string;
  readonly authorityType: AuthorityType;
  readonly region: Region;
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  /** Sorted by `from`; equal dates keep recording order, so the later record wins. */
  readonly controlHistory: readonly ControlPeriod[];
  readonly leaderHistory: readonly LeaderPeriod[];
  readonly membershipHistory: readonly MembershipPeriod[];
  readonly annualConversations: ById<Engagement<AnnualConversationStatus>>;
  readonly peerChallenges: ById<PeerChallenge>;
  readonly changeOfControlOffers: ById<ChangeOfControlOffer>;
  readonly mentoring: ById<Engagement<MentoringStatus>>;
  readonly productivityEngagements: ById<Engagement<ProductivityStatus>>;
  readonly deliveries: ById<OfferDelivery>;
  readonly riskSignals: ById<Engagement<RiskSignalStatus>>;
  readonly engagementIds: ById<EngagementArea>;
  readonly events: ById<KnownEvent>;
  /** The latest occurredAt of anything but registration and registry corrections. */
  readonly lastActivityOn: IsoDate | null;
}

/** Plain JSON-friendly data, so a loaded state can be cached or snapshotted as it is. */
export type CouncilState =
  | { readonly status: 'unregistered' }
  | ({ readonly status: 'active' } & CouncilRecord)
  | ({
      readonly status: 'abolished';
      readonly lastDay: IsoDate;
      readonly successors: readonly string[];
      readonly abolishedBy: string;
    } & CouncilRecord);

export type RegisteredCouncilState = Exclude<CouncilState, { status: 'unregistered' }>;

export const initialState: CouncilState = { status: 'unregistered' };

/** Own-property lookup: ids such as 'constructor' must not find Object.prototype members. */
/** Own-property lookup in a plain record: safe for ids such as "constructor". */
export function byId<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** Lookup in one of the state's id maps (events, engagements). */
export function entry<T>(map: IdMap<T>, id: string): T | undefined {
  return idMapGet(map, id);
}

/** The last day the council exists, if known: its abolition, else its register end date. */
export function lastDayOf(state: RegisteredCouncilState): IsoDate | null {
  return state.status === 'abolished' ? state.lastDay : state.validTo;
}

function atDate<T extends Dated>(history: readonly T[], date: IsoDate): T | undefined {
  let found: T | undefined;
  for (const period of history) {
    if (period.from > date) break;
    found = period;
  }
  return found;
}

function historyOf<K extends 'controlHistory' | 'leaderHistory' | 'membershipHistory'>(
  source: CouncilState | CouncilRecord[K],
  key: K,
): CouncilRecord[K] {
  if (Array.isArray(source)) return source as CouncilRecord[K];
  const state = source as CouncilState;
  return state.status === 'unregistered' ? [] : state[key];
}

/** The political control in force on a date (take-up counts control at the time); null if unknown. */
export function controlAt(
  source: CouncilState | readonly ControlPeriod[],
  date: IsoDate,
): PoliticalControl | null {
  return atDate(historyOf(source, 'controlHistory'), date)?.control ?? null;
}

export function leaderAt(
  source: CouncilState | readonly LeaderPeriod[],
  date: IsoDate,
): { role: LeaderRole; leaderId: string } | null {
  const period = atDate(historyOf(source, 'leaderHistory'), date);
  return period ? { role: period.role, leaderId: period.leaderId } : null;
}

/** Membership is 'unknown' until an event says otherwise: it is never assumed. */
export function membershipAt(
  source: CouncilState | readonly MembershipPeriod[],
  date: IsoDate,
): LgaMembership {
  return atDate(historyOf(source, 'membershipHistory'), date)?.membership ?? 'unknown';
}

/** The on-site dates of a peer challenge: those of its latest scheduling or delivery. */
export function onSiteOf(challenge: PeerChallenge): DateRange | null {
  for (let i = challenge.steps.length - 1; i >= 0; i -= 1) {
    const onSite = challenge.steps[i]?.onSite;
    if (onSite) return onSite;
  }
  return null;
}
