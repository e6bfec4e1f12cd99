import {
  type DateRange,
  type IsoDate,
  type PeerChallengeKind,
  type Target,
  type TargetBaseline,
  isWithin,
} from '#domain';
import { changeOfControlTracker } from '../change-of-control/change-of-control-tracker.view.js';
import { type CouncilDocs, sortedCouncils } from '../council-docs.js';
import { lastDeliveryOn } from '../peer-challenges/peer-challenge-coverage.view.js';
import { existedDuring, existsOn } from '../shared/council-facts.js';
import { recordValues } from '../shared/records.js';

export type TargetDocs = Pick<
  CouncilDocs,
  'summaries' | 'takeUp' | 'changeOfControl' | 'peerChallenges'
>;

/** The event types a take-up document keeps; a target counting any other cannot be measured. */
export const MEASURABLE_EVENTS: readonly string[] = [
  'AnnualConversationHeld',
  'PeerChallengeDelivered',
  'ChangeOfControlSupportDelivered',
  'MentoringStarted',
  'ProductivityExpertEngaged',
  'OfferDelivered',
  'SavingsReported',
];

export interface Tally {
  readonly engagements: number;
  readonly participants: number;
  readonly pence: number;
  /** Councils with at least one counted delivery, by GSS code. */
  readonly councils: ReadonlySet<string>;
}

/** Deliveries (and savings of live engagements) that count toward the target within the period. */
export function tally(docs: TargetDocs, target: Target, period: DateRange): Tally {
  const offers = new Set(target.counts.offers);
  const events = new Set<string>(target.counts.events);
  let engagements = 0;
  let participants = 0;
  let pence = 0;
  const councils = new Set<string>();
  for (const gss of sortedCouncils(docs.takeUp)) {
    const doc = docs.takeUp.get(gss);
    if (doc === undefined) continue;
    const live = new Set<string>();
    for (const record of recordValues(doc.records)) {
      if (record.g !== undefined) live.add(record.g);
      if (!isWithin(record.on, period)) continue;
      if (!events.has(record.t) && (record.o === null || !offers.has(record.o))) continue;
      engagements += 1;
      participants += record.p;
      councils.add(gss);
    }
    if (!events.has('SavingsReported')) continue;
    for (const saving of recordValues(doc.savings)) {
      if (live.has(saving.g) && isWithin(saving.on, period)) pence += saving.pence;
    }
  }
  return { engagements, participants, pence, councils };
}

export interface Share {
  readonly eligible: number;
  readonly reached: number;
}

/** percent_of_eligible: who the denominator is, and how many of them were reached. */
export function shareOfEligible(
  docs: TargetDocs,
  target: Target,
  period: DateRange,
  fy: number,
  asOf: IsoDate,
): Share {
  if (target.eligible === 'councils_with_change_of_control') {
    // Reached means support in place, as the change-of-control tracker defines it.
    const tracker = changeOfControlTracker({ fy, asOfDate: asOf, docs });
    return { eligible: tracker.councils, reached: tracker.supportInPlace };
  }
  const reached = tally(docs, target, period).councils;
  let eligible = 0;
  let reachedEligible = 0;
  for (const gss of sortedCouncils(docs.summaries)) {
    const facts = docs.summaries.get(gss)?.facts;
    if (facts === undefined || !existedDuring(facts, period)) continue;
    eligible += 1;
    if (reached.has(gss)) reachedEligible += 1;
  }
  return { eligible, reached: reachedEligible };
}

const BASELINE_KINDS: Readonly<Record<TargetBaseline['measure'], readonly PeerChallengeKind[]>> = {
  councils_without_corporate_peer_challenge_since: ['corporate'],
};

/** Councils existing on the date with no peer challenge of the measure's kinds since `since`. */
export function councilsWithout(docs: TargetDocs, baseline: TargetBaseline, date: IsoDate): number {
  const kinds = BASELINE_KINDS[baseline.measure];
  let count = 0;
  for (const gss of sortedCouncils(docs.summaries)) {
    const facts = docs.summaries.get(gss)?.facts;
    if (facts === undefined || !existsOn(facts, date)) continue;
    const last = lastDeliveryOn(docs.peerChallenges.get(gss), kinds, date);
    if (last === null || last < baseline.since) count += 1;
  }
  return count;
}
