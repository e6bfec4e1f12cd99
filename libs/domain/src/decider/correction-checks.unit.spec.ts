import { describe, it, expect } from '@jest/globals';
import {
  DateBeforeCouncilExisted,
  DateInFuture,
  DateOutOfRange,
  InvalidCommand,
  LastDayBeforeRecordedActivity,
  OfferNotInCatalogue,
} from '../errors.js';
import { command, event, given, givenCouncil, registration, when } from './test-fixtures.js';

const correct = (eventId: string, correction: unknown, occurredAt = '2020-06-01') =>
  command('CorrectEvent', {
    eventId,
    reason: 'typo',
    correction: correction as Record<string, unknown>,
    occurredAt,
  });
const control = event('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Labour' });

describe('CorrectEvent: dates and cross-field rules', () => {
  describe('corrected dates', () => {
    it('given a date after today, throws DateInFuture', () => {
      expect(() =>
        when(givenCouncil(control), correct('e2', { occurredAt: '2020-07-01' })),
      ).toThrow(DateInFuture);
    });

    it('given a date before the council existed, throws DateBeforeCouncilExisted', () => {
      const state = given(
        registration({ validFrom: '2019-04-01', occurredAt: '2019-04-01' }),
        control,
      );
      expect(() => when(state, correct('e2', { occurredAt: '2019-03-01' }))).toThrow(
        DateBeforeCouncilExisted,
      );
      expect(when(state, correct('e1', { occurredAt: '2019-03-01' }))).toHaveLength(1);
    });

    it('given a step moved before the previous or after the next step, throws DateOutOfRange', () => {
      const state = givenCouncil(
        event('MentoringStarted', {
          occurredAt: '2019-06-01',
          mentoringId: 'm1',
          menteeId: 'p',
          menteeRole: 'leader',
          peerType: 'member_peer',
        }),
        event('MentoringCompleted', { occurredAt: '2019-12-01', mentoringId: 'm1' }),
      );
      expect(() => when(state, correct('e3', { occurredAt: '2019-05-01' }))).toThrow(
        DateOutOfRange,
      );
      expect(() => when(state, correct('e2', { occurredAt: '2019-12-02' }))).toThrow(
        DateOutOfRange,
      );
      expect(when(state, correct('e2', { occurredAt: '2019-12-01' }))).toHaveLength(1);
    });

    it('given savings moved before their engagement, throws DateOutOfRange', () => {
      const state = givenCouncil(
        event('ProductivityExpertEngaged', {
          occurredAt: '2019-06-01',
          engagementId: 'p1',
          expertId: 'x',
          focus: 'productivity',
        }),
        event('SavingsReported', {
          occurredAt: '2019-09-01',
          engagementId: 'p1',
          amountPounds: 10,
          kind: 'saving',
          periodFrom: '2019-04-01',
          periodTo: '2019-08-31',
        }),
      );
      expect(() => when(state, correct('e3', { occurredAt: '2019-05-31' }))).toThrow(
        DateOutOfRange,
      );
    });
  });

  describe('cross-field rules', () => {
    it('keeps register dates in order', () => {
      const state = given(registration({ validTo: '2020-03-31' }));
      expect(() => when(state, correct('e1', { validFrom: '2020-04-01' }))).toThrow(DateOutOfRange);
      expect(when(state, correct('e1', { region: 'London', validFrom: null }))).toHaveLength(1);
    });

    it('keeps an abolition consistent', () => {
      const state = givenCouncil(
        control,
        event('CouncilAbolished', {
          occurredAt: '2020-03-31',
          lastDay: '2020-03-31',
          successors: [],
        }),
      );
      expect(() => when(state, correct('e3', { successors: ['E06000023'] }))).toThrow(
        InvalidCommand,
      );
      expect(() => when(state, correct('e3', { successors: ['x'] }))).toThrow(InvalidCommand);
      expect(() => when(state, correct('e3', { lastDay: '2019-05-01' }))).toThrow(
        LastDayBeforeRecordedActivity,
      );
      const later = given(
        registration({ validFrom: '2019-04-01', occurredAt: '2019-04-01' }),
        event('CouncilAbolished', {
          occurredAt: '2020-03-31',
          lastDay: '2020-03-31',
          successors: [],
        }),
      );
      expect(() => when(later, correct('e2', { lastDay: '2019-03-01' }))).toThrow(DateOutOfRange);
      expect(
        when(later, correct('e2', { lastDay: '2020-03-30', successors: ['E06000060'] })),
      ).toHaveLength(1);
    });

    it('corrects the kind on both the request and the delivery of a challenge', () => {
      const state = givenCouncil(
        event('PeerChallengeRequested', {
          occurredAt: '2019-05-01',
          peerChallengeId: 'pc1',
          kind: 'corporate',
        }),
        event('PeerChallengeDelivered', {
          occurredAt: '2019-09-12',
          peerChallengeId: 'pc1',
          onSiteFrom: '2019-09-09',
          onSiteTo: '2019-09-12',
          peers: 5,
          kind: 'corporate',
        }),
      );
      const events = when(state, correct('e2', { kind: 'finance', occurredAt: '2019-05-02' }));
      expect(events.map((e) => [e.data, e.type])).toEqual([
        [
          expect.objectContaining({
            eventId: 'e2',
            targetType: 'PeerChallengeRequested',
            correction: { kind: 'finance', occurredAt: '2019-05-02' },
          }),
          'EventCorrected',
        ],
        [
          expect.objectContaining({
            eventId: 'e3',
            targetType: 'PeerChallengeDelivered',
            correction: { kind: 'finance' },
          }),
          'EventCorrected',
        ],
      ]);
      expect(when(state, correct('e3', { peers: 6 }))).toHaveLength(1);
    });

    it('requires the service to follow the kind', () => {
      const state = givenCouncil(
        event('PeerChallengeRequested', {
          occurredAt: '2019-05-01',
          peerChallengeId: 'pc1',
          kind: 'service_specific',
          service: 'housing',
        }),
      );
      expect(() => when(state, correct('e2', { kind: 'corporate' }))).toThrow(
        expect.objectContaining({ field: 'correction.service' }),
      );
      expect(when(state, correct('e2', { kind: 'corporate', service: null }))).toHaveLength(1);
      expect(() => when(state, correct('e2', { service: 'Housing!' }))).toThrow(InvalidCommand);
    });

    it('keeps on-site dates in order, and a delivery in the past', () => {
      const state = givenCouncil(
        event('PeerChallengeRequested', {
          occurredAt: '2019-05-01',
          peerChallengeId: 'pc1',
          kind: 'corporate',
        }),
        event('PeerChallengeScheduled', {
          occurredAt: '2019-06-01',
          peerChallengeId: 'pc1',
          onSiteFrom: '2019-09-09',
          onSiteTo: '2019-09-12',
        }),
        event('PeerChallengeDelivered', {
          occurredAt: '2019-09-12',
          peerChallengeId: 'pc1',
          onSiteFrom: '2019-09-09',
          onSiteTo: '2019-09-12',
          peers: 5,
          kind: 'corporate',
        }),
      );
      expect(() => when(state, correct('e3', { onSiteFrom: '2019-09-13' }))).toThrow(
        DateOutOfRange,
      );
      expect(
        when(state, correct('e3', { onSiteFrom: '2019-09-10', onSiteTo: '2020-09-12' })),
      ).toHaveLength(1);
      expect(() => when(state, correct('e4', { onSiteTo: '2020-09-12' }))).toThrow(DateInFuture);
    });

    it('corrects a savings period only as a whole', () => {
      const state = givenCouncil(
        event('ProductivityExpertEngaged', {
          occurredAt: '2019-06-01',
          engagementId: 'p1',
          expertId: 'x',
          focus: 'productivity',
        }),
        event('SavingsReported', {
          occurredAt: '2019-09-01',
          engagementId: 'p1',
          amountPounds: 10,
          kind: 'saving',
          periodFrom: '2019-04-01',
          periodTo: '2019-08-31',
        }),
      );
      expect(() => when(state, correct('e3', { periodFrom: '2019-05-01' }))).toThrow(
        InvalidCommand,
      );
      expect(() =>
        when(state, correct('e3', { periodFrom: '2019-05-01', periodTo: '2019-04-30' })),
      ).toThrow(DateOutOfRange);
      expect(
        when(
          state,
          correct('e3', { periodFrom: '2019-05-01', periodTo: '2019-05-31', amountPounds: 12.5 }),
        ),
      ).toHaveLength(1);
    });

    it("keeps a delivery's offer in the catalogue of its year", () => {
      const state = givenCouncil(
        event('OfferDelivered', {
          occurredAt: '2019-06-03',
          deliveryId: 'd1',
          offerCode: 'ignite',
          participants: 2,
        }),
      );
      expect(() => when(state, correct('e2', { offerCode: 'no-such' }))).toThrow(
        OfferNotInCatalogue,
      );
      expect(() => when(state, correct('e2', { occurredAt: '2020-04-02' }))).toThrow(
        OfferNotInCatalogue,
      );
      expect(() => when(state, correct('e2', { offerCode: 'mentoring' }))).toThrow(InvalidCommand);
      expect(
        when(state, correct('e2', { offerCode: 'next-generation', occurredAt: '2020-04-02' })),
      ).toHaveLength(1);
    });
  });
});
