import { financialYearFileStem, financialYearLabel } from '../calendar/fiscal-calendar.js';
import { EVENT_TYPES } from '../events/events.js';
import type { CatalogueOffer, OfferCatalogue } from './catalogue.js';
import { join, JsonReader, ROOT } from './json-reader.js';
import {
  BASELINE_MEASURES,
  ELIGIBLE_POPULATIONS,
  type Target,
  type TargetBaseline,
  type TargetSet,
  TARGET_UNITS,
} from './targets.js';

export const TARGET_CODE_PATTERN = /^(\d{1,2}\.\d{1,2}[a-z]?|[a-z][a-z0-9]*(-[a-z0-9]+)*)$/;

const TARGET_FIELDS = [
  'code',
  'description',
  'objective',
  'unit',
  'threshold',
  'counts',
  'eligible',
  'baseline',
  'windowYears',
  'subTargets',
];

interface Context {
  readonly reader: JsonReader;
  readonly offers: readonly CatalogueOffer[];
}

function parseBaseline(reader: JsonReader, field: string, value: unknown): TargetBaseline {
  const json = reader.object(field, value, ['measure', 'since', 'asOf']);
  return {
    measure: reader.oneOf(join(field, 'measure'), BASELINE_MEASURES, json.measure),
    since: reader.date(join(field, 'since'), json.since),
    asOf: reader.date(join(field, 'asOf'), json.asOf),
  };
}

function parseCounts({ reader, offers }: Context, field: string, value: unknown) {
  const json = reader.object(field, value, ['offers', 'events']);
  const codes = reader.array(join(field, 'offers'), json.offers ?? []).map((code, index) => {
    const codeField = join(join(field, 'offers'), index);
    const text = reader.string(codeField, code);
    if (!offers.some((offer) => offer.code === text)) {
      reader.fail(codeField, `${text} is not in the year's catalogue`);
    }
    return text;
  });
  const events = reader
    .array(join(field, 'events'), json.events ?? [])
    .map((type, index) => reader.oneOf(join(join(field, 'events'), index), EVENT_TYPES, type));
  if (codes.length + events.length === 0) reader.fail(field, 'must name offers or events');
  reader.unique(join(field, 'offers'), codes);
  reader.unique(join(field, 'events'), events);
  return { offers: codes, events };
}

/** The unit decides what else a target must say (denominator, baseline, window). */
function checkUnitRules({ reader, offers }: Context, field: string, target: Target): void {
  const { unit, counts } = target;
  const isPercent = unit === 'percent_of_eligible' || unit === 'councils_vs_baseline';
  if (isPercent && target.threshold > 100) reader.fail(join(field, 'threshold'), 'is a percentage');
  if ((unit === 'percent_of_eligible') !== (target.eligible !== null)) {
    reader.fail(join(field, 'eligible'), 'is given exactly when unit is percent_of_eligible');
  }
  if ((unit === 'councils_vs_baseline') !== (target.baseline !== null)) {
    reader.fail(join(field, 'baseline'), 'is given exactly when unit is councils_vs_baseline');
  }
  if ((unit === 'pounds') !== (target.windowYears !== null)) {
    reader.fail(join(field, 'windowYears'), 'is given exactly when unit is pounds');
  }
  if (
    unit === 'pounds' &&
    (counts.offers.length > 0 || counts.events.join() !== 'SavingsReported')
  ) {
    reader.fail(join(field, 'counts'), 'pounds count SavingsReported events only');
  }
  if (unit === 'participants') {
    counts.offers.forEach((code, index) => {
      if (offers.find((offer) => offer.code === code)?.unit !== 'participants') {
        reader.fail(
          join(join(join(field, 'counts'), 'offers'), index),
          `${code} does not count participants`,
        );
      }
    });
    if (counts.events.length > 0)
      reader.fail(join(join(field, 'counts'), 'events'), 'participants come from offers');
  }
}

function parseTarget(context: Context, field: string, value: unknown, nested: boolean): Target {
  const { reader } = context;
  const json = reader.object(field, value, TARGET_FIELDS);
  const unit = reader.oneOf(join(field, 'unit'), TARGET_UNITS, json.unit);
  const subTargets = nested
    ? []
    : reader
        .array(join(field, 'subTargets'), json.subTargets ?? [])
        .map((sub, index) =>
          parseTarget(context, join(join(field, 'subTargets'), index), sub, true),
        );
  if (nested && json.subTargets !== undefined)
    reader.fail(join(field, 'subTargets'), 'cannot nest');
  const target: Target = {
    code: reader.string(join(field, 'code'), json.code, TARGET_CODE_PATTERN),
    description: reader.string(join(field, 'description'), json.description),
    objective: reader.number(join(field, 'objective'), json.objective, {
      integer: true,
      min: 1,
      max: 12,
    }),
    unit,
    threshold: reader.number(join(field, 'threshold'), json.threshold, { min: 0 }),
    counts: parseCounts(context, join(field, 'counts'), json.counts),
    eligible:
      json.eligible === undefined || json.eligible === null
        ? null
        : reader.oneOf(join(field, 'eligible'), ELIGIBLE_POPULATIONS, json.eligible),
    baseline:
      json.baseline === undefined || json.baseline === null
        ? null
        : parseBaseline(reader, join(field, 'baseline'), json.baseline),
    windowYears:
      json.windowYears === undefined || json.windowYears === null
        ? null
        : reader.number(join(field, 'windowYears'), json.windowYears, {
            integer: true,
            min: 1,
            max: 10,
          }),
    subTargets,
  };
  checkUnitRules(context, field, target);
  return target;
}

/** Validates one year's targets (reference-data/targets/<yyyy-yy>.json) against its catalogue. */
export function parseTargets(fy: number, json: unknown, catalogue: OfferCatalogue): TargetSet {
  const reader: JsonReader = new JsonReader(`targets/${financialYearFileStem(fy)}.json`);
  const root = reader.object(ROOT, json, ['financialYear', 'source', 'targets']);
  if (root.financialYear !== financialYearLabel(fy)) {
    reader.fail('financialYear', `must be "${financialYearLabel(fy)}"`);
  }
  const year = catalogue.year(fy);
  if (year === undefined)
    reader.fail('financialYear', `no catalogue is loaded for ${financialYearLabel(fy)}`);
  const context: Context = { reader, offers: year.offers };
  const targets = reader
    .array('targets', root.targets, { nonEmpty: true })
    .map((target, index) => parseTarget(context, join('targets', index), target, false));
  reader.unique(
    'targets',
    targets.flatMap((target) => [target.code, ...target.subTargets.map((sub) => sub.code)]),
  );
  return { financialYear: fy, source: reader.string('source', root.source), targets };
}
