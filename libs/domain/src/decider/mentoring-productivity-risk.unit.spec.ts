import { describe, it, expect } from '@jest/globals';
import {
  DateOutOfRange,
  DuplicateEngagementId,
  EngagementNotFound,
  InvalidCommand,
  InvalidLifecycleStep,
} from '../errors.js';
import { command, event, givenCouncil, when } from './test-fixtures.js';

describe('mentoring', () => {
  const started = event('MentoringStarted', {
    mentoringId: 'm1',
    menteeId: 'person-9',
    menteeRole: 'chief_executive',
    peerType: 'officer_peer',
  });
  const start = (extra: object = {}) =>
    command('StartMentoring', {
      mentoringId: 'm1',
      menteeId: 'person-9',
      menteeRole: 'chief_executive',
      peerType: 'officer_peer',
      ...extra,
    });
  const complete = (occurredAt = '2019-12-01') =>
    command('CompleteMentoring', { mentoringId: 'm1', occurredAt });

  it('given a new id, starts mentoring', () => {
    expect(when(givenCouncil(), start())).toEqual([started]);
  });

  it.each([
    ['menteeId', { menteeId: 'Cllr Jane Smith' }],
    ['menteeRole', { menteeRole: 'officer' }],
    ['peerType', { peerType: 'expert' }],
  ])('given a bad %s, throws InvalidCommand', (field, extra) => {
    expect(() => when(givenCouncil(), start(extra))).toThrow(expect.objectContaining({ field }));
  });

  it('given an id already used, throws DuplicateEngagementId', () => {
    expect(() => when(givenCouncil(started), start())).toThrow(DuplicateEngagementId);
  });

  it('given active mentoring, completes it', () => {
    expect(when(givenCouncil(started), complete())).toEqual([
      event('MentoringCompleted', { mentoringId: 'm1', occurredAt: '2019-12-01' }),
    ]);
  });

  it('given completed mentoring, throws InvalidLifecycleStep', () => {
    const state = givenCouncil(
      started,
      event('MentoringCompleted', { mentoringId: 'm1', occurredAt: '2019-12-01' }),
    );
    expect(() => when(state, complete())).toThrow(InvalidLifecycleStep);
  });

  it('given no such mentoring, throws EngagementNotFound', () => {
    expect(() => when(givenCouncil(), complete())).toThrow(EngagementNotFound);
  });

  it('given completion before the start, throws DateOutOfRange', () => {
    expect(() => when(givenCouncil(started), complete('2019-06-02'))).toThrow(DateOutOfRange);
  });
});

