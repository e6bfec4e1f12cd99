import { describe, it, expect } from '@jest/globals';
import {
  financialYearBounds,
  financialYearFileStem,
  financialYearLabel,
  financialYearOf,
  fiscalQuarterOf,
  parseFinancialYearLabel,
  quarterBounds,
  yearToDateBounds,
} from './fiscal-calendar.js';

describe('financial year', () => {
  it.each([
    ['2019-03-31', 2018],
    ['2019-04-01', 2019],
    ['2019-12-31', 2019],
    ['2020-01-01', 2019],
    ['2020-03-31', 2019],
    ['2020-04-01', 2020],
  ])('%s falls in the year starting %i', (date, fy) => {
    expect(financialYearOf(date)).toBe(fy);
  });

  it('labels a year as the reports do', () => {
    expect(financialYearLabel(2019)).toBe('2019/20');
    expect(financialYearLabel(1999)).toBe('1999/00');
    expect(financialYearFileStem(2020)).toBe('2020-21');
  });

  it('parses a label only when its halves follow on', () => {
    expect(parseFinancialYearLabel('2019/20')).toBe(2019);
    expect(parseFinancialYearLabel('2019/21')).toBeNull();
    expect(parseFinancialYearLabel('2019-20')).toBeNull();
  });

  it('runs from 1 April to 31 March', () => {
    expect(financialYearBounds(2019)).toEqual({ from: '2019-04-01', to: '2020-03-31' });
  });
});

describe('fiscal quarters', () => {
  it.each([
    ['2019-04-01', 1],
    ['2019-06-30', 1],
    ['2019-07-01', 2],
    ['2019-09-30', 2],
    ['2019-10-01', 3],
    ['2019-12-31', 3],
    ['2020-01-01', 4],
    ['2020-03-31', 4],
  ])('%s is in Q%i', (date, quarter) => {
    expect(fiscalQuarterOf(date)).toBe(quarter);
  });

  it('bounds each quarter of a year, Q4 in the next calendar year', () => {
    expect(quarterBounds(2019, 1)).toEqual({ from: '2019-04-01', to: '2019-06-30' });
    expect(quarterBounds(2019, 2)).toEqual({ from: '2019-07-01', to: '2019-09-30' });
    expect(quarterBounds(2019, 3)).toEqual({ from: '2019-10-01', to: '2019-12-31' });
    expect(quarterBounds(2019, 4)).toEqual({ from: '2020-01-01', to: '2020-03-31' });
  });

  it('bounds the year to date at the end of a quarter', () => {
    expect(yearToDateBounds(2019, 2)).toEqual({ from: '2019-04-01', to: '2019-09-30' });
  });

  it('refuses a quarter outside 1-4 (a cast can smuggle one in)', () => {
    expect(() => quarterBounds(2019, 5 as 1)).toThrow('unknown quarter 5');
  });
});
