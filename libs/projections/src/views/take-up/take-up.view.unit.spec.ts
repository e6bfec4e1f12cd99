import { describe, it, expect } from '@jest/globals';
import { docsOf, ev, GSS, OTHER, registration } from '../test-fixtures.js';
import { takeUp } from './take-up.view.js';

const DISTRICT = 'E07000001';
const GONE = 'E07000002';
const NEW = 'E06000099';

const councils = docsOf([
  registration(),
  registration({
    gss: OTHER,
    name: 'Manchester',
    region: 'North West',
    authorityType: 'metropolitan_district',
  }),
  registration({
    gss: DISTRICT,
    name: 'District',
    region: 'North West',
    authorityType: 'district',
  }),
  registration({ gss: GONE, name: 'Gone', region: 'North West', validTo: '2019-03-31' }),
  registration({ gss: NEW, name: 'New', region: 'South West', validFrom: '2019-10-01' }),
  ev('PoliticalControlChanged', { occurredAt: '2016-05-06', control: 'Labour' }),
  ev('PoliticalControlChanged', { occurredAt: '2019-07-01', control: 'Conservative' }),
  ev('LgaMembershipChanged', { occurredAt: '2017-01-01', membership: 'member' }),
  ev('PoliticalControlChanged', { gss: OTHER, occurredAt: '2016-05-06', control: 'Labour' }),
  ev('PoliticalControlChanged', {
    gss: DISTRICT,
    occurredAt: '2016-05-06',
    control: 'No overall control',
  }),
  ev('OfferDelivered', {
    occurredAt: '2019-06-03',
    deliveryId: 'd1',
    offerCode: 'ignite',
    participants: 4,
  }),
  ev('OfferDelivered', {
    occurredAt: '2019-08-01',
    deliveryId: 'd2',
    offerCode: 'be-a-councillor',
    participants: 0,
  }),
  ev('ProductivityExpertEngaged', {
    occurredAt: '2019-08-02',
    engagementId: 'p',
    expertId: 'x',
    focus: 'productivity',
  }),
  ev('SavingsReported', {
    occurredAt: '2020-01-10',
    engagementId: 'p',
    amountPounds: 1234.5,
    kind: 'saving',
    periodFrom: '2019-04-01',
    periodTo: '2020-03-31',
  }),
  ev('AnnualConversationHeld', {
    gss: OTHER,
    occurredAt: '2019-11-01',
    conversationId: 'ac',
    adviserId: 'pa',
    topics: [],
    supportAgreed: [],
  }),
  ev('OfferDelivered', {
    occurredAt: '2020-06-03',
    deliveryId: 'd3',
    offerCode: 'ignite',
    participants: 9,
  }),
]);

