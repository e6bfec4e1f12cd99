import { describe, it, expect } from '@jest/globals';
import { DuplicateEngagementId, InvalidCommand, OfferNotInCatalogue } from '../errors.js';
import { command, event, givenCouncil, when } from './test-fixtures.js';

describe('RecordAnnualConversation', () => {
  const record = (extra: object = {}) =>
    command('RecordAnnualConversation', {
      conversationId: 'ac-2019',
      adviserId: 'adviser-7',
      topics: ['finance', 'housing'],
      supportAgreed: ['finance peer review'],
      ...extra,
    });

  it('given a new conversation id, records the conversation', () => {
    expect(when(givenCouncil(), record())).toEqual([
      event('AnnualConversationHeld', {
        conversationId: 'ac-2019',
        adviserId: 'adviser-7',
        topics: ['finance', 'housing'],
        supportAgreed: ['finance peer review'],
      }),
    ]);
  });

  it('given an id already used by any engagement, throws DuplicateEngagementId', () => {
    const state = givenCouncil(
      event('MentoringStarted', {
        mentoringId: 'ac-2019',
        menteeId: 'm',
        menteeRole: 'leader',
        peerType: 'member_peer',
      }),
    );
    expect(() => when(state, record())).toThrow(DuplicateEngagementId);
  });

  it.each([
    ['conversationId', { conversationId: 'has space' }],
    ['adviserId', { adviserId: '' }],
    ['topics', { topics: 'finance' }],
    ['topics[1]', { topics: ['finance', ''] }],
    ['supportAgreed', { supportAgreed: Array.from({ length: 51 }, () => 'x') }],
  ])('given a bad %s, throws InvalidCommand', (field, extra) => {
    expect(() => when(givenCouncil(), record(extra))).toThrow(expect.objectContaining({ field }));
  });
});

describe('RecordOfferDelivered', () => {
  const deliver = (offerCode: string, occurredAt = '2019-06-03', participants = 3) =>
    command('RecordOfferDelivered', { deliveryId: 'd1', offerCode, participants, occurredAt });

  it("given an offer in the catalogue of the delivery's year, records it", () => {
    expect(when(givenCouncil(), deliver('ignite'))).toEqual([
      event('OfferDelivered', { deliveryId: 'd1', offerCode: 'ignite', participants: 3 }),
    ]);
  });

  it("given an offer not in that year's catalogue, throws OfferNotInCatalogue", () => {
    expect(() => when(givenCouncil(), deliver('ignite', '2020-04-01'))).toThrow(
      OfferNotInCatalogue,
    );
    expect(() => when(givenCouncil(), deliver('no-such-offer'))).toThrow(OfferNotInCatalogue);
  });

  it('checks a back-dated delivery against its own year', () => {
    expect(when(givenCouncil(), deliver('ignite', '2020-03-31'))).toHaveLength(1);
  });

  it('given a year with no catalogue, throws OfferNotInCatalogue', () => {
    expect(() => when(givenCouncil(), deliver('ignite', '2018-06-01'))).toThrow(
      'not in the 2018/19 catalogue',
    );
  });

  it('given a structured interaction, throws InvalidCommand: it has its own command', () => {
    expect(() => when(givenCouncil(), deliver('mentoring'))).toThrow(InvalidCommand);
  });

  it.each([-1, 100_001, 2.5])('given %p participants, throws InvalidCommand', (participants) => {
    expect(() => when(givenCouncil(), deliver('ignite', '2019-06-03', participants))).toThrow(
      expect.objectContaining({ field: 'participants' }),
    );
  });

  it('given a reused delivery id, throws DuplicateEngagementId', () => {
    const state = givenCouncil(...when(givenCouncil(), deliver('ignite')));
    expect(() => when(state, deliver('next-generation'))).toThrow(DuplicateEngagementId);
  });

  it('given an id that is an Object.prototype member, still treats it as new', () => {
    const cmd = command('RecordOfferDelivered', {
      deliveryId: 'constructor',
      offerCode: 'ignite',
      participants: 1,
    });
    expect(when(givenCouncil(), cmd)).toHaveLength(1);
  });
});
