import type { BreakdownRow, QuarterlyReport, SupportSection } from '#projections';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPounds,
  formatRange,
} from './report-format.js';

// What the template shows, already formatted: the template only loops and escapes.

export interface Column {
  readonly label: string;
  readonly numeric: boolean;
}

export interface ColumnGroup {
  readonly label: string;
  readonly span: number;
}

export interface HtmlTable {
  readonly caption: string;
  /** An optional header row above the columns, e.g. 'Quarter' over three of them. */
  readonly groups?: readonly ColumnGroup[];
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
  /** Shown instead of an empty table. */
  readonly empty: string;
}

export interface Figure {
  readonly id: string;
  readonly caption: string;
  /** Trusted markup from vega's SVG renderer, which escapes the text it draws. */
  readonly svg: string;
  readonly table: HtmlTable;
}

export interface Fact {
  readonly label: string;
  readonly value: string;
}

export interface PageSection {
  readonly id: string;
  readonly title: string;
  readonly notes: readonly string[];
  readonly facts: readonly Fact[];
  readonly figures: readonly Figure[];
  readonly tables: readonly HtmlTable[];
}

export const text = (label: string): Column => ({ label, numeric: false });
export const num = (label: string): Column => ({ label, numeric: true });

export function section(
  id: string,
  title: string,
  parts: Partial<Omit<PageSection, 'id' | 'title'>>,
): PageSection {
  return { id, title, notes: [], facts: [], figures: [], tables: [], ...parts };
}

export function summarySection(report: QuarterlyReport): PageSection {
  const { quarter: q, yearToDate: y } = report;
  const row = (label: string, pick: (s: SupportSection) => string) => [label, pick(q), pick(y)];
  return section('summary', 'Support delivered', {
    notes: [
      'Support delivered to councils in the quarter and in the financial year to date (MoU ' +
        'paragraph 16). Engagements are counted on the day they were delivered; councils are ' +
        'distinct councils reached; coverage is councils reached as a share of the councils ' +
        'that existed in the period.',
    ],
    tables: [
      {
        caption: 'Support delivered: quarter and year to date',
        columns: [
          text('Measure'),
          num(`${report.header.quarterLabel} (${formatRange(q.period)})`),
          num(`Year to date (${formatRange(y.period)})`),
        ],
        rows: [
          row('Engagements', (s) => formatNumber(s.total.engagements)),
          row('Councils reached', (s) => formatNumber(s.total.councils)),
          row('Councils in existence', (s) => formatNumber(s.total.eligibleCouncils)),
          row('Coverage', (s) => formatPercent(s.total.coveragePercent)),
          row('Participants', (s) => formatNumber(s.total.participants)),
          row('Savings and income reported', (s) => formatPounds(s.total.savingsPounds)),
        ],
        empty: '',
      },
    ],
  });
}

export function themeSection(report: QuarterlyReport): PageSection {
  const { quarter: q, yearToDate: y } = report;
  const quarterOffers = new Map(q.offers.map((row) => [row.offer, row]));
  const themeLabel = new Map(y.themes.map((row) => [row.theme, row.label]));
  const figures = (row: { engagements: number; councils: number; participants: number }) => [
    formatNumber(row.engagements),
    formatNumber(row.councils),
    formatNumber(row.participants),
  ];
  const zero = { engagements: 0, councils: 0, participants: 0, savingsPounds: 0 };
  const columns = [
    num('Engagements'),
    num('Councils'),
    num('Participants'),
    num('Engagements'),
    num('Councils'),
    num('Participants'),
    num('Savings'),
  ];
  const groups = (first: number) => [
    { label: '', span: first },
    { label: 'Quarter', span: 3 },
    { label: 'Year to date', span: 4 },
  ];
  return section('themes', 'Support by theme and offer', {
    tables: [
      {
        caption: 'By theme (a council reached by two offers of a theme counts once)',
        groups: groups(1),
        columns: [text('Theme'), ...columns],
        rows: y.themes.map((row) => [
          row.label,
          ...figures(q.themes.find((t) => t.theme === row.theme) ?? zero),
          ...figures(row),
          formatPounds(row.savingsPounds),
        ]),
        empty: '',
      },
      {
        caption: 'By offer',
        groups: groups(2),
        columns: [text('Offer'), text('Theme'), ...columns],
        rows: y.offers.map((row) => [
          row.name,
          row.theme === null ? 'Not in the catalogue' : (themeLabel.get(row.theme) ?? row.theme),
          ...figures(quarterOffers.get(row.offer) ?? zero),
          ...figures(row),
          formatPounds(row.savingsPounds),
        ]),
        empty: 'No support delivered in the year to date.',
      },
    ],
  });
}

/** Quarter and year to date side by side; the quarter's values are among the year's. */
export function breakdownTable(
  report: QuarterlyReport,
  caption: string,
  label: string,
  pick: (section: SupportSection) => readonly BreakdownRow[],
): HtmlTable {
  const quarter = new Map(pick(report.quarter).map((row) => [row.key, row]));
  return {
    caption,
    groups: [
      { label: '', span: 1 },
      { label: 'Quarter', span: 3 },
      { label: 'Year to date', span: 4 },
    ],
    columns: [
      text(label),
      num('Engagements'),
      num('Councils'),
      num('Coverage'),
      num('Engagements'),
      num('Councils'),
      num('Eligible'),
      num('Coverage'),
    ],
    rows: pick(report.yearToDate).map((row) => {
      const q = quarter.get(row.key);
      return [
        row.label,
        formatNumber(q?.engagements ?? 0),
        formatNumber(q?.councils ?? 0),
        formatPercent(q?.coveragePercent ?? null),
        formatNumber(row.engagements),
        formatNumber(row.councils),
        formatNumber(row.eligibleCouncils),
        formatPercent(row.coveragePercent),
      ];
    }),
    empty: 'No councils in the period.',
  };
}

export function headerFacts(report: QuarterlyReport): Fact[] {
  const { header } = report;
  return [
    { label: 'Financial year', value: header.financialYear },
    { label: 'Quarter', value: `${header.quarterLabel}: ${formatRange(header.period)}` },
    { label: 'Year to date', value: formatRange(header.yearToDate) },
    { label: 'Report date', value: formatDate(header.asOfDate) },
    { label: 'Counted up to', value: formatDate(header.countedTo) },
    { label: 'Targets', value: header.targetsSource },
    { label: 'Risk rules', value: `version ${header.riskRulesVersion}` },
  ];
}
