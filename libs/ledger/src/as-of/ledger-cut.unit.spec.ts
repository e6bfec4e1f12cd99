import { describe, expect, it } from '@jest/globals';
import { endOfLondonDay, knownAtDate, knownAtLimit, parseLedgerCut } from './ledger-cut.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('ledger cuts', () => {
  it('reads digits as a position, a date or zoned instant as a known-at, anything else not', () => {
    expect(parseLedgerCut('0')).toEqual({ position: 0n });
    expect(parseLedgerCut('12345678901234567')).toEqual({ position: 12345678901234567n });
    expect(parseLedgerCut('2019-08-15')).toEqual({ knownAt: '2019-08-15' });
    expect(parseLedgerCut('2019-08-15T17:00:00.5+01:00')).toEqual({
      knownAt: '2019-08-15T17:00:00.5+01:00',
    });
    for (const bad of ['012', '-1', '2019-02-30', '2019-08-15T17:00', '2019-08-15T24:00Z', 'x']) {
      expect(() => parseLedgerCut(bad)).toThrow(RangeError);
    }
  });

  it('ends a date at midnight London time, in summer time and in winter', () => {
    expect(iso(endOfLondonDay('2019-08-15'))).toBe('2019-08-15T22:59:59.999Z');
    expect(iso(endOfLondonDay('2019-12-31'))).toBe('2019-12-31T23:59:59.999Z');
    // The days the clocks change: 23 and 25 hours long.
    expect(iso(endOfLondonDay('2019-03-31'))).toBe('2019-03-31T22:59:59.999Z');
    expect(iso(endOfLondonDay('2019-10-27'))).toBe('2019-10-27T23:59:59.999Z');
    expect(iso(endOfLondonDay('2019-03-30'))).toBe('2019-03-30T23:59:59.999Z');
  });

  it('takes an instant as it is, and its London date as the day it falls on', () => {
    expect(iso(knownAtLimit('2019-08-15T23:30:00Z'))).toBe('2019-08-15T23:30:00.000Z');
    expect(knownAtDate('2019-08-15T23:30:00Z')).toBe('2019-08-16');
    expect(knownAtDate('2019-08-15')).toBe('2019-08-15');
  });
});
