import { describe, it, expect } from '@jest/globals';
import { docsOf, ev, GSS, OTHER, registration } from '../test-fixtures.js';
import { changeOfControlTracker } from './change-of-control-tracker.view.js';

const THIRD = 'E07000001';
const QUIET = 'E07000002';

const docs = docsOf([
  registration(),
  registration({ gss: OTHER, name: 'Manchester' }),
  registration({ gss: THIRD, name: 'Third' }),
  registration({ gss: QUIET, name: 'Quiet' }),
  ev('PoliticalControlChanged', { occurredAt: '2016-05-06', control: 'Labour' }),
  ev('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Conservative' }),
  ev('ChangeOfControlOfferMade', { occurredAt: '2019-05-10', offerId: 'o1', trigger: 'control' }),
  ev('ChangeOfControlOfferAccepted', { occurredAt: '2019-05-12', offerId: 'o1' }),
  ev('ChangeOfControlSupportDelivered', {
    occurredAt: '2019-06-20',
    offerId: 'o1',
    days: 3,
    memberPeers: 2,
  }),
  ev('LeaderChanged', { gss: OTHER, occurredAt: '2019-05-20', role: 'mayor', leaderId: 'm' }),
  ev('ChangeOfControlOfferMade', {
    gss: OTHER,
    occurredAt: '2019-05-21',
    offerId: 'o2',
    trigger: 'leader',
  }),
  ev('ChangeOfControlOfferDeclined', { gss: OTHER, occurredAt: '2019-05-25', offerId: 'o2' }),
  ev('PoliticalControlChanged', { gss: THIRD, occurredAt: '2016-05-06', control: 'Green' }),
  ev('PoliticalControlChanged', { gss: THIRD, occurredAt: '2020-02-01', control: 'Labour' }),
  ev('ChangeOfControlOfferMade', {
    gss: THIRD,
    occurredAt: '2018-01-01',
    offerId: 'old',
    trigger: 'control',
  }),
  ev('PoliticalControlChanged', { gss: QUIET, occurredAt: '2016-05-06', control: 'Labour' }),
]);

describe('changeOfControlTracker', () => {
  it('lists the councils with a change in the year and where their offers stand', () => {
    const result = changeOfControlTracker({ fy: 2019, docs });
    expect(result).toMatchObject({
      councils: 3,
      offerMade: 2,
      accepted: 1,
      declined: 1,
      supportInPlace: 1,
      percentSupportInPlace: 33.33,
      targetPercent: 75,
      targetMet: false,
    });
    expect(
      result.rows.map((row) => [
        row.gss,
        row.name,
        row.offerMade,
        row.accepted,
        row.declined,
        row.supportInPlace,
      ]),
    ).toEqual([
      [GSS, 'Bristol City Council', true, true, false, true],
      [THIRD, 'Third', false, false, false, false],
      [OTHER, 'Manchester', true, false, true, false],
    ]);
    expect(result.rows[0]?.changes).toEqual([
      { on: '2019-05-03', kind: 'control', to: 'Conservative' },
    ]);
    expect(result.rows[0]?.offers).toEqual([
      {
        offerId: 'o1',
        trigger: 'control',
        status: 'support_delivered',
        offeredOn: '2019-05-10',
        acceptedOn: '2019-05-12',
        declinedOn: null,
        supportDeliveredOn: '2019-06-20',
      },
    ]);
  });

  it('stops at an as-of date, and meets a target when every changed council has support', () => {
    const early = changeOfControlTracker({
      fy: 2019,
      docs,
      asOfDate: '2019-06-01',
      targetPercent: 0,
    });
    expect(early).toMatchObject({
      councils: 2,
      supportInPlace: 0,
      accepted: 1,
      percentSupportInPlace: 0,
      targetMet: true,
    });
    expect(early.rows[0]?.offers[0]?.status).toBe('accepted');
    expect(changeOfControlTracker({ fy: 2021, docs })).toMatchObject({
      councils: 0,
      percentSupportInPlace: null,
      targetMet: true,
    });
  });
});
