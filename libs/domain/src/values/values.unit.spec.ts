import { describe, it, expect } from '@jest/globals';
import { POLITICAL_CONTROLS, politicalControlFromSource } from './council.js';
import { councilStreamName, isEntityId, isGssCode } from './identifiers.js';
import { isIsoDate, isWithin, maxDate } from './iso-date.js';
import { isOneOf } from './one-of.js';

describe('isIsoDate', () => {
  it.each(['2019-04-01', '2020-02-29', '2000-02-29', '2019-12-31'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2019-02-29',
    '1900-02-29',
    '2019-13-01',
    '2019-00-10',
    '2019-04-31',
    '2019-4-1',
    '20190401',
    '',
    20190401,
    null,
  ])('rejects %p', (date) => {
    expect(isIsoDate(date)).toBe(false);
  });

  it('compares and bounds dates as strings', () => {
    expect(maxDate('2019-04-01', '2019-03-31')).toBe('2019-04-01');
    expect(maxDate('2019-03-31', '2019-04-01')).toBe('2019-04-01');
    expect(isWithin('2019-04-01', { from: '2019-04-01', to: '2019-04-01' })).toBe(true);
    expect(isWithin('2019-04-02', { from: '2019-04-01', to: '2019-04-01' })).toBe(false);
  });
});

describe('identifiers', () => {
  it('knows an English GSS code', () => {
    expect(isGssCode('E06000023')).toBe(true);
    expect(isGssCode('W06000023')).toBe(false);
    expect(isGssCode('E0600002')).toBe(false);
    expect(isGssCode(6000023)).toBe(false);
  });

  it('names one stream per council', () => {
    expect(councilStreamName('E06000023')).toBe('council-E06000023');
  });

  it('accepts opaque ids of 1 to 100 safe characters', () => {
    expect(isEntityId('pc-2019.01:a_b')).toBe(true);
    expect(isEntityId('x'.repeat(100))).toBe(true);
    expect(isEntityId('x'.repeat(101))).toBe(false);
    expect(isEntityId('')).toBe(false);
    expect(isEntityId('Jane Smith')).toBe(false);
  });

  it('narrows to a union member', () => {
    expect(isOneOf(POLITICAL_CONTROLS, 'Labour')).toBe(true);
    expect(isOneOf(POLITICAL_CONTROLS, 'labour')).toBe(false);
    expect(isOneOf(POLITICAL_CONTROLS, 1)).toBe(false);
  });
});

describe('politicalControlFromSource', () => {
  it('keeps the labels of the union, including Other and No overall control', () => {
    for (const control of POLITICAL_CONTROLS)
      expect(politicalControlFromSource(control)).toBe(control);
  });

  it('keeps Reform UK, a majority party since 2025, as a control of its own', () => {
    expect(politicalControlFromSource('Reform UK')).toBe('Reform UK');
  });

  it('records a majority party outside the union as Other', () => {
    expect(politicalControlFromSource('Residents Association')).toBe('Other');
  });

  it('has no control for a blank value', () => {
    expect(politicalControlFromSource('  ')).toBeNull();
  });
});
