import type { QuarterlyReport } from '#projections';
import type { ChartSvgs } from './report-charts.js';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPounds,
  formatRange,
  wordFor,
  yesNo,
} from './report-format.js';
import { type PageSection, breakdownTable, num, section, text } from './report-page-model.js';

export function takeUpSection(report: QuarterlyReport, charts: ChartSvgs): PageSection {
  const table = (caption: string, label: string, pick: Parameters<typeof breakdownTable>[3]) =>
    breakdownTable(report, caption, label, pick);
  return section('take-up', 'Take-up', {
    notes: [
      'Political control and LGA membership are those in force on the day of each engagement. ' +
        'A council counts under every control or membership it had during the period.',
    ],
    figures: [
      {
        id: 'chart-region',
        caption: `Engagements by region in ${report.header.quarterLabel} and the year to date.`,
        svg: charts.region,
        table: table('Take-up by region', 'Region', (s) => s.byRegion),
      },
    ],
    tables: [
      table('Take-up by authority type', 'Authority type', (s) => s.byAuthorityType),
      table('Take-up by political control at the time', 'Control', (s) => s.byControl),
      table('Take-up by LGA membership at the time', 'Membership', (s) => s.byMembership),
    ],
  });
}

const thresholdOf = (unit: string, value: number) =>
  unit === 'pounds' ? formatPounds(value) : formatNumber(value);

export function targetsSection(report: QuarterlyReport, charts: ChartSvgs): PageSection {
  return section('targets', 'Progress against targets', {
    notes: [
      `Measured up to ${formatDate(report.header.countedTo)}, each target in its own unit. ` +
        'Met: the actual has reached the threshold; on track: it has reached the threshold ' +
        'times the share of the target period elapsed; otherwise behind.',
    ],
    figures: [
      {
        id: 'chart-targets',
        caption: 'Each target actual as a percentage of its threshold; the dashed rule is 100%.',
        svg: charts.targets,
        table: {
          caption: 'Targets and actuals',
          columns: [
            text('Code'),
            text('Target'),
            text('Unit'),
            num('Threshold'),
            num('Actual'),
            num('Expected by now'),
            num('% of threshold'),
            text('Status'),
          ],
          rows: report.targets.map((t) => [
            t.code,
            t.description,
            t.unitLabel,
            thresholdOf(t.unit, t.threshold),
            t.actual === null ? 'nothing to measure' : thresholdOf(t.unit, t.actual),
            thresholdOf(t.unit, t.expectedByNow),
            formatPercent(t.percentOfThreshold),
            wordFor(t.status),
          ]),
          empty: 'No targets for the year.',
        },
      },
    ],
  });
}

export function trendSection(report: QuarterlyReport, charts: ChartSvgs): PageSection {
  const value = (n: number | null) => (n === null ? 'not yet reported' : formatNumber(n));
  return section('trend', 'Quarter by quarter', {
    figures: [
      {
        id: 'chart-trend',
        caption: `Engagements in each quarter of ${report.header.financialYear} so far.`,
        svg: charts.trend,
        table: {
          caption: 'Engagements per quarter',
          columns: [text('Quarter'), text('Period'), num('Engagements'), num('Councils')],
          rows: report.trend.map((p) => [
            p.label,
            formatRange(p.period),
            value(p.engagements),
            value(p.councils),
          ]),
          empty: '',
        },
      },
    ],
  });
}

