import {
  type InterventionRiskResult,
  type QuarterlyReport,
  type TableRow,
  type TakeUpResult,
  type TakeUpRow,
  type TargetsVsActualsResult,
  tabularParts,
} from '#projections';
import type { SnapshotKind } from './snapshot-params.js';

/** A snapshot's tables by name, each a list of flat rows with the same columns. */
export type SnapshotTables = Readonly<Record<string, readonly TableRow[]>>;

const list = (values: readonly string[]) => values.join(' ');

const dateList = (dates: Readonly<Record<string, string | null>>) =>
  Object.entries(dates)
    .map(([name, date]) => `${name}=${date ?? 'none'}`)
    .join('; ');

function takeUpTables(result: TakeUpResult): SnapshotTables {
  const row = (kind: 'total' | 'group', r: TakeUpRow): TableRow => ({
    row: kind,
    ...Object.fromEntries(
      result.groupBy.map((dimension) => [dimension, r.group[dimension] ?? null]),
    ),
    engagements: r.engagements,
    councils: r.councils,
    participants: r.participants,
    savings_pounds: r.savingsPounds,
    eligible_councils: r.eligibleCouncils,
    coverage_percent: r.coveragePercent,
    zero_take_up: list(r.zeroTakeUp),
    low_take_up: list(r.lowTakeUp),
  });
  return {
    'take-up': [row('total', result.total), ...result.rows.map((r) => row('group', r))],
  };
}

function targetTables(result: TargetsVsActualsResult): SnapshotTables {
  return {
    targets: result.targets.map((t) => ({
      code: t.code,
      parent_code: t.parentCode,
      description: t.description,
      unit: t.unit,
      threshold: t.threshold,
      actual: t.actual,
      expected_by_now: t.expectedByNow,
      status: t.status,
      period_from: t.period.from,
      period_to: t.period.to,
      counted_to: t.countedTo,
      eligible: t.eligible,
      reached: t.reached,
      baseline: t.baseline,
      current: t.current,
      unmeasured_events: list(t.unmeasuredEvents),
    })),
  };
}

function riskTables(result: InterventionRiskResult): SnapshotTables {
  return {
    councils: result.councils.map((c) => ({
      gss: c.gss,
      name: c.name,
      tier: c.tier,
      reasons: list(c.reasons.map((r) => r.code)),
    })),
    reasons: result.councils.flatMap((c) =>
      c.reasons.map((r) => ({
        gss: c.gss,
        name: c.name,
        tier: c.tier,
        reason_code: r.code,
        reason_tier: r.tier,
        reason: r.description,
        signal_id: r.signalId,
        signal_kind: r.signalKind,
        severity: r.severity,
        evidence: r.evidence,
        dates: dateList(r.dates),
      })),
    ),
  };
}

/**
 * The tabular parts of a stored document, for CSV. The quarterly report's tables are its
 * own (tabularParts); the views get one flat row per row of the view. The document was
 * computed by this code's views (its hash says so), so its shape is the view's type.
 */
export function snapshotTables(kind: SnapshotKind, document: unknown): SnapshotTables {
  switch (kind) {
    case 'quarterly-report':
      return tabularParts(document as QuarterlyReport);
    case 'take-up':
      return takeUpTables(document as TakeUpResult);
    case 'targets':
      return targetTables(document as TargetsVsActualsResult);
    case 'risk-list':
      return riskTables(document as InterventionRiskResult);
    default: {
      const unknownKind: never = kind;
      throw new Error(`no tables for ${String(unknownKind)}`);
    }
  }
}
