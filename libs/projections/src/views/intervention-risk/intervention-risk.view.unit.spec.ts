import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { docsOf, ev, GSS, OTHER, registration } from '../test-fixtures.js';
import { interventionRisk } from './intervention-risk.view.js';
import { parseRiskRules } from './risk-rules.js';

const rules = parseRiskRules(
  JSON.parse(
    readFileSync(new URL('../../../reference-data/risk-rules/v1.json', import.meta.url), 'utf8'),
  ),
);

const WELL = 'E07000001';
const BROKE = 'E07000002';
const CLEARED = 'E07000003';

const conversation = (gss: string | undefined, occurredAt: string) =>
  ev('AnnualConversationHeld', {
    gss,
    occurredAt,
    conversationId: `ac-${occurredAt}`,
    adviserId: 'pa',
    topics: [],
    supportAgreed: [],
  });
const corporate = (gss: string | undefined, occurredAt: string) =>
  ev('PeerChallengeDelivered', {
    gss,
    occurredAt,
    peerChallengeId: `pc-${occurredAt}`,
    onSiteFrom: occurredAt,
    onSiteTo: occurredAt,
    peers: 4,
    kind: 'corporate',
  });
const signal = (
  gss: string | undefined,
  signalId: string,
  kind: 'statutory_intervention' | 'section_114_notice' | 'financial_distress',
  severity: 'low' | 'medium' | 'high',
) =>
  ev('RiskSignalRaised', {
    gss,
    occurredAt: '2019-05-01',
    signalId,
    kind,
    severity,
    evidence: `${kind} evidence`,
  });

const docs = docsOf([
  registration(),
  registration({ gss: OTHER, name: 'Other' }),
  registration({ gss: WELL, name: 'Well' }),
  registration({ gss: BROKE, name: 'Broke' }),
  registration({ gss: CLEARED, name: 'Cleared' }),
  registration({ gss: 'E07000009', name: 'Gone', validTo: '2019-03-31' }),
  // GSS: in intervention, plus a medium signal and every gap.
  signal(undefined, 's1', 'statutory_intervention', 'low'),
  signal(undefined, 's2', 'financial_distress', 'medium'),
  ev('PoliticalControlChanged', { occurredAt: '2016-05-06', control: 'Labour' }),
  ev('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Green' }),
  // OTHER: tailored for gaps only (no conversation, old peer challenge).
  corporate(OTHER, '2014-01-01'),
  // WELL: universal, with a low signal as a reason.
  conversation(WELL, '2019-06-01'),
  corporate(WELL, '2018-01-01'),
  signal(WELL, 's3', 'financial_distress', 'low'),
  // BROKE: bespoke (s114).
  conversation(BROKE, '2019-06-01'),
  corporate(BROKE, '2018-01-01'),
  signal(BROKE, 's4', 'section_114_notice', 'high'),
  // CLEARED: its signal was cleared, so universal with no reasons.
  conversation(CLEARED, '2019-06-01'),
  corporate(CLEARED, '2018-01-01'),
  signal(CLEARED, 's5', 'financial_distress', 'high'),
  ev('RiskSignalCleared', { gss: CLEARED, occurredAt: '2019-08-01', signalId: 's5', reason: 'r' }),
]);

describe('interventionRisk', () => {
  const result = interventionRisk({ asOfDate: '2019-09-30', rules, docs });

  it('gives each existing council the most intensive tier of its reasons, most intensive first', () => {
    expect(result.rulesVersion).toBe(1);
    expect(result.councils.map((council) => [council.gss, council.tier])).toEqual([
      [GSS, 'in_intervention'],
      [BROKE, 'bespoke'],
      [OTHER, 'tailored'],
      [WELL, 'universal'],
      [CLEARED, 'universal'],
    ]);
    expect(result.tiers).toEqual({ universal: 2, tailored: 1, bespoke: 1, in_intervention: 1 });
  });

  it('says why, with the evidence and dates behind each reason', () => {
    const [intervention] = result.councils;
    expect(intervention?.reasons.map((reason) => [reason.code, reason.tier, reason.dates])).toEqual(
      [
        ['formal-intervention', 'in_intervention', { raisedOn: '2019-05-01' }],
        [
          'change-of-control-without-support',
          'tailored',
          { changedOn: '2019-05-03', offeredOn: null },
        ],
        ['emerging-performance-risk', 'tailored', { raisedOn: '2019-05-01' }],
        ['no-annual-conversation', 'tailored', { lastHeldOn: null }],
        ['no-corporate-or-finance-peer-challenge', 'tailored', { lastDeliveredOn: null }],
      ],
    );
    expect(intervention?.reasons[0]).toMatchObject({
      signalId: 's1',
      signalKind: 'statutory_intervention',
      severity: 'low',
      evidence: 'statutory_intervention evidence',
    });
    const other = result.councils.find((council) => council.gss === OTHER);
    expect(other?.reasons.map((reason) => [reason.code, reason.dates])).toEqual([
      ['no-annual-conversation', { lastHeldOn: null }],
      ['no-corporate-or-finance-peer-challenge', { lastDeliveredOn: '2014-01-01' }],
    ]);
    expect(
      result.councils.find((council) => council.gss === WELL)?.reasons.map((r) => r.code),
    ).toEqual(['low-risk-signal']);
    expect(result.councils.find((council) => council.gss === CLEARED)?.reasons).toEqual([]);
  });

  it('reads signals as they stood on the date, and honours grace days', () => {
    const before = interventionRisk({ asOfDate: '2019-07-01', rules, docs });
    expect(before.councils.find((council) => council.gss === CLEARED)?.tier).toBe('bespoke');
    const lenient = {
      ...rules,
      gaps: rules.gaps.map((gap) => ({ ...gap, graceDays: gap.years === null ? 200 : 0 })),
    };
    const graced = interventionRisk({ asOfDate: '2019-09-30', rules: lenient, docs });
    expect(
      graced.councils.find((council) => council.gss === OTHER)?.reasons.map((r) => r.code),
    ).toEqual(['no-corporate-or-finance-peer-challenge']);
  });
});
