import { describe, it, expect } from '@jest/globals';
import { docOf, docsOf, ev, OTHER, registration, plain } from '../test-fixtures.js';
import { annualConversationCoverage } from './annual-conversation-coverage.view.js';
import { annualConversationsProjection as projection } from './annual-conversations.projection.js';

const held = (occurredAt: string, conversationId: string, gss?: string) =>
  ev('AnnualConversationHeld', {
    gss,
    occurredAt,
    conversationId,
    adviserId: 'pa1',
    topics: [],
    supportAgreed: [],
  });

describe('annual-conversations projection', () => {
  it('keeps each conversation by event id, with corrections, and drops retracted ones', () => {
    const doc = docOf(projection, [
      registration(),
      ['a1', held('2019-05-01', 'c1')],
      ['a2', held('2019-06-01', 'c2')],
      ['a1', held('2019-05-01', 'c1')],
      ev('EventCorrected', {
        eventId: 'a1',
        targetType: 'AnnualConversationHeld',
        reason: 'r',
        correction: { occurredAt: '2019-05-02', adviserId: 'pa2' },
      }),
      ev('EventRetracted', { eventId: 'a2', targetType: 'AnnualConversationHeld', reason: 'r' }),
      ev('LeaderChanged', { role: 'leader', leaderId: 'x' }),
    ]);
    expect(plain(doc.conversations)).toEqual({
      a1: { id: 'c1', on: '2019-05-02', adviserId: 'pa2' },
    });
  });
});

describe('annualConversationCoverage', () => {
  const docs = docsOf([
    registration(),
    registration({ gss: OTHER, name: 'Manchester', region: 'North West', validFrom: '2020-03-01' }),
    registration({ gss: 'E07000003', name: 'Gone', region: 'North West', validTo: '2019-03-31' }),
    held('2019-05-01', 'c1'),
    held('2020-04-02', 'c2', OTHER),
  ]);

  it('is covered / eligible per region by default, overall, and says who was missed', () => {
    const coverage = annualConversationCoverage({ fy: 2019, docs });
    expect(coverage.overall).toMatchObject({
      eligible: 2,
      covered: 1,
      coveragePercent: 50,
      notCovered: [{ gss: OTHER, name: 'Manchester' }],
    });
    const byRegion = Object.fromEntries(
      coverage.patches.map((row) => [row.patch, [row.covered, row.eligible]]),
    );
    expect(byRegion['South West']).toEqual([1, 1]);
    expect(byRegion['North West']).toEqual([0, 1]);
    expect(byRegion.London).toEqual([0, 0]);
  });

  it('takes patches of regions and GSS codes, and an as-of date', () => {
    const patches = { 'North and one': ['North West', 'E06000023'], Empty: [] };
    const coverage = annualConversationCoverage({
      fy: 2020,
      docs,
      patches,
      asOfDate: '2020-04-01',
    });
    expect(
      coverage.patches.map((row) => [row.patch, row.covered, row.eligible, row.coveragePercent]),
    ).toEqual([
      ['Empty', 0, 0, null],
      ['North and one', 0, 2, 0],
    ]);
    expect(annualConversationCoverage({ fy: 2020, docs }).overall.covered).toBe(1);
  });
});