describe('takeUp', () => {
  it('totals a year: engagements, councils, participants, savings, eligible councils and coverage', () => {
    const result = takeUp({ councils, fy: 2019, groupBy: [] });
    expect(result.period).toEqual({ from: '2019-04-01', to: '2020-03-31' });
    expect(result.rows).toEqual([result.total]);
    expect(result.total).toEqual({
      group: {},
      engagements: 4,
      councils: 2,
      participants: 4,
      savingsPounds: 1234.5,
      eligibleCouncils: 4,
      coveragePercent: 50,
      zeroTakeUp: [NEW, DISTRICT],
      lowTakeUp: [],
    });
  });

  it('groups by control at the time: a council is eligible under every control it had in the period', () => {
    const rows = takeUp({ councils, fy: 2019, groupBy: ['control'] }).rows;
    expect(
      rows.map((row) => [row.group.control, row.engagements, row.councils, row.eligibleCouncils]),
    ).toEqual([
      ['Conservative', 2, 1, 1],
      ['Labour', 2, 2, 2],
      ['No overall control', 0, 0, 1],
      ['unknown', 0, 0, 1],
    ]);
    expect(rows[0]?.savingsPounds).toBe(1234.5);
  });

  it('groups by quarter with eligibility per quarter, and filters by quarter', () => {
    const rows = takeUp({ councils, fy: 2019, groupBy: ['quarter'] }).rows;
    expect(rows.map((row) => [row.group.quarter, row.engagements, row.eligibleCouncils])).toEqual([
      [1, 1, 3],
      [2, 2, 3],
      [3, 1, 4],
      [4, 0, 4],
    ]);
    const q2 = takeUp({ councils, fy: 2019, quarter: 2, groupBy: ['quarter', 'membership'] });
    expect(q2.period).toEqual({ from: '2019-07-01', to: '2019-09-30' });
    expect(
      q2.rows.map((row) => [row.group.membership, row.engagements, row.eligibleCouncils]),
    ).toEqual([
      ['member', 2, 1],
      ['unknown', 0, 2],
    ]);
  });

  it('groups by offer and region, listing zero and low take-up per group', () => {
    const result = takeUp({ councils, fy: 2019, groupBy: ['region', 'offer'], lowTakeUpBelow: 2 });
    expect(result.groupBy).toEqual(['offer', 'region']);
    const ignite = result.rows.filter((row) => row.group.offer === 'ignite');
    expect(
      ignite.map((row) => [
        row.group.region,
        row.engagements,
        row.eligibleCouncils,
        row.zeroTakeUp,
        row.lowTakeUp,
      ]),
    ).toEqual([
      ['North West', 0, 2, [DISTRICT, OTHER], []],
      ['South West', 1, 2, [NEW], [GSS]],
    ]);
    expect(new Set(result.rows.map((row) => row.group.offer))).toEqual(
      new Set(['annual-conversation', 'be-a-councillor', 'ignite', 'productivity-expert']),
    );
  });

  it('filters by region, authority type, control, membership and offer', () => {
    const northWestLabour = takeUp({
      councils,
      fy: 2019,
      region: 'North West',
      control: 'Labour',
      groupBy: ['authorityType'],
    });
    expect(northWestLabour.filters).toEqual({ region: 'North West', control: 'Labour' });
    expect(
      northWestLabour.rows.map((row) => [
        row.group.authorityType,
        row.engagements,
        row.eligibleCouncils,
      ]),
    ).toEqual([['metropolitan_district', 1, 1]]);
    const members = takeUp({
      councils,
      fy: 2019,
      membership: 'member',
      offer: 'ignite',
      authorityType: 'unitary',
      groupBy: ['offer'],
    });
    expect(members.rows.map((row) => [row.group.offer, row.engagements, row.participants])).toEqual(
      [['ignite', 1, 4]],
    );
    expect(takeUp({ councils, fy: 2019, offer: 'ngdp', groupBy: ['offer'] }).rows[0]).toMatchObject(
      { engagements: 0, eligibleCouncils: 4 },
    );
  });

  it('counts only the days a council existed, and only the later of two same-day records', () => {
    const small = docsOf([
      registration({ validFrom: '2019-10-01' }),
      ev('PoliticalControlChanged', { occurredAt: '2019-10-01', control: 'Labour' }),
      registration({ gss: OTHER }),
      ev('PoliticalControlChanged', {
        gss: OTHER,
        occurredAt: '2016-05-06',
        control: 'Conservative',
      }),
      ev('PoliticalControlChanged', { gss: OTHER, occurredAt: '2019-05-02', control: 'Labour' }),
      ev('PoliticalControlChanged', { gss: OTHER, occurredAt: '2019-05-02', control: 'Green' }),
    ]);
    const rows = takeUp({ councils: small, fy: 2019, groupBy: ['control'] }).rows;
    expect(rows.map((row) => [row.group.control, row.zeroTakeUp])).toEqual([
      ['Conservative', [OTHER]],
      ['Green', [OTHER]],
      ['Labour', [GSS]],
    ]);
  });
});
