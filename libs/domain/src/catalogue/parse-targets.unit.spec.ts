import { describe, it, expect } from '@jest/globals';
import { InvalidReferenceData } from '../errors.js';
import { catalogueOf } from './catalogue.js';
import { parseCatalogue } from './parse-catalogue.js';
import { parseTargets } from './parse-targets.js';

const catalogue = catalogueOf([
  parseCatalogue(2019, {
    financialYear: '2019/20',
    source: 'test',
    offers: [
      {
        code: 'next-generation',
        name: 'NG',
        theme: 'leadership_and_capacity',
        objectives: [2],
        unit: 'participants',
      },
      {
        code: 'be-a-councillor',
        name: 'BaC',
        theme: 'leadership_and_capacity',
        objectives: [2],
        unit: 'engagements',
      },
      {
        code: 'change-of-control',
        name: 'CoC',
        theme: 'peer_challenge_and_support',
        objectives: [9],
        unit: 'engagements',
        interaction: 'ChangeOfControlSupportDelivered',
      },
      {
        code: 'peer-challenge-corporate',
        name: 'CPC',
        theme: 'peer_challenge_and_support',
        objectives: [8],
        unit: 'engagements',
        interaction: 'PeerChallengeDelivered',
        peerChallengeKind: 'corporate',
      },
    ],
  }),
]);

type Json = Record<string, unknown>;
const target = (extra: Json = {}): Json => ({
  code: '2.1',
  description: 'Be a Councillor: 15 councils',
  objective: 2,
  unit: 'distinct_councils',
  threshold: 15,
  counts: { offers: ['be-a-councillor'] },
  ...extra,
});
const file = (...targets: Json[]) => ({ financialYear: '2019/20', source: 'MoU', targets });
const good = () =>
  file(
    target(),
    target({
      code: '2.2',
      unit: 'participants',
      threshold: 60,
      counts: { offers: ['next-generation'] },
    }),
    target({
      code: '9.1',
      unit: 'percent_of_eligible',
      threshold: 75,
      counts: { offers: ['change-of-control'] },
      eligible: 'councils_with_change_of_control',
      subTargets: [
        target({
          code: '9.1a',
          unit: 'engagements',
          threshold: 10,
          counts: { offers: ['change-of-control'] },
        }),
      ],
    }),
    target({
      code: '8.2',
      unit: 'councils_vs_baseline',
      threshold: 50,
      counts: { offers: ['peer-challenge-corporate'] },
      baseline: {
        measure: 'councils_without_corporate_peer_challenge_since',
        since: '2013-01-01',
        asOf: '2019-04-01',
      },
    }),
    target({
      code: '6.1b',
      unit: 'pounds',
      threshold: 25_000_000,
      counts: { events: ['SavingsReported'] },
      windowYears: 4,
    }),
  );

function failure(json: unknown, fy = 2019): InvalidReferenceData {
  try {
    parseTargets(fy, json, catalogue);
  } catch (error) {
    if (error instanceof InvalidReferenceData) return error;
    throw error;
  }
  throw new Error('expected the targets to be refused');
}

describe('parseTargets', () => {
  it('given a good file, returns the targets with defaults filled in', () => {
    const set = parseTargets(2019, good(), catalogue);
    expect(set.financialYear).toBe(2019);
    expect(set.targets.map((t) => t.code)).toEqual(['2.1', '2.2', '9.1', '8.2', '6.1b']);
    expect(set.targets[0]).toEqual({
      code: '2.1',
      description: 'Be a Councillor: 15 councils',
      objective: 2,
      unit: 'distinct_councils',
      threshold: 15,
      counts: { offers: ['be-a-councillor'], events: [] },
      eligible: null,
      baseline: null,
      windowYears: null,
      subTargets: [],
    });
    expect(set.targets[2]?.subTargets[0]?.code).toBe('9.1a');
    expect(set.targets[3]?.baseline?.since).toBe('2013-01-01');
    expect(set.targets[4]?.windowYears).toBe(4);
  });

  it('given a year with no catalogue, names financialYear', () => {
    expect(failure({ ...good(), financialYear: '2020/21' }, 2020).field).toBe('financialYear');
  });

  it.each([
    ['(root)', [], 'must be an object'],
    ['financialYear', { ...good(), financialYear: '2019/2020' }, 'must be "2019/20"'],
    ['targets', { ...good(), targets: [] }, 'must not be empty'],
    ['targets[0].code', file(target({ code: 'Eight' })), 'must match'],
    ['targets[0].objective', file(target({ objective: 0 })), 'whole number'],
    ['targets[0].unit', file(target({ unit: 'councils' })), 'must be one of'],
    ['targets[0].threshold', file(target({ threshold: -1 })), 'number from 0'],
    ['targets[0].counts', file(target({ counts: {} })), 'must name offers or events'],
    [
      'targets[0].counts.offers[0]',
      file(target({ counts: { offers: ['ignite'] } })),
      'not in the year',
    ],
    [
      'targets[0].counts.events[0]',
      file(target({ counts: { events: ['PeerChallengeDone'] } })),
      'must be one of',
    ],
    [
      'targets[0].counts.offers[1]',
      file(target({ counts: { offers: ['be-a-councillor', 'be-a-councillor'] } })),
      'repeated',
    ],
    [
      'targets[0].threshold',
      file(target({ unit: 'percent_of_eligible', threshold: 101, eligible: 'all_councils' })),
      'percentage',
    ],
    [
      'targets[0].eligible',
      file(target({ unit: 'percent_of_eligible', threshold: 75 })),
      'exactly when',
    ],
    ['targets[0].eligible', file(target({ eligible: 'all_councils' })), 'exactly when'],
    [
      'targets[0].eligible',
      file(target({ unit: 'percent_of_eligible', eligible: 'some' })),
      'must be one of',
    ],
    [
      'targets[0].baseline',
      file(target({ unit: 'councils_vs_baseline', threshold: 50 })),
      'exactly when',
    ],
    [
      'targets[0].baseline.since',
      file(
        target({
          unit: 'councils_vs_baseline',
          baseline: {
            measure: 'councils_without_corporate_peer_challenge_since',
            since: '2013',
            asOf: '2019-04-01',
          },
        }),
      ),
      'YYYY-MM-DD',
    ],
    [
      'targets[0].windowYears',
      file(target({ unit: 'pounds', counts: { events: ['SavingsReported'] } })),
      'exactly when',
    ],
    [
      'targets[0].counts',
      file(target({ unit: 'pounds', windowYears: 4 })),
      'SavingsReported events only',
    ],
    [
      'targets[0].counts.offers[0]',
      file(target({ unit: 'participants' })),
      'does not count participants',
    ],
    [
      'targets[0].counts.events',
      file(
        target({
          unit: 'participants',
          counts: { offers: ['next-generation'], events: ['OfferDelivered'] },
        }),
      ),
      'participants come from offers',
    ],
    [
      'targets[0].subTargets[0].subTargets',
      file(target({ subTargets: [target({ code: '2.1a', subTargets: [] })] })),
      'cannot nest',
    ],
    ['targets[0].scope', file(target({ scope: 'all' })), 'not a known field'],
    ['targets[1]', file(target(), target()), '2.1 is repeated'],
  ])('names the bad field %s', (field, json, problem) => {
    const error = failure(json);
    expect(error.field).toBe(field);
    expect(error.file).toBe('targets/2019-20.json');
    expect(error.message).toContain(problem);
  });
});
