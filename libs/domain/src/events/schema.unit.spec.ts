import { describe, it, expect } from '@jest/globals';
import { UnknownEventType, UnsupportedSchemaVersion } from '../errors.js';
import { EVENT_TYPES, isCouncilEventType, occurredAtOf } from './events.js';
import { EVENT_SCHEMA_VERSION, upcast } from './schema.js';
import { COMMAND_TYPES } from '../commands/commands.js';

describe('event schema versions', () => {
  it('lists every event type once, each at version 1', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(Object.keys(EVENT_SCHEMA_VERSION).sort()).toEqual([...EVENT_TYPES].sort());
    expect(Object.values(EVENT_SCHEMA_VERSION).every((version) => version === 1)).toBe(true);
    expect(new Set(COMMAND_TYPES).size).toBe(COMMAND_TYPES.length);
  });

  it('recognises event types', () => {
    expect(isCouncilEventType('PeerChallengeDelivered')).toBe(true);
    expect(isCouncilEventType('PeerChallengeDone')).toBe(false);
    expect(isCouncilEventType(7)).toBe(false);
  });
});

describe('upcast', () => {
  const data = { gss: 'E06000023', occurredAt: '2019-06-03', control: 'Labour' };

  it('given version 1 data, returns the event as it is', () => {
    const event = upcast('PoliticalControlChanged', 1, data);
    expect(event).toEqual({ type: 'PoliticalControlChanged', data });
    expect(occurredAtOf(event)).toBe('2019-06-03');
  });

  it('given an unknown type, throws UnknownEventType', () => {
    expect(() => upcast('CouncilMerged', 1, data)).toThrow(UnknownEventType);
  });

  it.each([0, 2, 1.5])('given schema version %p, throws UnsupportedSchemaVersion', (version) => {
    expect(() => upcast('PoliticalControlChanged', version, data)).toThrow(
      UnsupportedSchemaVersion,
    );
  });

  it.each([null, 'x', [1]])('given data %p that is not an object, refuses it', (bad) => {
    expect(() => upcast('PoliticalControlChanged', 1, bad)).toThrow(UnsupportedSchemaVersion);
  });
});
