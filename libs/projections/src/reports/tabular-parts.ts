import type { BreakdownRow, QuarterlyReport, SupportSection } from './quarterly-report.types.js';

/** The report's tables for CSV export, in the order a reader meets them in the report. */
export const REPORT_TABLES = [
  'targets',
  'take-up-by-region',
  'take-up-by-authority-type',
  'take-up-by-control',
  'take-up-by-membership',
  'change-of-control',
  'risk',
  'support-by-offer',
  'trend',
] as const;
export type ReportTableName = (typeof REPORT_TABLES)[number];

export type TableCell = string | number | null;
/** A flat row: every row of a table has the same columns, in the same order. */
export type TableRow = Readonly<Record<string, TableCell>>;
export type ReportTables = Readonly<Record<ReportTableName, readonly TableRow[]>>;

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/**
 * One row per value seen in the quarter or the year to date (the quarter's values are a
 * subset, as are its councils), quarter and year-to-date figures side by side.
 */
function takeUpTable(
  name: string,
  report: QuarterlyReport,
  pick: (section: SupportSection) => readonly BreakdownRow[],
): TableRow[] {
  const quarter = new Map(pick(report.quarter).map((row) => [row.key, row]));
  const ytd = pick(report.yearToDate);
  const keys = [
    ...ytd,
    ...pick(report.quarter).filter((row) => !ytd.some((y) => y.key === row.key)),
  ];
  return keys.map((seen) => {
    const q = quarter.get(seen.key);
    const y = ytd.find((row) => row.key === seen.key);
    return {
      [name]: seen.label,
      quarter_engagements: q?.engagements ?? 0,
      quarter_councils: q?.councils ?? 0,
      quarter_eligible_councils: q?.eligibleCouncils ?? 0,
      quarter_coverage_percent: q?.coveragePercent ?? null,
      ytd_engagements: y?.engagements ?? 0,
      ytd_councils: y?.councils ?? 0,
      ytd_eligible_councils: y?.eligibleCouncils ?? 0,
      ytd_coverage_percent: y?.coveragePercent ?? null,
    };
  });
}

function offerTable(report: QuarterlyReport): TableRow[] {
  const quarter = new Map(report.quarter.offers.map((row) => [row.offer, row]));
  return report.yearToDate.offers.map((row) => {
    const q = quarter.get(row.offer);
    return {
      theme: report.yearToDate.themes.find((t) => t.theme === row.theme)?.label ?? null,
      offer: row.offer,
      name: row.name,
      quarter_engagements: q?.engagements ?? 0,
      quarter_councils: q?.councils ?? 0,
      quarter_participants: q?.participants ?? 0,
      quarter_savings_pounds: q?.savingsPounds ?? 0,
      ytd_engagements: row.engagements,
      ytd_councils: row.councils,
      ytd_participants: row.participants,
      ytd_savings_pounds: row.savingsPounds,
    };
  });
}

const dateList = (dates: Readonly<Record<string, string | null>>) =>
  Object.entries(dates)
    .map(([name, date]) => `${name}=${date ?? 'none'}`)
    .join('; ');

/** Named flat tables (strings, numbers, nulls) of the report, for CSV export. */
export function tabularParts(report: QuarterlyReport): ReportTables {
  return {
    targets: report.targets.map((t) => ({
      code: t.code,
      parent_code: t.parentCode,
      description: t.description,
      unit: t.unitLabel,
      threshold: t.threshold,
      actual: t.actual,
      expected_by_now: t.expectedByNow,
      percent_of_threshold: t.percentOfThreshold,
      status: t.status,
      counted_to: t.countedTo,
    })),
    'take-up-by-region': takeUpTable('region', report, (s) => s.byRegion),
    'take-up-by-authority-type': takeUpTable('authority_type', report, (s) => s.byAuthorityType),
    'take-up-by-control': takeUpTable('political_control', report, (s) => s.byControl),
    'take-up-by-membership': takeUpTable('lga_membership', report, (s) => s.byMembership),
    'change-of-control': report.changeOfControl.rows.map((row) => ({
      gss: row.gss,
      name: row.name,
      first_change_on: row.firstChangeOn,
      change_kinds: row.changeKinds,
      changes: row.changes,
      offer_made: yesNo(row.offerMade),
      accepted: yesNo(row.accepted),
      declined: yesNo(row.declined),
      support_in_place: yesNo(row.supportInPlace),
    })),
    risk: report.risk.councils.flatMap((council) =>
      council.reasons.map((reason) => ({
        gss: council.gss,
        name: council.name,
        tier: council.tier,
        reason_code: reason.code,
        reason_tier: reason.tier,
        reason: reason.description,
        signal_kind: reason.signalKind,
        severity: reason.severity,
        dates: dateList(reason.dates),
      })),
    ),
    'support-by-offer': offerTable(report),
    trend: report.trend.map((point) => ({
      quarter: point.label,
      from: point.period.from,
      to: point.period.to,
      engagements: point.engagements,
      councils: point.councils,
      participants: point.participants,
    })),
  };
}
