import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { financialYearFileStem } from '../calendar/fiscal-calendar.js';
import { PEER_CHALLENGE_KINDS } from '../values/support.js';
import { catalogueOf } from './catalogue.js';
import { parseCatalogue } from './parse-catalogue.js';
import { parseTargets } from './parse-targets.js';
import { allTargets, findTarget } from './targets.js';

// Tests may read files; the domain itself never does (the ledger reads these at start).
const read = (kind: 'catalogue' | 'targets', fy: number): unknown =>
  JSON.parse(
    readFileSync(
      new URL(`../../reference-data/${kind}/${financialYearFileStem(fy)}.json`, import.meta.url),
      'utf8',
    ),
  );

const YEARS = [2019, 2020];
const catalogue = catalogueOf(YEARS.map((fy) => parseCatalogue(fy, read('catalogue', fy))));

describe('reference data files', () => {
  it.each(YEARS)('the %i targets parse against their catalogue', (fy) => {
    expect(parseTargets(fy, read('targets', fy), catalogue).targets.length).toBeGreaterThan(0);
  });

  it('the 2019/20 catalogue has the MoU offer and every structured interaction', () => {
    for (const code of [
      'leadership-academy',
      'be-a-councillor',
      'next-generation',
      'leadership-essentials',
      'top-team-development',
      'ignite',
      'springboard',
      'ngdp',
      'workforce-support',
      'financial-health-check',
      'design-in-the-public-sector',
      'behavioural-insights',
      'housing-adviser',
      'devolution-support',
      'cohesion-support',
      'fire-reform',
      'community-engagement',
      'political-leadership-support',
      'bespoke-package',
      'self-assessment-tool',
      'annual-conversation',
      'change-of-control',
      'mentoring',
      'productivity-expert',
    ]) {
      expect(catalogue.hasOffer(2019, code)).toBe(true);
    }
    for (const kind of PEER_CHALLENGE_KINDS) {
      expect(catalogue.hasOffer(2019, `peer-challenge-${kind.replaceAll('_', '-')}`)).toBe(true);
    }
  });

  it('2020/21 continues every structured interaction', () => {
    const interactions = (fy: number) =>
      catalogue
        .year(fy)
        ?.offers.filter((offer) => offer.interaction !== null)
        .map((offer) => offer.code);
    expect(interactions(2020)).toEqual(interactions(2019));
  });

  it('the 2019/20 targets cover every Annex A1 target of the domain summary, in its unit', () => {
    const targets = parseTargets(2019, read('targets', 2019), catalogue);
    const expected: Record<string, [string, number]> = {
      '8.1': ['engagements', 110],
      '8.1a': ['engagements', 70],
      '8.2': ['councils_vs_baseline', 50],
      '9.1': ['percent_of_eligible', 75],
      '9.2': ['distinct_councils', 12],
      '9.3': ['distinct_councils', 60],
      '9.4': ['distinct_councils', 20],
      '6.1': ['distinct_councils', 25],
      '6.1b': ['pounds', 25_000_000],
      '6.3': ['distinct_councils', 40],
      '7.1': ['distinct_councils', 10],
      '7.2': ['distinct_councils', 8],
      '2.1': ['distinct_councils', 15],
      '3.2': ['distinct_councils', 51],
      '1.1': ['participants', 700],
      '2.2': ['participants', 60],
      'annual-conversation': ['percent_of_eligible', 100],
    };
    for (const [code, [unit, threshold]] of Object.entries(expected)) {
      expect([code, findTarget(targets, code)?.unit, findTarget(targets, code)?.threshold]).toEqual(
        [code, unit, threshold],
      );
    }
    expect(findTarget(targets, '8.1')?.counts.offers).toHaveLength(PEER_CHALLENGE_KINDS.length);
    expect(findTarget(targets, '8.1a')?.counts.offers).toEqual([
      'peer-challenge-corporate',
      'peer-challenge-finance',
    ]);
    expect(allTargets(targets).length).toBeGreaterThanOrEqual(Object.keys(expected).length);
  });
});
