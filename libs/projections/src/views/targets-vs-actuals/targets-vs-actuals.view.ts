import {
  type DateRange,
  type IsoDate,
  type Target,
  type TargetSet,
  type TargetUnit,
  allTargets,
  financialYearBounds,
  financialYearLabel,
} from '#domain';
import { elapsedFraction, minDate, upTo, windowOfYears } from '../shared/dates.js';
import { round2, toPounds } from '../shared/numbers.js';
import {
  MEASURABLE_EVENTS,
  type TargetDocs,
  councilsWithout,
  shareOfEligible,
  tally,
} from './target-measures.js';

export type TargetStatus = 'met' | 'on_track' | 'behind';

export interface TargetsVsActualsParams {
  readonly fy: number;
  /** The report date: only what happened by then counts, and on-track is pro rata to it. */
  readonly asOfDate: IsoDate;
  readonly targets: TargetSet;
  readonly docs: TargetDocs;
}

export interface TargetActual {
  readonly code: string;
  readonly parentCode: string | null;
  readonly description: string;
  readonly unit: TargetUnit;
  readonly threshold: number;
  /** In the target's unit; null when there is no eligible council or baseline to measure against. */
  readonly actual: number | null;
  /** threshold x the elapsed share of the target's period. */
  readonly expectedByNow: number;
  readonly status: TargetStatus;
  /** The target's whole period (a year; pounds: their window of years). */
  readonly period: DateRange;
  readonly countedTo: IsoDate;
  readonly eligible: number | null;
  readonly reached: number | null;
  readonly baseline: number | null;
  readonly current: number | null;
  /** Event types the target names that take-up does not keep (counted as zero). */
  readonly unmeasuredEvents: readonly string[];
}

export interface TargetsVsActualsResult {
  readonly fy: number;
  readonly financialYear: string;
  readonly asOfDate: IsoDate;
  readonly source: string;
  readonly targets: readonly TargetActual[];
}

interface Measure {
  readonly actual: number | null;
  readonly eligible?: number;
  readonly reached?: number;
  readonly baseline?: number;
  readonly current?: number;
}

/** The unrounded actual: status is decided on it, the output is rounded. */
function measure(
  docs: TargetDocs,
  target: Target,
  counted: DateRange,
  fy: number,
  asOf: IsoDate,
): Measure {
  switch (target.unit) {
    case 'engagements':
      return { actual: tally(docs, target, counted).engagements };
    case 'distinct_councils':
      return { actual: tally(docs, target, counted).councils.size };
    case 'participants':
      return { actual: tally(docs, target, counted).participants };
    case 'pounds':
      return { actual: toPounds(tally(docs, target, counted).pence) };
    case 'percent_of_eligible': {
      const share = shareOfEligible(docs, target, counted, fy, asOf);
      const actual = share.eligible === 0 ? null : (share.reached / share.eligible) * 100;
      return { actual, ...share };
    }
    case 'councils_vs_baseline': {
      if (target.baseline === null) return { actual: null };
      const baseline = councilsWithout(docs, target.baseline, target.baseline.asOf);
      const current = councilsWithout(docs, target.baseline, counted.to);
      const actual = baseline === 0 ? null : ((baseline - current) / baseline) * 100;
      return { actual, baseline, current };
    }
    default: {
      const unreachable: never = target.unit;
      return unreachable;
    }
  }
}

function statusOf(actual: number | null, threshold: number, expected: number): TargetStatus {
  // Nothing to measure against (no eligible council, an empty baseline) is not a shortfall.
  if (actual === null || actual >= threshold) return 'met';
  return actual >= expected ? 'on_track' : 'behind';
}

function evaluate(params: TargetsVsActualsParams, target: Target, parentCode: string | null) {
  const period =
    target.unit === 'pounds'
      ? windowOfYears(params.fy, target.windowYears ?? 1)
      : financialYearBounds(params.fy);
  const counted = upTo(period, params.asOfDate);
  const result: Measure =
    counted.to < counted.from
      ? { actual: 0 }
      : measure(params.docs, target, counted, params.fy, params.asOfDate);
  const expected = target.threshold * elapsedFraction(period, params.asOfDate);
  return {
    code: target.code,
    parentCode,
    description: target.description,
    unit: target.unit,
    threshold: target.threshold,
    actual: result.actual === null ? null : round2(result.actual),
    expectedByNow: round2(expected),
    status: statusOf(result.actual, target.threshold, expected),
    period,
    countedTo: minDate(period.to, params.asOfDate),
    eligible: result.eligible ?? null,
    reached: result.reached ?? null,
    baseline: result.baseline ?? null,
    current: result.current ?? null,
    unmeasuredEvents: target.counts.events.filter((type) => !MEASURABLE_EVENTS.includes(type)),
  } satisfies TargetActual;
}

/**
 * Every target and sub-target of the year, in the order of the target set, each measured
 * in its own unit: met when actual >= threshold, on track when actual >= threshold x the
 * elapsed share of its period on asOfDate, else behind.
 */
export function targetsVsActuals(params: TargetsVsActualsParams): TargetsVsActualsResult {
  if (params.targets.financialYear !== params.fy) {
    throw new RangeError(
      `targets are for ${financialYearLabel(params.targets.financialYear)}, not ${financialYearLabel(params.fy)}`,
    );
  }
  const parents = new Map(
    params.targets.targets.flatMap((parent) =>
      parent.subTargets.map((sub) => [sub.code, parent.code]),
    ),
  );
  return {
    fy: params.fy,
    financialYear: financialYearLabel(params.fy),
    asOfDate: params.asOfDate,
    source: params.targets.source,
    targets: allTargets(params.targets).map((target) =>
      evaluate(params, target, parents.get(target.code) ?? null),
    ),
  };
}
