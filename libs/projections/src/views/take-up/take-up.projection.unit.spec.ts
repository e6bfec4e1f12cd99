import { describe, it, expect } from '@jest/globals';
import { catalogue, docOf, ev, registration } from '../test-fixtures.js';
import { decodeCellKey } from './take-up-cells.js';
import { type TakeUpDoc, takeUpProjection } from './take-up.projection.js';

const projection = takeUpProjection(catalogue);

/** Cells as readable rows, sorted. */
function cells(doc: TakeUpDoc) {
  return Object.entries(doc.cells)
    .map(([key, cell]) => ({ ...decodeCellKey(key), ...cell }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const labour = ev('PoliticalControlChanged', { occurredAt: '2016-05-06', control: 'Labour' });
const conservative = ev('PoliticalControlChanged', {
  occurredAt: '2019-07-01',
  control: 'Conservative',
});
const ignite = ev('OfferDelivered', {
  occurredAt: '2019-06-03',
  deliveryId: 'd1',
  offerCode: 'ignite',
  participants: 4,
});

describe('take-up projection', () => {
  it('counts every kind of delivery under its catalogue offer, with participants', () => {
    const doc = docOf(projection, [
      registration(),
      labour,
      ev('AnnualConversationHeld', {
        conversationId: 'ac',
        adviserId: 'pa',
        topics: [],
        supportAgreed: [],
      }),
      ev('PeerChallengeDelivered', {
        peerChallengeId: 'pc',
        onSiteFrom: '2019-06-01',
        onSiteTo: '2019-06-02',
        peers: 4,
        kind: 'finance',
      }),
      ev('ChangeOfControlSupportDelivered', { offerId: 'o', days: 2, memberPeers: 1 }),
      ev('MentoringStarted', {
        mentoringId: 'm',
        menteeId: 'x',
        menteeRole: 'leader',
        peerType: 'member_peer',
      }),
      ev('ProductivityExpertEngaged', { engagementId: 'p', expertId: 'x', focus: 'productivity' }),
      ev('SavingsReported', {
        occurredAt: '2019-12-01',
        engagementId: 'p',
        amountPounds: 1000.1,
        kind: 'saving',
        periodFrom: '2019-04-01',
        periodTo: '2020-03-31',
      }),
      ignite,
      ev('AnnualConversationHeld', {
        occurredAt: '2016-06-01',
        conversationId: 'old',
        adviserId: 'pa',
        topics: [],
        supportAgreed: [],
      }),
    ]);
    const key = { fy: 2019, quarter: 1, control: 'Labour', membership: 'unknown' };
    expect(cells(doc)).toEqual([
      { offer: 'annual-conversation', ...key, n: 1, p: 0, pence: 0 },
      { offer: 'change-of-control', ...key, n: 1, p: 0, pence: 0 },
      { offer: 'ignite', ...key, n: 1, p: 4, pence: 0 },
      { offer: 'mentoring', ...key, n: 1, p: 1, pence: 0 },
      { offer: 'peer-challenge-finance', ...key, n: 1, p: 0, pence: 0 },
      { offer: 'productivity-expert', ...key, n: 1, p: 0, pence: 0 },
      { offer: 'productivity-expert', ...key, quarter: 3, n: 0, p: 0, pence: 100010 },
    ]);
    // 2016 has no catalogue: the record is kept, but counts toward no offer.
    expect(Object.values(doc.records).filter((record) => record.o === null)).toHaveLength(1);
  });

  it('re-attributes engagements when a back-dated control change arrives after them', () => {
    const doc = docOf(projection, [
      registration(),
      labour,
      ignite,
      ev('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Conservative' }),
    ]);
    expect(cells(doc).map((cell) => cell.control)).toEqual(['Conservative']);
  });

  it('attributes to membership at the time and to the quarter of the date', () => {
    const doc = docOf(projection, [
      registration(),
      ev('LgaMembershipChanged', { occurredAt: '2019-01-01', membership: 'member' }),
      conservative,
      ev('OfferDelivered', {
        occurredAt: '2020-01-15',
        deliveryId: 'd2',
        offerCode: 'ignite',
        participants: 1,
      }),
    ]);
    expect(cells(doc)).toEqual([
      {
        offer: 'ignite',
        fy: 2019,
        quarter: 4,
        control: 'Conservative',
        membership: 'member',
        n: 1,
        p: 1,
        pence: 0,
      },
    ]);
  });

  it('follows corrections of records, savings and registry facts', () => {
    const doc = docOf(projection, [
      registration(),
      ['c1', labour],
      ['d1', ignite],
      [
        'pc',
        ev('PeerChallengeDelivered', {
          peerChallengeId: 'pc',
          onSiteFrom: '2019-06-01',
          onSiteTo: '2019-06-02',
          peers: 4,
          kind: 'communications',
        }),
      ],
      ev('ProductivityExpertEngaged', { engagementId: 'p', expertId: 'x', focus: 'productivity' }),
      [
        's1',
        ev('SavingsReported', {
          engagementId: 'p',
          amountPounds: 10,
          kind: 'saving',
          periodFrom: '2019-04-01',
          periodTo: '2020-03-31',
        }),
      ],
      ev('EventCorrected', {
        eventId: 'd1',
        targetType: 'OfferDelivered',
        reason: 'r',
        correction: { offerCode: 'be-a-councillor', participants: 0 },
      }),
      ev('EventCorrected', {
        eventId: 'pc',
        targetType: 'PeerChallengeDelivered',
        reason: 'r',
        correction: { kind: 'corporate', occurredAt: '2019-07-02' },
      }),
      ev('EventCorrected', {
        eventId: 's1',
        targetType: 'SavingsReported',
        reason: 'r',
        correction: { amountPounds: 20 },
      }),
      ev('EventCorrected', {
        eventId: 'c1',
        targetType: 'PoliticalControlChanged',
        reason: 'r',
        correction: { control: 'Green' },
      }),
    ]);
    const key = { fy: 2019, quarter: 1, control: 'Green', membership: 'unknown', p: 0 };
    expect(cells(doc)).toEqual([
      { offer: 'be-a-councillor', ...key, n: 1, pence: 0 },
      { offer: 'peer-challenge-corporate', ...key, quarter: 2, n: 1, pence: 0 },
      { offer: 'productivity-expert', ...key, n: 1, pence: 2000 },
    ]);
  });

  it('removes retracted deliveries, savings and registry facts, and the savings of a retracted engagement', () => {
    const base = [
      registration(),
      ['c1', labour],
      ['d1', ignite],
      [
        'pe',
        ev('ProductivityExpertEngaged', {
          engagementId: 'p',
          expertId: 'x',
          focus: 'productivity',
        }),
      ],
      [
        's1',
        ev('SavingsReported', {
          engagementId: 'p',
          amountPounds: 10,
          kind: 'saving',
          periodFrom: '2019-04-01',
          periodTo: '2020-03-31',
        }),
      ],
    ] as const;
    const retract = (
      eventId: string,
      targetType:
        | 'OfferDelivered'
        | 'SavingsReported'
        | 'PoliticalControlChanged'
        | 'ProductivityExpertEngaged',
    ) => ev('EventRetracted', { eventId, targetType, reason: 'r' });
    expect(
      cells(
        docOf(projection, [
          ...base,
          retract('d1', 'OfferDelivered'),
          retract('s1', 'SavingsReported'),
        ]),
      ),
    ).toEqual([
      {
        offer: 'productivity-expert',
        fy: 2019,
        quarter: 1,
        control: 'Labour',
        membership: 'unknown',
        n: 1,
        p: 0,
        pence: 0,
      },
    ]);
    const noControl = cells(
      docOf(projection, [
        ...base,
        retract('c1', 'PoliticalControlChanged'),
        retract('pe', 'ProductivityExpertEngaged'),
      ]),
    );
    expect(noControl).toEqual([
      {
        offer: 'ignite',
        fy: 2019,
        quarter: 1,
        control: 'unknown',
        membership: 'unknown',
        n: 1,
        p: 4,
        pence: 0,
      },
    ]);
  });

  it('ignores events it does not count, and a replayed delivery', () => {
    const doc = docOf(projection, [
      registration(),
      ['d1', ignite],
      ev('LeaderChanged', { role: 'leader', leaderId: 'l' }),
      ev('PeerChallengeRequested', { peerChallengeId: 'pc', kind: 'corporate' }),
      ev('EventCorrected', {
        eventId: 'nothing',
        targetType: 'AnnualConversationHeld',
        reason: 'r',
        correction: { adviserId: 'x' },
      }),
      ev('EventRetracted', {
        eventId: 'nothing',
        targetType: 'AnnualConversationHeld',
        reason: 'r',
      }),
      ['d1', ignite],
    ]);
    expect(cells(doc).map((cell) => [cell.offer, cell.n])).toEqual([['ignite', 1]]);
    expect(projection.handles.has('LeaderChanged')).toBe(false);
  });
});