describe('productivity experts', () => {
  const engaged = event('ProductivityExpertEngaged', {
    engagementId: 'p1',
    expertId: 'expert-3',
    focus: 'income_generation',
  });
  const closed = event('ProductivityEngagementClosed', {
    engagementId: 'p1',
    occurredAt: '2020-03-01',
  });
  const engage = (focus = 'income_generation') =>
    command('EngageProductivityExpert', {
      engagementId: 'p1',
      expertId: 'expert-3',
      focus: focus as 'productivity',
    });
  const report = (extra: object = {}) =>
    command('ReportSavings', {
      engagementId: 'p1',
      amountPounds: 125000.5,
      kind: 'income',
      periodFrom: '2019-04-01',
      periodTo: '2020-03-31',
      occurredAt: '2020-01-15',
      ...extra,
    });
  const close = () =>
    command('CloseProductivityEngagement', { engagementId: 'p1', occurredAt: '2020-03-01' });

  it('given a new id, engages the expert', () => {
    expect(when(givenCouncil(), engage())).toEqual([engaged]);
  });

  it('given an unknown focus, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(), engage('efficiency'))).toThrow(InvalidCommand);
  });

  it('given an id already used, throws DuplicateEngagementId', () => {
    expect(() => when(givenCouncil(engaged), engage())).toThrow(DuplicateEngagementId);
  });

  it('given an open engagement, reports savings', () => {
    expect(when(givenCouncil(engaged), report())).toEqual([
      event('SavingsReported', {
        engagementId: 'p1',
        amountPounds: 125000.5,
        kind: 'income',
        periodFrom: '2019-04-01',
        periodTo: '2020-03-31',
        occurredAt: '2020-01-15',
      }),
    ]);
    expect(when(givenCouncil(engaged), report({ amountPounds: 0 }))).toHaveLength(1);
  });

  it('given a closed engagement, throws InvalidLifecycleStep on savings and on closing again', () => {
    expect(() => when(givenCouncil(engaged, closed), report({ occurredAt: '2020-03-02' }))).toThrow(
      InvalidLifecycleStep,
    );
    expect(() => when(givenCouncil(engaged, closed), close())).toThrow(InvalidLifecycleStep);
  });

  it('given no such engagement, throws EngagementNotFound', () => {
    expect(() => when(givenCouncil(), report())).toThrow(EngagementNotFound);
    expect(() => when(givenCouncil(), close())).toThrow(EngagementNotFound);
  });

  it.each([-1, 10.005, Number.NaN, Number.POSITIVE_INFINITY, '100'])(
    'given %p pounds, throws InvalidCommand',
    (amountPounds) => {
      expect(() => when(givenCouncil(engaged), report({ amountPounds }))).toThrow(
        expect.objectContaining({ field: 'amountPounds' }),
      );
    },
  );

  it('given an unknown kind of saving, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(engaged), report({ kind: 'grant' }))).toThrow(
      expect.objectContaining({ field: 'kind' }),
    );
  });

  it('given a period that ends before it starts, or a bad date, throws DateOutOfRange', () => {
    expect(() => when(givenCouncil(engaged), report({ periodTo: '2019-03-31' }))).toThrow(
      DateOutOfRange,
    );
    expect(() => when(givenCouncil(engaged), report({ periodFrom: '2019-02-29' }))).toThrow(
      DateOutOfRange,
    );
  });

  it('given savings reported before the engagement, throws DateOutOfRange', () => {
    expect(() => when(givenCouncil(engaged), report({ occurredAt: '2019-06-02' }))).toThrow(
      DateOutOfRange,
    );
  });

  it('given an open engagement, closes it', () => {
    expect(when(givenCouncil(engaged), close())).toEqual([closed]);
  });
});

describe('risk signals', () => {
  const raised = event('RiskSignalRaised', {
    signalId: 'r1',
    kind: 'section_114_notice',
    severity: 'critical',
    evidence: 'Section 114 notice issued',
  });
  const raise = (extra: object = {}) =>
    command('RaiseRiskSignal', {
      signalId: 'r1',
      kind: 'section_114_notice',
      severity: 'critical',
      evidence: 'Section 114 notice issued',
      ...extra,
    });
  const clear = (reason = 'Budget balanced') =>
    command('ClearRiskSignal', { signalId: 'r1', reason, occurredAt: '2020-02-01' });

  it('given a new id, raises the signal', () => {
    expect(when(givenCouncil(), raise())).toEqual([raised]);
  });

  it.each([
    ['kind', { kind: 'bad_press' }],
    ['severity', { severity: 'severe' }],
    ['evidence', { evidence: '' }],
    ['evidence', { evidence: 'x'.repeat(2001) }],
  ])('given a bad %s, throws InvalidCommand', (field, extra) => {
    expect(() => when(givenCouncil(), raise(extra))).toThrow(expect.objectContaining({ field }));
  });

  it('given an id already used, throws DuplicateEngagementId', () => {
    expect(() => when(givenCouncil(raised), raise())).toThrow(DuplicateEngagementId);
  });

  it('given an open signal, clears it', () => {
    expect(when(givenCouncil(raised), clear())).toEqual([
      event('RiskSignalCleared', {
        signalId: 'r1',
        reason: 'Budget balanced',
        occurredAt: '2020-02-01',
      }),
    ]);
  });

  it('given a cleared signal, throws InvalidLifecycleStep', () => {
    const state = givenCouncil(
      raised,
      event('RiskSignalCleared', { signalId: 'r1', reason: 'ok', occurredAt: '2020-01-01' }),
    );
    expect(() => when(state, clear())).toThrow(InvalidLifecycleStep);
  });

  it('given no such signal, throws EngagementNotFound', () => {
    expect(() => when(givenCouncil(), clear())).toThrow(EngagementNotFound);
  });

  it('given no reason, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(raised), clear(' '))).toThrow(
      expect.objectContaining({ field: 'reason' }),
    );
  });
});
