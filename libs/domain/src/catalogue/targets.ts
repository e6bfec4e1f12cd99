import type { CouncilEventType } from '../events/events.js';
import type { IsoDate } from '../values/iso-date.js';

/** Targets are in different units, and a report must say which (MoU Annex A1). */
export const TARGET_UNITS = [
  'engagements',
  'distinct_councils',
  'participants',
  'pounds',
  'percent_of_eligible',
  'councils_vs_baseline',
] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** Who the denominator of a percent_of_eligible target is. */
export const ELIGIBLE_POPULATIONS = ['all_councils', 'councils_with_change_of_control'] as const;
export type EligiblePopulation = (typeof ELIGIBLE_POPULATIONS)[number];

export const BASELINE_MEASURES = ['councils_without_corporate_peer_challenge_since'] as const;
export type BaselineMeasure = (typeof BASELINE_MEASURES)[number];

/** What counts toward a target: deliveries of these catalogue offers, or these events. */
export interface TargetCounts {
  readonly offers: readonly string[];
  readonly events: readonly CouncilEventType[];
}

/** For councils_vs_baseline: the population counted on `asOf`, to be reduced by threshold %. */
export interface TargetBaseline {
  readonly measure: BaselineMeasure;
  readonly since: IsoDate;
  readonly asOf: IsoDate;
}

/**
 * One Annex A1 target. `threshold` reads by unit: a count (engagements, distinct_councils,
 * participants), an amount (pounds), a percentage of the eligible councils
 * (percent_of_eligible) or the percentage reduction of the baseline (councils_vs_baseline).
 */
export interface Target {
  readonly code: string;
  readonly description: string;
  readonly objective: number;
  readonly unit: TargetUnit;
  readonly threshold: number;
  readonly counts: TargetCounts;
  readonly eligible: EligiblePopulation | null;
  readonly baseline: TargetBaseline | null;
  /** Pounds may be counted over several years from the start of the target's year. */
  readonly windowYears: number | null;
  /** "Of which" parts, e.g. 8.1a: 70 of the 110 peer challenges corporate or finance. */
  readonly subTargets: readonly Target[];
}

export interface TargetSet {
  readonly financialYear: number;
  readonly source: string;
  readonly targets: readonly Target[];
}

/** Targets and their sub-targets in one list, parents first. */
export function allTargets(set: TargetSet): readonly Target[] {
  return set.targets.flatMap((target) => [target, ...target.subTargets]);
}

export function findTarget(set: TargetSet, code: string): Target | undefined {
  return allTargets(set).find((target) => target.code === code);
}
