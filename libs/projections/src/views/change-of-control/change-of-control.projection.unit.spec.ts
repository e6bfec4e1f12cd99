import { describe, it, expect } from '@jest/globals';
import { docOf, ev, registration, plain } from '../test-fixtures.js';
import { changeOfControlProjection as projection } from './change-of-control.projection.js';

const control = (occurredAt: string, value: 'Labour' | 'Conservative' | 'Green') =>
  ev('PoliticalControlChanged', { occurredAt, control: value });
const leader = (occurredAt: string, leaderId: string) =>
  ev('LeaderChanged', { occurredAt, role: 'leader', leaderId });

describe('change-of-control projection', () => {
  it('derives changes from the timelines: the first control is a baseline, the first leader a change', () => {
    const doc = docOf(projection, [
      registration(),
      control('2016-05-06', 'Labour'),
      control('2019-05-03', 'Labour'),
      leader('2019-05-20', 'a'),
      leader('2019-06-01', 'a'),
      control('2020-05-08', 'Conservative'),
      leader('2020-05-20', 'b'),
    ]);
    expect(doc.changes).toEqual([
      { on: '2019-05-20', fy: 2019, kind: 'leader', to: 'leader' },
      { on: '2020-05-08', fy: 2020, kind: 'control', to: 'Conservative' },
      { on: '2020-05-20', fy: 2020, kind: 'leader', to: 'leader' },
    ]);
  });

  it('re-decides which entries are changes when a back-dated record arrives', () => {
    const doc = docOf(projection, [
      registration(),
      control('2016-05-06', 'Labour'),
      control('2019-05-03', 'Conservative'),
      control('2018-05-04', 'Conservative'),
    ]);
    expect(doc.changes.map((change) => change.on)).toEqual(['2018-05-04']);
  });

  it('follows corrections and retractions of registry facts', () => {
    const doc = docOf(projection, [
      registration(),
      control('2016-05-06', 'Labour'),
      ['c2', control('2019-05-03', 'Conservative')],
      ['l1', leader('2019-05-20', 'a')],
      ev('EventCorrected', {
        eventId: 'c2',
        targetType: 'PoliticalControlChanged',
        reason: 'r',
        correction: { occurredAt: '2019-05-10', control: 'Green' },
      }),
      ev('EventRetracted', { eventId: 'l1', targetType: 'LeaderChanged', reason: 'r' }),
    ]);
    expect(doc.changes).toEqual([{ on: '2019-05-10', fy: 2019, kind: 'control', to: 'Green' }]);
  });

  it('keeps every offer step, steps back on a retraction and applies corrections', () => {
    const doc = docOf(projection, [
      registration(),
      [
        'made',
        ev('ChangeOfControlOfferMade', {
          occurredAt: '2019-05-10',
          offerId: 'o1',
          trigger: 'control',
        }),
      ],
      ev('ChangeOfControlOfferMade', {
        occurredAt: '2019-05-10',
        offerId: 'o1',
        trigger: 'leader',
      }),
      ev('ChangeOfControlOfferAccepted', { occurredAt: '2019-05-12', offerId: 'o1' }),
      [
        'support',
        ev('ChangeOfControlSupportDelivered', {
          occurredAt: '2019-06-01',
          offerId: 'o1',
          days: 2,
          memberPeers: 2,
        }),
      ],
      ev('ChangeOfControlOfferMade', {
        occurredAt: '2019-05-10',
        offerId: 'o2',
        trigger: 'leader',
      }),
      ev('ChangeOfControlOfferDeclined', { occurredAt: '2019-05-11', offerId: 'o2' }),
      ev('EventRetracted', {
        eventId: 'support',
        targetType: 'ChangeOfControlSupportDelivered',
        reason: 'r',
      }),
      ev('EventCorrected', {
        eventId: 'made',
        targetType: 'ChangeOfControlOfferMade',
        reason: 'r',
        correction: { trigger: 'leader', occurredAt: '2019-05-09' },
      }),
      ev('ChangeOfControlOfferAccepted', { occurredAt: '2019-05-12', offerId: 'unknown' }),
    ]);
    expect(plain(doc.offers)).toEqual({
      o1: {
        trigger: 'leader',
        st: [
          { e: 'made', s: 'offered', on: '2019-05-09' },
          { e: 'e4', s: 'accepted', on: '2019-05-12' },
        ],
      },
      o2: {
        trigger: 'leader',
        st: [
          { e: 'e6', s: 'offered', on: '2019-05-10' },
          { e: 'e7', s: 'declined', on: '2019-05-11' },
        ],
      },
    });
  });

  it('drops an offer whose only step is retracted, and ignores events it does not use', () => {
    const doc = docOf(projection, [
      registration(),
      ['made', ev('ChangeOfControlOfferMade', { offerId: 'o1', trigger: 'control' })],
      ev('EventRetracted', {
        eventId: 'made',
        targetType: 'ChangeOfControlOfferMade',
        reason: 'r',
      }),
      ev('LgaMembershipChanged', { membership: 'member' }),
    ]);
    expect(plain(doc.offers)).toEqual({});
    expect(doc.lastPosition).toBe('3');
  });
});
