import { describe, it, expect } from '@jest/globals';
import { catalogue, docOf, ev, registration, plain } from '../test-fixtures.js';
import { decodeCellKey } from './take-up-cells.js';
import { type TakeUpDoc, takeUpProjection } from './take-up.projection.js';

const projection = takeUpProjection(catalogue);

/** Cells as readable rows, sorted. */
function cells(doc: TakeUpDoc) {
  return Object.entries(plain(doc.cells))
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
    expect(Object.values(plain(doc.records)).filter((record) => record.o === null)).toHaveLength(1);
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
});
