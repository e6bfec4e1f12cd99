import {
  InvalidReferenceData,
  RISK_SEVERITIES,
  RISK_SIGNAL_KINDS,
  type RiskSeverity,
  type RiskSignalKind,
  isOneOf,
} from '#domain';

/** Ordered from least to most intensive support. */
export const RISK_TIERS = ['universal', 'tailored', 'bespoke', 'in_intervention'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export const ENGAGEMENT_GAPS = [
  'no_annual_conversation_this_year',
  'no_corporate_or_finance_peer_challenge',
  'change_of_control_without_support',
] as const;
export type EngagementGap = (typeof ENGAGEMENT_GAPS)[number];

export interface SignalRule {
  readonly code: string;
  readonly kinds: readonly RiskSignalKind[];
  readonly severities: readonly RiskSeverity[];
  readonly tier: RiskTier;
  readonly description: string;
}

export interface GapRule {
  readonly code: string;
  readonly gap: EngagementGap;
  readonly tier: RiskTier;
  readonly description: string;
  /** Days into the year (or after the change) before the gap counts. */
  readonly graceDays: number;
  /** For the peer challenge gap: how many years back a delivery still counts. */
  readonly years: number | null;
}

/** Versioned risk rules (reference-data/risk-rules/v<n>.json), already validated. */
export interface RiskRules {
  readonly version: number;
  readonly source: string;
  readonly signals: readonly SignalRule[];
  readonly gaps: readonly GapRule[];
}

const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

class Reader {
  constructor(private readonly file: string) {}
  fail(field: string, problem: string): never {
    throw new InvalidReferenceData(this.file, field, problem);
  }
  object(field: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(field, 'must be an object');
    }
    const unknown = Object.keys(value).find((key) => !allowed.includes(key));
    if (unknown !== undefined) this.fail(`${field}.${unknown}`, 'is not a known field');
    return value as Record<string, unknown>;
  }
  text(field: string, value: unknown, pattern?: RegExp): string {
    if (typeof value !== 'string' || value.trim() === '' || (pattern && !pattern.test(value))) {
      this.fail(field, pattern ? `must match ${pattern.source}` : 'must be non-empty text');
    }
    return value;
  }
  integer(field: string, value: unknown, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `must be an integer from ${min} to ${max}`);
    }
    return value;
  }
  list(field: string, value: unknown): unknown[] {
    if (!Array.isArray(value) || value.length === 0) this.fail(field, 'must be a non-empty list');
    return value;
  }
  oneOf<T extends string>(field: string, values: readonly T[], value: unknown): T {
    if (!isOneOf(values, value)) this.fail(field, `must be one of ${values.join(', ')}`);
    return value;
  }
  oneOfEach<T extends string>(field: string, values: readonly T[], value: unknown): T[] {
    const list = this.list(field, value).map((item, i) =>
      this.oneOf(`${field}[${i}]`, values, item),
    );
    if (new Set(list).size !== list.length) this.fail(field, 'lists a value twice');
    return list;
  }
}

function parseSignalRule(reader: Reader, field: string, value: unknown): SignalRule {
  const json = reader.object(field, value, ['code', 'kinds', 'severities', 'tier', 'description']);
  return {
    code: reader.text(`${field}.code`, json.code, CODE),
    kinds: reader.oneOfEach(`${field}.kinds`, RISK_SIGNAL_KINDS, json.kinds),
    severities: reader.oneOfEach(`${field}.severities`, RISK_SEVERITIES, json.severities),
    tier: reader.oneOf(`${field}.tier`, RISK_TIERS, json.tier),
    description: reader.text(`${field}.description`, json.description),
  };
}

function parseGapRule(reader: Reader, field: string, value: unknown): GapRule {
  const json = reader.object(field, value, [
    'code',
    'gap',
    'tier',
    'description',
    'graceDays',
    'years',
  ]);
  const gap = reader.oneOf(`${field}.gap`, ENGAGEMENT_GAPS, json.gap);
  const needsYears = gap === 'no_corporate_or_finance_peer_challenge';
  if (needsYears !== (json.years !== undefined)) {
    reader.fail(`${field}.years`, 'is given exactly for no_corporate_or_finance_peer_challenge');
  }
  if (needsYears && json.graceDays !== undefined) {
    reader.fail(`${field}.graceDays`, 'does not apply to the peer challenge gap');
  }
  return {
    code: reader.text(`${field}.code`, json.code, CODE),
    gap,
    tier: reader.oneOf(`${field}.tier`, RISK_TIERS, json.tier),
    description: reader.text(`${field}.description`, json.description),
    graceDays:
      json.graceDays === undefined
        ? 0
        : reader.integer(`${field}.graceDays`, json.graceDays, 0, 366),
    years: needsYears ? reader.integer(`${field}.years`, json.years, 1, 20) : null,
  };
}

/**
 * Validates risk rules. Every signal kind and severity must be covered by exactly one rule,
 * so no open signal is silently ignored; each gap appears at most once (a missing gap is
 * not checked); codes are unique. Unknown fields are refused.
 */
export function parseRiskRules(json: unknown, file = 'risk-rules'): RiskRules {
  const reader = new Reader(file);
  const root = reader.object('(root)', json, ['version', 'source', 'signals', 'gaps']);
  const signals = reader
    .list('signals', root.signals)
    .map((rule, i) => parseSignalRule(reader, `signals[${i}]`, rule));
  const gaps = (root.gaps === undefined ? [] : reader.list('gaps', root.gaps)).map((rule, i) =>
    parseGapRule(reader, `gaps[${i}]`, rule),
  );
  for (const kind of RISK_SIGNAL_KINDS) {
    for (const severity of RISK_SEVERITIES) {
      const matches = signals.filter(
        (rule) => rule.kinds.includes(kind) && rule.severities.includes(severity),
      );
      if (matches.length !== 1) {
        reader.fail(
          'signals',
          `${kind}/${severity} is covered by ${matches.length} rules, not exactly 1`,
        );
      }
    }
  }
  if (new Set(gaps.map((rule) => rule.gap)).size !== gaps.length)
    reader.fail('gaps', 'lists a gap twice');
  const codes = [...signals, ...gaps].map((rule) => rule.code);
  if (new Set(codes).size !== codes.length) reader.fail('code', 'codes must be unique');
  return {
    version: reader.integer('version', root.version, 1, 1_000_000),
    source: reader.text('source', root.source),
    signals,
    gaps,
  };
}

/** The rule for an open signal; parseRiskRules guarantees exactly one. */
export function signalRuleFor(rules: RiskRules, kind: RiskSignalKind, severity: RiskSeverity) {
  return rules.signals.find(
    (rule) => rule.kinds.includes(kind) && rule.severities.includes(severity),
  );
}

export function tierRank(tier: RiskTier): number {
  return RISK_TIERS.indexOf(tier);
}
