import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { InvalidReferenceData } from '#domain';
import { parseRiskRules } from './risk-rules.js';

// Tests may read files; the views never do (the ledger loads the rules and parses them).
const v1: unknown = JSON.parse(
  readFileSync(new URL('../../../reference-data/risk-rules/v1.json', import.meta.url), 'utf8'),
);

type Json = Record<string, unknown>;
const withRoot = (patch: Json): Json => ({ ...(v1 as Json), ...patch });
const signals = () => (v1 as { signals: Json[] }).signals;
const gaps = () => (v1 as { gaps: Json[] }).gaps;

function failure(json: unknown): { field: string; message: string } {
  try {
    parseRiskRules(json, 'risk-rules/test.json');
  } catch (error) {
    if (error instanceof InvalidReferenceData)
      return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('parsed');
}

describe('parseRiskRules', () => {
  it('parses v1: every signal kind and severity has a rule, and the three gaps', () => {
    const rules = parseRiskRules(v1, 'risk-rules/v1.json');
    expect(rules.version).toBe(1);
    expect(rules.gaps.map((gap) => [gap.gap, gap.tier, gap.graceDays, gap.years])).toEqual([
      ['no_annual_conversation_this_year', 'tailored', 0, null],
      ['no_corporate_or_finance_peer_challenge', 'tailored', 0, 5],
      ['change_of_control_without_support', 'tailored', 0, null],
    ]);
    expect(new Set(rules.signals.map((rule) => rule.tier))).toEqual(
      new Set(['in_intervention', 'bespoke', 'tailored', 'universal']),
    );
  });

  it.each([
    ['unknown fields', withRoot({ extra: 1 }), '(root).extra'],
    ['a bad version', withRoot({ version: 0 }), 'version'],
    ['no source', withRoot({ source: ' ' }), 'source'],
    [
      'a signal rule with an unknown kind',
      withRoot({ signals: [{ ...signals()[0], kinds: ['fraud'] }] }),
      'signals[0].kinds[0]',
    ],
    [
      'a kind listed twice',
      withRoot({ signals: [{ ...signals()[0], kinds: ['other', 'other'] }] }),
      'signals[0].kinds',
    ],
    [
      'an unknown tier',
      withRoot({ signals: [{ ...signals()[0], tier: 'severe' }] }),
      'signals[0].tier',
    ],
    [
      'a bad code',
      withRoot({ signals: [{ ...signals()[0], code: 'Not Kebab' }] }),
      'signals[0].code',
    ],
    ['a kind and severity with no rule', withRoot({ signals: signals().slice(1) }), 'signals'],
    [
      'a kind and severity with two rules',
      withRoot({ signals: [...signals(), signals()[0]] }),
      'signals',
    ],
    ['a gap twice', withRoot({ gaps: [gaps()[0], { ...gaps()[0], code: 'again' }] }), 'gaps'],
    ['years on another gap', withRoot({ gaps: [{ ...gaps()[0], years: 5 }] }), 'gaps[0].years'],
    [
      'no years on the peer challenge gap',
      withRoot({ gaps: [{ ...gaps()[1], years: undefined }] }),
      'gaps[0].years',
    ],
    [
      'grace days on the peer challenge gap',
      withRoot({ gaps: [{ ...gaps()[1], graceDays: 3 }] }),
      'gaps[0].graceDays',
    ],
    [
      'negative grace days',
      withRoot({ gaps: [{ ...gaps()[0], graceDays: -1 }] }),
      'gaps[0].graceDays',
    ],
    [
      'codes used twice',
      withRoot({ gaps: [{ ...gaps()[0], code: 'formal-intervention' }] }),
      'code',
    ],
    ['a rules file that is not an object', [], '(root)'],
  ])('refuses %s, naming the field', (_case, json, field) => {
    const error = failure(JSON.parse(JSON.stringify(json)));
    expect(error.field).toBe(field);
    expect(error.message).toContain('risk-rules/test.json');
  });

  it('accepts rules without gaps', () => {
    expect(parseRiskRules(withRoot({ gaps: undefined })).gaps).toEqual([]);
  });
});
