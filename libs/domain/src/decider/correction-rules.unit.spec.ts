import { describe, it, expect } from '@jest/globals';
import { DomainError } from '../errors.js';
import { EVENT_TYPES } from '../events/events.js';
import { CORRECTABLE_FIELDS, correctableFieldsOf } from './correction-rules.js';

const rules = EVENT_TYPES.flatMap((type) =>
  Object.entries(CORRECTABLE_FIELDS[type]).map(([field, rule]) => [type, field, rule] as const),
);

const IDENTITY = [
  'gss',
  'conversationId',
  'peerChallengeId',
  'offerId',
  'mentoringId',
  'engagementId',
  'deliveryId',
  'signalId',
  'eventId',
  'targetType',
];

describe('correction field rules', () => {
  it.each(rules)('%s.%s refuses a value of the wrong shape', (_type, field, rule) => {
    expect(() => rule(`correction.${field}`, { wrong: true })).toThrow(DomainError);
  });

  it('lets every event but the amendments correct its date, and never its identity', () => {
    for (const type of EVENT_TYPES) {
      const fields = correctableFieldsOf(type);
      const amendment = type === 'EventCorrected' || type === 'EventRetracted';
      expect([type, fields.includes('occurredAt')]).toEqual([type, !amendment]);
      expect(fields.filter((field) => IDENTITY.includes(field))).toEqual([]);
    }
  });
});
