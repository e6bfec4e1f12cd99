import { CORPORATE_OR_FINANCE_KINDS, type IsoDate, type PeerChallengeKind } from '#domain';
import { type CouncilDocs, sortedCouncils } from '../council-docs.js';
import { existsOn } from '../shared/council-facts.js';
import { yearsBefore } from '../shared/dates.js';
import type { PeerChallengesDoc } from './peer-challenges.projection.js';
import { NO_RECORDS, recordValues } from '../shared/records.js';

export const SINCE_2013: IsoDate = '2013-01-01';

export interface PeerChallengeCoverageParams {
  readonly asOfDate: IsoDate;
  readonly docs: Pick<CouncilDocs, 'summaries' | 'peerChallenges'>;
  /** The kinds that count; default corporate or finance. */
  readonly kinds?: readonly PeerChallengeKind[];
  /** Default 5: "a corporate or finance peer challenge every five years". */
  readonly years?: number;
  /** Default 2013-01-01: the MoU tracks councils with none since 2013. */
  readonly since?: IsoDate;
}

export interface PeerChallengeGap {
  readonly gss: string;
  readonly name: string;
  /** The latest delivery of a counted kind on or before asOfDate, if any. */
  readonly lastDeliveredOn: IsoDate | null;
}

export interface PeerChallengeCoverageResult {
  readonly asOfDate: IsoDate;
  readonly kinds: readonly PeerChallengeKind[];
  /** Deliveries after this date count as "in the last N years". */
  readonly windowStartsAfter: IsoDate;
  readonly since: IsoDate;
  readonly councils: number;
  readonly noneInWindow: readonly PeerChallengeGap[];
  readonly noneSince: readonly PeerChallengeGap[];
  readonly never: readonly PeerChallengeGap[];
}

/** The latest delivery of one of the kinds on or before the date. */
export function lastDeliveryOn(
  doc: PeerChallengesDoc | undefined,
  kinds: readonly PeerChallengeKind[],
  asOf: IsoDate,
): IsoDate | null {
  let last: IsoDate | null = null;
  for (const challenge of recordValues(doc?.delivered ?? NO_RECORDS)) {
    if (!kinds.includes(challenge.kind) || challenge.on > asOf) continue;
    if (last === null || challenge.on > last) last = challenge.on;
  }
  return last;
}

/**
 * Councils existing on asOfDate with no counted peer challenge delivered in the last N years
 * (after asOfDate minus N years), none since `since`, and none ever (as far as recorded).
 * The three lists nest: never within noneSince within noneInWindow (when since is earlier).
 */
export function peerChallengeCoverage(
  params: PeerChallengeCoverageParams,
): PeerChallengeCoverageResult {
  const { asOfDate, docs } = params;
  const kinds = params.kinds ?? CORPORATE_OR_FINANCE_KINDS;
  const windowStartsAfter = yearsBefore(asOfDate, params.years ?? 5);
  const since = params.since ?? SINCE_2013;
  const result = {
    noneInWindow: [] as PeerChallengeGap[],
    noneSince: [] as PeerChallengeGap[],
    never: [] as PeerChallengeGap[],
  };
  let councils = 0;
  for (const gss of sortedCouncils(docs.summaries)) {
    const summary = docs.summaries.get(gss);
    if (summary === undefined || !existsOn(summary.facts, asOfDate)) continue;
    councils += 1;
    const last = lastDeliveryOn(docs.peerChallenges.get(gss), kinds, asOfDate);
    const gap = { gss, name: summary.facts.name, lastDeliveredOn: last };
    if (last === null || last <= windowStartsAfter) result.noneInWindow.push(gap);
    if (last === null || last < since) result.noneSince.push(gap);
    if (last === null) result.never.push(gap);
  }
  return { asOfDate, kinds: [...kinds], windowStartsAfter, since, councils, ...result };
}
