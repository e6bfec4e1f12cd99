import type { QuarterlyReport } from '#projections';
import { Eta } from 'eta';
import { renderCharts } from './report-charts.js';
import { formatDate } from './report-format.js';
import { type Fact, headerFacts, summarySection, themeSection } from './report-page-model.js';
import {
  changeOfControlSection,
  coverageSection,
  riskSection,
  takeUpSection,
  targetsSection,
  trendSection,
} from './report-page-sections.js';
import { reportCss } from './report-styles.js';
import { PAGE_TEMPLATE, TABLE_TEMPLATE } from './report-template.js';

/** Where the report came from, printed on it so that a paper copy can be traced back. */
export interface ReportProvenance {
  readonly snapshotId: string;
  /** The ledger position the snapshot was projected at. */
  readonly position: string;
  /** SHA-256 of the report's canonical JSON. */
  readonly sha256: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

// One engine for the process: templates are compiled once, not per request.
const eta = new Eta({ autoEscape: true, autoTrim: false, cache: true });
eta.loadTemplate('@table', TABLE_TEMPLATE);
eta.loadTemplate('@page', PAGE_TEMPLATE);

function footer(meta: ReportProvenance): Fact[] {
  return [
    { label: 'Snapshot', value: meta.snapshotId },
    { label: 'Ledger position', value: meta.position },
    { label: 'SHA-256', value: meta.sha256 },
    { label: 'Created at', value: meta.createdAt },
    { label: 'Created by', value: meta.createdBy },
  ];
}

/**
 * The quarterly report as one self-contained, printable HTML page: inline CSS and inline
 * SVG charts (vega-lite compiled and rendered headless), no scripts and nothing fetched, so
 * it can be archived, e-mailed or printed to PDF as it is.
 */
export async function renderQuarterlyReportHtml(
  report: QuarterlyReport,
  meta: ReportProvenance,
): Promise<string> {
  const charts = await renderCharts(report);
  const { header } = report;
  const trace = `${header.quarterLabel} report, snapshot ${meta.snapshotId}, SHA-256 ${meta.sha256}`;
  return eta.render('@page', {
    title: header.title,
    css: reportCss(trace),
    provisional: header.provisional
      ? `Provisional: the quarter ends on ${formatDate(header.period.to)}; this report counts ` +
        `only what happened up to ${formatDate(header.countedTo)}.`
      : null,
    facts: headerFacts(report),
    meta,
    sections: [
      summarySection(report),
      themeSection(report),
      takeUpSection(report, charts),
      targetsSection(report, charts),
      trendSection(report, charts),
      changeOfControlSection(report),
      coverageSection(report),
      riskSection(report),
    ],
    footer: footer(meta),
  });
}
