import type { QuarterlyReport } from '#projections';
import { View, parse } from 'vega';
import { type TopLevelSpec, compile } from 'vega-lite';

/** Chart data rows: plain values vega-lite reads by field name. */
type Datum = Record<string, string | number>;

const WIDTH = 520;
const STATUS_WORDS: Readonly<Record<string, string>> = {
  met: 'Met',
  on_track: 'On track',
  behind: 'Behind',
};
const STATUS_DOMAIN = Object.values(STATUS_WORDS);
// Colour-blind safe (Okabe-Ito); the status is also written on each bar for greyscale prints.
const STATUS_COLOURS = ['#009E73', '#E69F00', '#D55E00'];
const PERIOD_COLOURS = ['#0072B2', '#56B4E9'];

/**
 * Engagements are whole numbers: no more ticks than the largest count, so no 0.5 ticks
 * (vega 5 does not apply tickMinStep when vega-lite gives the tick count as a signal).
 */
const countAxis = (values: readonly Datum[]) => {
  const max = Math.max(1, ...values.map((datum) => Number(datum.engagements)));
  return { format: 'd', tickCount: Math.min(5, max) };
};

const CONFIG: TopLevelSpec['config'] = {
  // A generic family: no web font to fetch, and the page stays self-contained.
  font: 'Arial, Helvetica, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11 },
  title: { fontSize: 13, anchor: 'start' },
};

/**
 * vega-lite compiles to a vega spec, vega lays it out headless: renderer 'none' because no
 * canvas or DOM is needed to produce an SVG string. The view is finalised so no timers stay.
 */
async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function regionSpec(report: QuarterlyReport): TopLevelSpec {
  const quarter = new Map(report.quarter.byRegion.map((row) => [row.key, row.engagements]));
  const regions = report.yearToDate.byRegion.map((row) => row.label);
  const values: Datum[] = report.yearToDate.byRegion.flatMap((row) => [
    { region: row.label, period: 'Quarter', engagements: quarter.get(row.key) ?? 0 },
    { region: row.label, period: 'Year to date', engagements: row.engagements },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Take-up by region: ${report.header.quarterLabel} and year to date`,
    description: 'Engagements by region in the quarter and in the year to date',
    width: WIDTH - 160,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'region', type: 'nominal', sort: regions, title: null, axis: { labelLimit: 0 } },
      yOffset: { field: 'period', type: 'nominal', sort: ['Quarter', 'Year to date'] },
      x: {
        field: 'engagements',
        type: 'quantitative',
        title: 'Engagements',
        axis: countAxis(values),
      },
      color: {
        field: 'period',
        type: 'nominal',
        title: null,
        scale: { domain: ['Quarter', 'Year to date'], range: PERIOD_COLOURS },
        legend: { orient: 'bottom' },
      },
    },
    config: CONFIG,
  };
}

function targetsSpec(report: QuarterlyReport): TopLevelSpec {
  const values: Datum[] = report.targets.flatMap((target) =>
    target.percentOfThreshold === null
      ? []
      : [
          {
            target: target.code,
            percent: target.percentOfThreshold,
            status: STATUS_WORDS[target.status] ?? target.status,
            label: `${target.percentOfThreshold}% ${STATUS_WORDS[target.status] ?? target.status}`,
          },
        ],
  );
  const codes = values.map((datum) => String(datum.target));
  const y = { field: 'target', type: 'nominal', sort: codes, title: 'Target' } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Targets: actual as a percentage of the threshold',
    description: 'Each target actual as a percentage of its threshold, with a 100% rule',
    width: WIDTH - 160,
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          y,
          x: { field: 'percent', type: 'quantitative', title: '% of threshold' },
          color: {
            field: 'status',
            type: 'nominal',
            title: 'Status',
            scale: { domain: STATUS_DOMAIN, range: STATUS_COLOURS },
            legend: { orient: 'bottom' },
          },
        },
      },
      {
        data: { values },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 },
        encoding: { y, x: { field: 'percent', type: 'quantitative' }, text: { field: 'label' } },
      },
      {
        data: { values: [{ percent: 100 }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#333333' },
        encoding: { x: { field: 'percent', type: 'quantitative' } },
      },
    ],
    config: CONFIG,
  };
}

function trendSpec(report: QuarterlyReport): TopLevelSpec {
  const quarters = report.trend.map((point) => point.label);
  const values: Datum[] = report.trend.flatMap((point) =>
    point.engagements === null ? [] : [{ quarter: point.label, engagements: point.engagements }],
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Engagements per quarter, ${report.header.financialYear}`,
    description: 'Engagements in each quarter of the year up to the report quarter',
    width: WIDTH - 120,
    height: 200,
    data: { values },
    mark: { type: 'bar', color: PERIOD_COLOURS[0] },
    encoding: {
      // The whole year on the axis, so quarters still to come show as gaps.
      x: {
        field: 'quarter',
        type: 'ordinal',
        scale: { domain: quarters },
        title: null,
        axis: { labelAngle: 0 },
      },
      y: {
        field: 'engagements',
        type: 'quantitative',
        title: 'Engagements',
        axis: countAxis(values),
      },
    },
    config: CONFIG,
  };
}

export interface ChartSvgs {
  readonly region: string;
  readonly targets: string;
  readonly trend: string;
}

export async function renderCharts(report: QuarterlyReport): Promise<ChartSvgs> {
  const [region, targets, trend] = await Promise.all([
    toSvg(regionSpec(report)),
    toSvg(targetsSpec(report)),
    toSvg(trendSpec(report)),
  ]);
  return { region, targets, trend };
}
