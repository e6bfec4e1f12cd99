/**
 * A calendar date as 'YYYY-MM-DD'. Kept a plain string (not a branded type) so that
 * events read back as JSON are usable as they are; ISO dates compare correctly as strings.
 */
export type IsoDate = string;

/** No record of sector support predates this; anything earlier is a typo. */
export const EARLIEST_DATE: IsoDate = '2000-01-01';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2019-02-29, 2019-13-01). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** An inclusive range of dates. */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export function isWithin(date: IsoDate, range: DateRange): boolean {
  return date >= range.from && date <= range.to;
}
