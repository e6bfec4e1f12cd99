import {
  type AuthorityType,
  type IsoDate,
  type LeaderRole,
  type LgaMembership,
  type PeerChallengeKind,
  type PoliticalControl,
  type Region,
  controlAt,
  leaderAt,
  membershipAt,
} from '#domain';
import { lastDayOf } from '../shared/council-facts.js';
import { sortedEntries } from '../shared/records.js';
import { dateOf, statusOf } from '../shared/steps.js';
import {
  type CouncilSummaryDoc,
  ENGAGEMENT_KINDS,
  type EngagementKind,
  isCorporateOrFinance,
} from './council-summary.projection.js';

export interface OpenEngagement {
  readonly id: string;
  readonly status: string;
  /** When the engagement started (its first step). */
  readonly since: IsoDate;
  /** When its latest step happened. */
  readonly lastStepOn: IsoDate;
  readonly peerChallengeKind?: PeerChallengeKind;
}

export interface CouncilSummary {
  readonly gss: string;
  readonly name: string;
  readonly authorityType: AuthorityType;
  readonly region: Region;
  readonly status: 'active' | 'abolished';
  readonly control: PoliticalControl | null;
  readonly membership: LgaMembership;
  readonly leaderRole: LeaderRole | null;
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  readonly lastDay: IsoDate | null;
  readonly successors: readonly string[];
  readonly history: {
    readonly control: readonly { from: IsoDate; control: PoliticalControl }[];
    readonly leader: readonly { from: IsoDate; role: LeaderRole }[];
    readonly membership: readonly { from: IsoDate; membership: LgaMembership }[];
  };
  readonly engagementCounts: Readonly<Record<EngagementKind, number>>;
  readonly open: {
    readonly peerChallenges: readonly OpenEngagement[];
    readonly changeOfControlOffers: readonly OpenEngagement[];
    readonly mentoring: readonly OpenEngagement[];
    readonly productivityEngagements: readonly OpenEngagement[];
    readonly riskSignals: readonly OpenEngagement[];
  };
  readonly lastAnnualConversationOn: IsoDate | null;
  readonly lastCorporateOrFinancePeerChallengeOn: IsoDate | null;
  readonly lastPosition: string;
}

/** Statuses in which an engagement still waits for something, by kind. */
const OPEN_STATUSES: Readonly<
  Record<keyof CouncilSummary['open'], readonly [EngagementKind, readonly string[]]>
> = {
  peerChallenges: ['peer_challenge', ['requested', 'scheduled']],
  changeOfControlOffers: ['change_of_control', ['offered']],
  mentoring: ['mentoring', ['active']],
  productivityEngagements: ['productivity', ['open']],
  riskSignals: ['risk_signal', ['open']],
};

const later = (a: IsoDate | null, b: IsoDate | null): IsoDate | null =>
  a === null ? b : b === null ? a : a >= b ? a : b;

/** The API's council summary: current facts are those of the latest effective date. */
export function councilSummary(doc: CouncilSummaryDoc): CouncilSummary {
  const { facts } = doc;
  const latest = '9999-12-31';
  const counts = Object.fromEntries(ENGAGEMENT_KINDS.map((kind) => [kind, 0])) as Record<
    EngagementKind,
    number
  >;
  const open: Record<keyof CouncilSummary['open'], OpenEngagement[]> = {
    peerChallenges: [],
    changeOfControlOffers: [],
    mentoring: [],
    productivityEngagements: [],
    riskSignals: [],
  };
  let lastConversation: IsoDate | null = null;
  let lastCorporate: IsoDate | null = null;
  for (const [id, engagement] of sortedEntries(doc.engagements)) {
    const first = engagement.st[0];
    const last = engagement.st[engagement.st.length - 1];
    if (first === undefined || last === undefined) continue;
    counts[engagement.k] += 1;
    if (engagement.k === 'annual_conversation')
      lastConversation = later(lastConversation, first.on);
    if (engagement.k === 'peer_challenge' && isCorporateOrFinance(engagement.pk)) {
      lastCorporate = later(lastCorporate, dateOf(engagement, 'delivered'));
    }
    for (const [list, [kind, statuses]] of Object.entries(OPEN_STATUSES)) {
      const status = statusOf(engagement) ?? '';
      if (engagement.k !== kind || !statuses.includes(status)) continue;
      open[list as keyof CouncilSummary['open']].push({
        id,
        status,
        since: first.on,
        lastStepOn: last.on,
        ...(engagement.pk === undefined ? {} : { peerChallengeKind: engagement.pk }),
      });
    }
  }
  return {
    gss: doc.gss,
    name: facts.name,
    authorityType: facts.authorityType,
    region: facts.region,
    status: facts.abolition === null ? 'active' : 'abolished',
    control: controlAt(facts.control, latest),
    membership: membershipAt(facts.membership, latest),
    leaderRole: leaderAt(facts.leader, latest)?.role ?? null,
    validFrom: facts.validFrom,
    validTo: facts.validTo,
    lastDay: lastDayOf(facts),
    successors: facts.abolition?.successors ?? [],
    history: {
      control: facts.control.map(({ from, control }) => ({ from, control })),
      leader: facts.leader.map(({ from, role }) => ({ from, role })),
      membership: facts.membership.map(({ from, membership }) => ({ from, membership })),
    },
    engagementCounts: counts,
    open,
    lastAnnualConversationOn: lastConversation,
    lastCorporateOrFinancePeerChallengeOn: lastCorporate,
    lastPosition: doc.lastPosition,
  };
}
