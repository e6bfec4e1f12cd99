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
const ignite = ev('OfferDelivered', {
  occurredAt: '2019-06-03',
  deliveryId: 'd1',
  offerCode: 'ignite',
  participants: 4,
});

describe('take-up projection: amendments and replays', () => {
  it('follows corrections of records, savings and registry facts', () => {
    const doc = docOf(projection, [
      registration(),
      ['c1', labour],
      ['m1', ev('LgaMembershipChanged', { occurredAt: '2017-01-01', membership: 'member' })],
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
      ev('EventCorrected', {
        eventId: 'm1',
        targetType: 'LgaMembershipChanged',
        reason: 'r',
        correction: { membership: 'non_member' },
      }),
    ]);
    const key = { fy: 2019, quarter: 1, control: 'Green', membership: 'non_member', p: 0 };
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
