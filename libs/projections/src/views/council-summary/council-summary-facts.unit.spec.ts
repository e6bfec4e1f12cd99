import { describe, it, expect } from '@jest/globals';
import { docOf, ev, fold, registration } from '../test-fixtures.js';
import { councilSummaryProjection as projection } from './council-summary.projection.js';
import { councilSummary } from './council-summary.view.js';

const control = (occurredAt: string, value: 'Labour' | 'Conservative' | 'No overall control') =>
  ev('PoliticalControlChanged', { occurredAt, control: value });

describe('council-summary projection', () => {
  it('starts at the registration and ignores anything before it or a second registration', () => {
    const docs = fold(projection, [
      ev('AnnualConversationHeld', {
        conversationId: 'ac',
        adviserId: 'pa',
        topics: [],
        supportAgreed: [],
      }),
      registration(),
      registration({ name: 'Other name' }),
    ]);
    const doc = docs.get('E06000023');
    expect(doc?.facts.name).toBe('Bristol City Council');
    expect(doc?.engagements.size).toBe(0);
    expect(doc?.lastPosition).toBe('3');
    expect(
      projection.documentId({
        ...registration(),
        eventId: 'x',
        streamName: '',
        position: 1n,
        recordedAt: '',
        recordedBy: '',
      }),
    ).toBe('E06000023');
  });

  it('keeps dated facts in effective-date order, so a back-dated change lands in the past', () => {
    const summary = councilSummary(
      docOf(projection, [
        registration(),
        control('2016-05-06', 'Labour'),
        control('2019-05-03', 'No overall control'),
        control('2018-05-04', 'Conservative'),
        ev('LeaderChanged', { occurredAt: '2019-05-20', role: 'mayor', leaderId: 'p1' }),
        ev('LgaMembershipChanged', { occurredAt: '2017-01-01', membership: 'member' }),
      ]),
    );
    expect(summary.history.control.map((period) => period.control)).toEqual([
      'Labour',
      'Conservative',
      'No overall control',
    ]);
    expect(summary).toMatchObject({
      control: 'No overall control',
      leaderRole: 'mayor',
      membership: 'member',
      status: 'active',
    });
  });

  it('records an abolition once, and un-abolishes when it is retracted', () => {
    const abolish = ev('CouncilAbolished', {
      occurredAt: '2020-03-31',
      lastDay: '2020-03-31',
      successors: ['E06000060'],
    });
    const abolished = docOf(projection, [
      registration(),
      ['ab', abolish],
      ev('CouncilAbolished', { lastDay: '2021-03-31', successors: [] }),
    ]);
    expect(councilSummary(abolished)).toMatchObject({
      status: 'abolished',
      lastDay: '2020-03-31',
      successors: ['E06000060'],
    });
    const corrected = docOf(projection, [
      registration(),
      ['ab', abolish],
      ev('EventCorrected', {
        eventId: 'ab',
        targetType: 'CouncilAbolished',
        reason: 'r',
        correction: { lastDay: '2020-03-30' },
      }),
    ]);
    expect(councilSummary(corrected).lastDay).toBe('2020-03-30');
    const retracted = docOf(projection, [
      registration(),
      ['ab', abolish],
      ev('EventRetracted', { eventId: 'ab', targetType: 'CouncilAbolished', reason: 'r' }),
    ]);
    expect(councilSummary(retracted)).toMatchObject({
      status: 'active',
      lastDay: null,
      successors: [],
    });
  });

  it('applies corrections and retractions of register facts', () => {
    const summary = councilSummary(
      docOf(projection, [
        ['reg', registration()],
        ['c1', control('2016-05-06', 'Labour')],
        ['c2', control('2019-05-03', 'Conservative')],
        ['m1', ev('LgaMembershipChanged', { occurredAt: '2017-01-01', membership: 'member' })],
        ev('EventCorrected', {
          eventId: 'reg',
          targetType: 'CouncilRegistered',
          reason: 'r',
          correction: { name: 'Bristol', validTo: '2030-03-31' },
        }),
        ev('EventCorrected', {
          eventId: 'c2',
          targetType: 'PoliticalControlChanged',
          reason: 'r',
          correction: { occurredAt: '2015-05-01', control: 'No overall control' },
        }),
        ev('EventRetracted', { eventId: 'm1', targetType: 'LgaMembershipChanged', reason: 'r' }),
      ]),
    );
    expect(summary).toMatchObject({
      name: 'Bristol',
      validTo: '2030-03-31',
      lastDay: '2030-03-31',
      control: 'Labour',
      membership: 'unknown',
    });
    expect(summary.history.control).toEqual([
      { from: '2015-05-01', control: 'No overall control' },
      { from: '2016-05-06', control: 'Labour' },
    ]);
  });
});
