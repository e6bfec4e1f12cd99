import { type DateRange, financialYearBounds, type IsoDate } from '#domain';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC), for date arithmetic without a clock or time zone. */
export function dayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    DAY_MS
  );
}

/** The same day `years` earlier; 29 February becomes 28 February. */
export function yearsBefore(date: IsoDate, years: number): IsoDate {
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}-${monthDay}`;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The part of a range up to and including `asOf` (empty when `to` < `from`). */
export function upTo(range: DateRange, asOf: IsoDate): DateRange {
  return { from: range.from, to: minDate(range.to, asOf) };
}

/** The share of a range's days that have passed on `asOf` (inclusive), between 0 and 1. */
export function elapsedFraction(range: DateRange, asOf: IsoDate): number {
  const total = dayNumber(range.to) - dayNumber(range.from) + 1;
  const elapsed = dayNumber(minDate(asOf, range.to)) - dayNumber(range.from) + 1;
  return Math.min(1, Math.max(0, elapsed / total));
}

/** From the start of `fy` to the end of the year `years` later: a multi-year target window. */
export function windowOfYears(fy: number, years: number): DateRange {
  return { from: financialYearBounds(fy).from, to: financialYearBounds(fy + years - 1).to };
}
