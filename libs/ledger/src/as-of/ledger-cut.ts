import { type IsoDate, isIsoDate } from '#domain';
import { londonDate } from '../shared/clock.js';

/**
 * Where to cut the ledger: at a position (every event at or before it), or "as known at" an
 * instant or a date (what the ledger had recorded by then). Neither means the current head.
 */
export interface LedgerCut {
  readonly position?: bigint;
  /** An ISO instant with a zone, or a date meaning the end of that day in London. */
  readonly knownAt?: string;
}

const POSITION = /^(0|[1-9][0-9]{0,18})$/;
// A zone is required: a recorded-at cut without one would depend on the server's zone.
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export const LEDGER_CUT_DESCRIPTION =
  'a ledger position (digits), a date YYYY-MM-DD (as recorded by the end of that day, London time) ' +
  'or an instant with a zone such as 2019-08-15T17:00:00Z';

export function isPositionText(text: unknown): text is string {
  return typeof text === 'string' && POSITION.test(text);
}

/** A date, or an instant with a zone, whose calendar date is real. */
export function isKnownAtText(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  if (isIsoDate(text)) return true;
  const match = INSTANT.exec(text);
  return match !== null && isIsoDate(match[1]) && !Number.isNaN(Date.parse(text));
}

export function isLedgerCutText(text: unknown): text is string {
  return isPositionText(text) || isKnownAtText(text);
}

/** `asOf` as the API and the CLI take it: digits are a position, anything else a known-at. */
export function parseLedgerCut(text: string): LedgerCut {
  if (isPositionText(text)) return { position: BigInt(text) };
  if (isKnownAtText(text)) return { knownAt: text };
  throw new RangeError(`not a ledger position, date or instant: ${JSON.stringify(text)}`);
}

const DAY_MS = 86_400_000;

/**
 * The last millisecond of a date in London. recordedAt has millisecond precision, so
 * "recorded at or before this" is exactly "recorded on that London day or earlier".
 * London midnight is 00:00 or 23:00 UTC (clocks change at 01:00 UTC, never at midnight).
 */
export function endOfLondonDay(date: IsoDate): number {
  const nextUtcMidnight = Date.parse(`${date}T00:00:00Z`) + DAY_MS;
  const next = londonDate(new Date(nextUtcMidnight));
  for (const offsetHours of [1, 0]) {
    const start = nextUtcMidnight - offsetHours * 3_600_000;
    if (londonDate(new Date(start)) === next && londonDate(new Date(start - 1)) === date) {
      return start - 1;
    }
  }
  throw new RangeError(`cannot find the end of ${date} in London`);
}

/** The last instant (epoch milliseconds) a known-at cut includes. */
export function knownAtLimit(knownAt: string): number {
  if (isIsoDate(knownAt)) return endOfLondonDay(knownAt);
  if (!isKnownAtText(knownAt)) throw new RangeError(`not a date or instant: ${knownAt}`);
  return Date.parse(knownAt);
}

/** The London date of a known-at cut: the natural "as at" date of a view cut there. */
export function knownAtDate(knownAt: string): IsoDate {
  return isIsoDate(knownAt) ? knownAt : londonDate(new Date(knownAtLimit(knownAt)));
}
