import {
  FISCAL_QUARTERS,
  type FiscalQuarter,
  type IsoDate,
  financialYearLabel,
  quarterBounds,
  yearToDateBounds,
} from '#domain';
import { changeOfControlTracker } from '../views/change-of-control/change-of-control-tracker.view.js';
import { interventionRisk } from '../views/intervention-risk/intervention-risk.view.js';
import { peerChallengeCoverage } from '../views/peer-challenges/peer-challenge-coverage.view.js';
import { minDate } from '../views/shared/dates.js';
import { percentOf } from '../views/shared/numbers.js';
import { compareStrings } from '../views/shared/records.js';
import { targetsVsActuals } from '../views/targets-vs-actuals/targets-vs-actuals.view.js';
import { takeUp } from '../views/take-up/take-up.view.js';
import { takeUpDocsAsAt } from './docs-as-at.js';
import { UNIT_LABELS } from './report-labels.js';
import type {
  QuarterlyReport,
  QuarterlyReportParams,
  ReportChangeOfControl,
  ReportHeader,
  ReportPeerChallengeCoverage,
  ReportRisk,
  ReportTarget,
  TrendPoint,
} from './quarterly-report.types.js';
import { supportSection } from './support-section.js';

function header(params: QuarterlyReportParams, countedTo: IsoDate): ReportHeader {
  const financialYear = financialYearLabel(params.fy);
  const quarterLabel = `Q${params.quarter} ${financialYear}`;
  const period = quarterBounds(params.fy, params.quarter);
  return {
    title: `Quarterly performance report: ${quarterLabel}`,
    fy: params.fy,
    financialYear,
    quarter: params.quarter,
    quarterLabel,
    period,
    yearToDate: yearToDateBounds(params.fy, params.quarter),
    asOfDate: params.asOfDate,
    countedTo,
    provisional: params.asOfDate < period.to,
    targetsSource: params.targets.source,
    catalogueSource: params.catalogue.year(params.fy)?.source ?? null,
    riskRulesVersion: params.rules.version,
  };
}

function targets(params: QuarterlyReportParams, countedTo: IsoDate): ReportTarget[] {
  const result = targetsVsActuals({
    fy: params.fy,
    asOfDate: countedTo,
    targets: params.targets,
    docs: params.docs,
  });
  return result.targets.map((target) => ({
    code: target.code,
    parentCode: target.parentCode,
    description: target.description,
    unit: target.unit,
    unitLabel: UNIT_LABELS[target.unit],
    threshold: target.threshold,
    actual: target.actual,
    expectedByNow: target.expectedByNow,
    percentOfThreshold: target.actual === null ? null : percentOf(target.actual, target.threshold),
    status: target.status,
    countedTo: target.countedTo,
  }));
}

function changeOfControl(params: QuarterlyReportParams, countedTo: IsoDate): ReportChangeOfControl {
  const tracker = changeOfControlTracker({ fy: params.fy, asOfDate: countedTo, docs: params.docs });
  return {
    period: tracker.period,
    councils: tracker.councils,
    offerMade: tracker.offerMade,
    accepted: tracker.accepted,
    declined: tracker.declined,
    supportInPlace: tracker.supportInPlace,
    percentSupportInPlace: tracker.percentSupportInPlace,
    targetPercent: tracker.targetPercent,
    targetMet: tracker.targetMet,
    rows: tracker.rows.map((row) => ({
      gss: row.gss,
      name: row.name,
      firstChangeOn: row.changes[0]?.on ?? tracker.period.from,
      changeKinds: [...new Set(row.changes.map((change) => change.kind))].join(' and '),
      changes: row.changes.length,
      offerMade: row.offerMade,
      accepted: row.accepted,
      declined: row.declined,
      supportInPlace: row.supportInPlace,
    })),
  };
}

function coverage(params: QuarterlyReportParams, countedTo: IsoDate): ReportPeerChallengeCoverage {
  const result = peerChallengeCoverage({ asOfDate: countedTo, docs: params.docs });
  return {
    ...result,
    counts: {
      noneInWindow: result.noneInWindow.length,
      noneSince: result.noneSince.length,
      never: result.never.length,
    },
  };
}

function risk(params: QuarterlyReportParams, countedTo: IsoDate): ReportRisk {
  const result = interventionRisk({ asOfDate: countedTo, rules: params.rules, docs: params.docs });
  return {
    asOfDate: result.asOfDate,
    rulesVersion: result.rulesVersion,
    tiers: result.tiers,
    councils: result.councils
      .filter((council) => council.tier !== 'universal')
      .map((council) => ({
        gss: council.gss,
        name: council.name,
        tier: council.tier,
        reasons: council.reasons.map((reason) => ({
          code: reason.code,
          tier: reason.tier,
          description: reason.description,
          signalKind: reason.signalKind,
          severity: reason.severity,
          dates: Object.fromEntries(
            Object.entries(reason.dates).sort(([a], [b]) => compareStrings(a, b)),
          ),
        })),
      })),
  };
}

function trend(
  params: QuarterlyReportParams,
  docs: ReturnType<typeof takeUpDocsAsAt>,
): TrendPoint[] {
  const byQuarter = takeUp({ councils: docs, fy: params.fy, groupBy: ['quarter'] }).rows;
  return FISCAL_QUARTERS.map((quarter: FiscalQuarter) => {
    const row = byQuarter.find((candidate) => candidate.group.quarter === quarter);
    const reported = quarter <= params.quarter;
    return {
      quarter,
      label: `Q${quarter}`,
      period: quarterBounds(params.fy, quarter),
      engagements: reported ? (row?.engagements ?? 0) : null,
      councils: reported ? (row?.councils ?? 0) : null,
      participants: reported ? (row?.participants ?? 0) : null,
    };
  });
}

/**
 * The MoU's quarterly performance report (paragraph 16): support delivered in the quarter
 * and the year to date, progress against the year's targets, change-of-control support,
 * peer challenge coverage and councils at risk. Everything is counted up to the earlier of
 * the quarter end and asOfDate, so a report dated inside its quarter is a provisional one and
 * a late-dated report of an old quarter does not count what happened after it.
 */
export function quarterlyReport(params: QuarterlyReportParams): QuarterlyReport {
  const period = quarterBounds(params.fy, params.quarter);
  if (params.asOfDate < period.from) {
    throw new RangeError(
      `asOfDate ${params.asOfDate} is before Q${params.quarter} ${financialYearLabel(params.fy)} starts (${period.from})`,
    );
  }
  const countedTo = minDate(period.to, params.asOfDate);
  const cut = takeUpDocsAsAt(params.docs, countedTo);
  const section = (quarter: FiscalQuarter | null, from: IsoDate) =>
    supportSection({
      fy: params.fy,
      quarter,
      period: { from, to: countedTo },
      docs: cut,
      catalogue: params.catalogue,
    });
  return {
    header: header(params, countedTo),
    quarter: section(params.quarter, period.from),
    yearToDate: section(null, yearToDateBounds(params.fy, params.quarter).from),
    targets: targets(params, countedTo),
    changeOfControl: changeOfControl(params, countedTo),
    peerChallengeCoverage: coverage(params, countedTo),
    risk: risk(params, countedTo),
    trend: trend(params, cut),
  };
}
