import { describe, it, expect } from '@jest/globals';
import { docOf, ev, registration, plain } from '../test-fixtures.js';
import { riskSignalsProjection as projection } from './risk-signals.projection.js';
import { recordOf } from '../shared/records.js';

const raise = (signalId: string) =>
  ev('RiskSignalRaised', {
    occurredAt: '2019-05-01',
    signalId,
    kind: 'financial_distress',
    severity: 'medium',
    evidence: 'budget gap',
  });
const clear = (signalId: string) =>
  ev('RiskSignalCleared', { occurredAt: '2019-09-01', signalId, reason: 'r' });

describe('risk-signals projection', () => {
  it('keeps open and cleared signals with their dates; a second clearing changes nothing', () => {
    const doc = docOf(projection, [
      registration(),
      ['r1', raise('s1')],
      ['c1', clear('s1')],
      ev('RiskSignalCleared', { signalId: 's1', reason: 'again' }),
      raise('s2'),
      ['r1', raise('s1')],
    ]);
    expect(recordOf(doc.signals, 's1')).toEqual({
      kind: 'financial_distress',
      severity: 'medium',
      evidence: 'budget gap',
      raisedOn: '2019-05-01',
      raisedBy: 'r1',
      clearedOn: '2019-09-01',
      clearedBy: 'c1',
    });
    expect(recordOf(doc.signals, 's2')?.clearedOn).toBeNull();
  });

  it('corrects the raising (kind, severity, evidence, date) and the clearing date', () => {
    const doc = docOf(projection, [
      registration(),
      ['r1', raise('s1')],
      ['c1', clear('s1')],
      ev('EventCorrected', {
        eventId: 'r1',
        targetType: 'RiskSignalRaised',
        reason: 'r',
        correction: {
          kind: 'section_114_notice',
          severity: 'critical',
          evidence: 's114',
          occurredAt: '2019-04-30',
        },
      }),
      ev('EventCorrected', {
        eventId: 'c1',
        targetType: 'RiskSignalCleared',
        reason: 'r',
        correction: { occurredAt: '2019-10-01' },
      }),
      ev('EventCorrected', {
        eventId: 'c1',
        targetType: 'RiskSignalCleared',
        reason: 'r',
        correction: { reason: 'only the reason' },
      }),
      ev('EventCorrected', {
        eventId: 'other',
        targetType: 'OfferDelivered',
        reason: 'r',
        correction: { participants: 1 },
      }),
    ]);
    expect(recordOf(doc.signals, 's1')).toMatchObject({
      kind: 'section_114_notice',
      severity: 'critical',
      evidence: 's114',
      raisedOn: '2019-04-30',
      clearedOn: '2019-10-01',
    });
  });

  it('reopens a signal whose clearing is retracted, and drops one whose raising is retracted', () => {
    const doc = docOf(projection, [
      registration(),
      raise('s1'),
      ['c1', clear('s1')],
      ['r2', raise('s2')],
      ev('EventRetracted', { eventId: 'c1', targetType: 'RiskSignalCleared', reason: 'r' }),
      ev('EventRetracted', { eventId: 'r2', targetType: 'RiskSignalRaised', reason: 'r' }),
    ]);
    expect(Object.keys(plain(doc.signals))).toEqual(['s1']);
    expect(recordOf(doc.signals, 's1')).toMatchObject({ clearedOn: null, clearedBy: null });
  });
});
