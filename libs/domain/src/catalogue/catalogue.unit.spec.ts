import { describe, it, expect } from '@jest/globals';
import { event } from '../decider/test-fixtures.js';
import { catalogueOf, type CatalogueOffer } from './catalogue.js';
import { allTargets, findTarget, type Target, type TargetSet } from './targets.js';

const offer = (code: string, extra: Partial<CatalogueOffer> = {}): CatalogueOffer => ({
  code,
  name: code,
  theme: 'peer_challenge_and_support',
  objectives: [8],
  unit: 'engagements',
  interaction: null,
  peerChallengeKind: null,
  ...extra,
});

const catalogue = catalogueOf([
  {
    financialYear: 2020,
    source: 'test',
    offers: [offer('bespoke-package')],
  },
  {
    financialYear: 2019,
    source: 'test',
    offers: [
      offer('ignite'),
      offer('peer-challenge-corporate', {
        interaction: 'PeerChallengeDelivered',
        peerChallengeKind: 'corporate',
      }),
      offer('peer-challenge-finance', {
        interaction: 'PeerChallengeDelivered',
        peerChallengeKind: 'finance',
      }),
      offer('mentoring', { interaction: 'MentoringStarted' }),
    ],
  },
]);

describe('catalogueOf', () => {
  it('answers for every year it holds, in order', () => {
    expect(catalogue.financialYears).toEqual([2019, 2020]);
    expect(catalogue.year(2019)?.offers).toHaveLength(4);
    expect(catalogue.year(2018)).toBeUndefined();
  });

  it('knows which offers each year has', () => {
    expect(catalogue.hasOffer(2019, 'ignite')).toBe(true);
    expect(catalogue.hasOffer(2020, 'ignite')).toBe(false);
    expect(catalogue.hasOffer(2021, 'ignite')).toBe(false);
    expect(catalogue.offer(2020, 'bespoke-package')?.objectives).toEqual([8]);
  });

  it('finds the offer an event delivers, in the year it occurred', () => {
    const delivered = (kind: 'corporate' | 'finance' | 'communications') =>
      event('PeerChallengeDelivered', {
        peerChallengeId: 'p',
        onSiteFrom: '2019-06-01',
        onSiteTo: '2019-06-02',
        peers: 4,
        kind,
      });
    expect(catalogue.offerForEvent(delivered('finance'))?.code).toBe('peer-challenge-finance');
    expect(catalogue.offerForEvent(delivered('communications'))).toBeUndefined();
    const mentoring = event('MentoringStarted', {
      mentoringId: 'm',
      menteeId: 'x',
      menteeRole: 'leader',
      peerType: 'member_peer',
    });
    expect(catalogue.offerForEvent(mentoring)?.code).toBe('mentoring');
    const ignite = event('OfferDelivered', {
      deliveryId: 'd',
      offerCode: 'ignite',
      participants: 1,
    });
    expect(catalogue.offerForEvent(ignite)?.code).toBe('ignite');
    expect(
      catalogue.offerForEvent({ ...ignite, data: { ...ignite.data, offerCode: 'mentoring' } }),
    ).toBeUndefined();
    expect(
      catalogue.offerForEvent({ ...ignite, data: { ...ignite.data, occurredAt: '2020-04-01' } }),
    ).toBeUndefined();
    expect(
      catalogue.offerForEvent(event('PoliticalControlChanged', { control: 'Green' })),
    ).toBeUndefined();
  });

  it('refuses the same year twice', () => {
    const year = { financialYear: 2019, source: 'x', offers: [] };
    expect(() => catalogueOf([year, year])).toThrow('financial year 2019 given twice');
  });
});

describe('targets', () => {
  const target = (code: string, subTargets: Target[] = []): Target => ({
    code,
    description: code,
    objective: 8,
    unit: 'engagements',
    threshold: 1,
    counts: { offers: ['ignite'], events: [] },
    eligible: null,
    baseline: null,
    windowYears: null,
    subTargets,
  });
  const set: TargetSet = {
    financialYear: 2019,
    source: 'x',
    targets: [target('8.1', [target('8.1a')]), target('9.3')],
  };

  it('lists targets with their sub-targets, parents first, and finds one by code', () => {
    expect(allTargets(set).map((t) => t.code)).toEqual(['8.1', '8.1a', '9.3']);
    expect(findTarget(set, '8.1a')?.code).toBe('8.1a');
    expect(findTarget(set, '1.1')).toBeUndefined();
  });
});