export function changeOfControlSection(report: QuarterlyReport): PageSection {
  const coc = report.changeOfControl;
  return section('change-of-control', 'Change of control', {
    notes: [
      `Councils whose political control or leader changed from ${formatRange(coc.period)}, ` +
        `and the change-of-control offer. Target: support in place for at least ` +
        `${coc.targetPercent}% of them.`,
    ],
    facts: [
      { label: 'Councils with a change', value: formatNumber(coc.councils) },
      { label: 'Offer made', value: formatNumber(coc.offerMade) },
      { label: 'Accepted', value: formatNumber(coc.accepted) },
      { label: 'Declined', value: formatNumber(coc.declined) },
      { label: 'Support in place', value: formatNumber(coc.supportInPlace) },
      {
        label: `Support in place (target ${coc.targetPercent}%)`,
        value: `${formatPercent(coc.percentSupportInPlace)}: ${coc.targetMet ? 'met' : 'not met'}`,
      },
    ],
    tables: [
      {
        caption: 'Councils with a change of control or leader',
        columns: [
          text('Council'),
          text('GSS code'),
          text('First change'),
          text('Change'),
          text('Offer made'),
          text('Accepted'),
          text('Declined'),
          text('Support in place'),
        ],
        rows: coc.rows.map((row) => [
          row.name ?? row.gss,
          row.gss,
          formatDate(row.firstChangeOn),
          row.changeKinds,
          yesNo(row.offerMade),
          yesNo(row.accepted),
          yesNo(row.declined),
          yesNo(row.supportInPlace),
        ]),
        empty: 'No council changed control or leader in the year to date.',
      },
    ],
  });
}

export function coverageSection(report: QuarterlyReport): PageSection {
  const pcc = report.peerChallengeCoverage;
  const noneSince = new Set(pcc.noneSince.map((gap) => gap.gss));
  const never = new Set(pcc.never.map((gap) => gap.gss));
  return section('peer-challenge-coverage', 'Peer challenge coverage', {
    notes: [
      `Every council is expected to have a ${pcc.kinds.join(' or ')} peer challenge every five ` +
        `years. Councils existing on ${formatDate(pcc.asOfDate)} with none delivered after ` +
        `${formatDate(pcc.windowStartsAfter)}.`,
    ],
    facts: [
      { label: 'Councils', value: formatNumber(pcc.councils) },
      { label: 'None in the last five years', value: formatNumber(pcc.counts.noneInWindow) },
      { label: `None since ${formatDate(pcc.since)}`, value: formatNumber(pcc.counts.noneSince) },
      { label: 'Never', value: formatNumber(pcc.counts.never) },
    ],
    tables: [
      {
        caption: 'Councils with no corporate or finance peer challenge in the last five years',
        columns: [
          text('Council'),
          text('GSS code'),
          text('Last delivered'),
          text(`None since ${pcc.since.slice(0, 4)}`),
          text('Never'),
        ],
        rows: pcc.noneInWindow.map((gap) => [
          gap.name,
          gap.gss,
          formatDate(gap.lastDeliveredOn),
          yesNo(noneSince.has(gap.gss)),
          yesNo(never.has(gap.gss)),
        ]),
        empty: 'Every council has had one in the last five years.',
      },
    ],
  });
}

export function riskSection(report: QuarterlyReport): PageSection {
  const { risk } = report;
  // raisedOn -> 'raised', lastHeldOn -> 'last held': the view's date names as words.
  const word = (name: string) =>
    name.replace(/On$/, '').replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  const dates = (values: Readonly<Record<string, string | null>>) =>
    Object.entries(values)
      .map(([name, date]) => `${word(name)}: ${formatDate(date)}`)
      .join('; ');
  return section('risk', 'Councils at risk', {
    notes: [
      `Councils above universal support on ${formatDate(risk.asOfDate)}, with every reason ` +
        `(risk rules version ${risk.rulesVersion}). Signal evidence is not published here.`,
    ],
    facts: Object.entries(risk.tiers).map(([tier, count]) => ({
      label: wordFor(tier),
      value: formatNumber(count),
    })),
    tables: [
      {
        caption: 'Councils at risk, most intensive tier first',
        columns: [text('Council'), text('GSS code'), text('Tier'), text('Reason'), text('Dates')],
        rows: risk.councils.flatMap((council) =>
          council.reasons.map((reason) => [
            council.name,
            council.gss,
            wordFor(council.tier),
            `${reason.description} (${wordFor(reason.tier)})`,
            dates(reason.dates),
          ]),
        ),
        empty: 'No council is above universal support.',
      },
    ],
  });
}
