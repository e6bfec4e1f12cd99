import { describe, it, expect } from '@jest/globals';
import { InvalidReferenceData } from '../errors.js';
import { parseCatalogue } from './parse-catalogue.js';

const good = () => ({
  financialYear: '2019/20',
  source: 'MoU 2019/20',
  offers: [
    {
      code: 'ignite',
      name: 'Ignite',
      theme: 'leadership_and_capacity',
      objectives: [1],
      unit: 'participants',
      interaction: null,
    },
    {
      code: 'peer-challenge-corporate',
      name: 'Corporate peer challenge',
      theme: 'peer_challenge_and_support',
      objectives: [8],
      unit: 'engagements',
      interaction: 'PeerChallengeDelivered',
      peerChallengeKind: 'corporate',
    },
  ] as Record<string, unknown>[],
});

function withOffer(index: number, patch: Record<string, unknown>) {
  const json = good();
  json.offers[index] = { ...json.offers[index], ...patch };
  return json;
}

function failure(json: unknown): InvalidReferenceData {
  try {
    parseCatalogue(2019, json);
  } catch (error) {
    if (error instanceof InvalidReferenceData) return error;
    throw error;
  }
  throw new Error('expected the catalogue to be refused');
}

describe('parseCatalogue', () => {
  it('given a good file, returns the year with its offers', () => {
    const year = parseCatalogue(2019, good());
    expect(year.financialYear).toBe(2019);
    expect(year.source).toBe('MoU 2019/20');
    expect(year.offers[0]).toEqual({
      code: 'ignite',
      name: 'Ignite',
      theme: 'leadership_and_capacity',
      objectives: [1],
      unit: 'participants',
      interaction: null,
      peerChallengeKind: null,
    });
    expect(year.offers[1]?.peerChallengeKind).toBe('corporate');
  });

  it('treats a missing interaction as none', () => {
    const json = good();
    delete json.offers[0]?.interaction;
    expect(parseCatalogue(2019, json).offers[0]?.interaction).toBeNull();
  });

  it.each([
    ['(root)', 'not an object', 'must be an object'],
    ['financialYear', { ...good(), financialYear: '2020/21' }, 'must be "2019/20"'],
    ['source', { ...good(), source: '' }, 'non-blank'],
    ['offers', { ...good(), offers: [] }, 'must not be empty'],
    ['offers', { ...good(), offers: {} }, 'must be a list'],
    ['extra', { ...good(), extra: 1 }, 'not a known field'],
    ['offers[0].code', withOffer(0, { code: 'Ignite Programme' }), 'must match'],
    ['offers[0].name', withOffer(0, { name: 3 }), 'non-blank'],
    ['offers[0].theme', withOffer(0, { theme: 'growth' }), 'must be one of'],
    ['offers[0].objectives', withOffer(0, { objectives: [] }), 'must not be empty'],
    ['offers[0].objectives[0]', withOffer(0, { objectives: [13] }), 'whole number from 1 to 12'],
    ['offers[0].unit', withOffer(0, { unit: 'councils' }), 'must be one of'],
    ['offers[0].interaction', withOffer(0, { interaction: 'OfferDelivered' }), 'must be one of'],
    ['offers[0].colour', withOffer(0, { colour: 'red' }), 'not a known field'],
    ['offers[1].peerChallengeKind', withOffer(1, { peerChallengeKind: null }), 'exactly when'],
    [
      'offers[0].peerChallengeKind',
      withOffer(0, { peerChallengeKind: 'corporate' }),
      'exactly when',
    ],
    ['offers[1].peerChallengeKind', withOffer(1, { peerChallengeKind: 'audit' }), 'must be one of'],
    ['offers[1]', withOffer(1, { code: 'ignite' }), 'ignite is repeated'],
  ])('names the bad field %s', (field, json, problem) => {
    const error = failure(json);
    expect(error.field).toBe(field);
    expect(error.file).toBe('catalogue/2019-20.json');
    expect(error.message).toContain(problem);
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('InvalidReferenceData');
  });

  it('refuses two offers for the same interaction', () => {
    const json = good();
    json.offers.push({ ...json.offers[1], code: 'cpc' });
    expect(failure(json).field).toBe('offers[2].interaction');
  });
});
