import type { Dated, IsoDate } from '#domain';
import type { AmendmentEvent } from './council-projection.js';
import { pick } from './records.js';

/**
 * Dated facts (control, leader, membership) are kept sorted by the date they took effect,
 * so the fact in force on a day is found the same way whatever order they were recorded
 * in. Two records of the same fact for the same day keep recording order (the later one
 * wins), as in the decider: it is the only order a timeline depends on.
 */
export function insertPeriod<T extends Dated>(history: readonly T[], period: T): readonly T[] {
  const index = history.findIndex((candidate) => candidate.from > period.from);
  return index < 0
    ? [...history, period]
    : [...history.slice(0, index), period, ...history.slice(index)];
}

/**
 * Applies a correction or retraction of one of the history's events; returns the same array
 * when the event is not in it, so callers can tell whether anything moved.
 */
export function amendPeriods<T extends Dated>(
  history: readonly T[],
  amendment: AmendmentEvent,
  fields: readonly string[],
): readonly T[] {
  const { eventId } = amendment.data;
  if (!history.some((period) => period.eventId === eventId)) return history;
  if (amendment.type === 'EventRetracted') {
    return history.filter((period) => period.eventId !== eventId);
  }
  const { correction } = amendment.data;
  const patch: Record<string, unknown> = pick(correction, fields);
  if (Object.hasOwn(correction, 'occurredAt')) patch.from = correction.occurredAt;
  // Array.prototype.sort is stable: equal dates keep their recording order.
  return history
    .map((period) => (period.eventId === eventId ? ({ ...period, ...patch } as T) : period))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * The values a timeline takes on some day of [from, to]: the one in force on `from` (or
 * `fallback` when none is yet) and every one that starts inside the range. Of two records
 * for the same day only the later is ever in force.
 */
export function valuesDuring<T extends Dated, V>(
  history: readonly T[],
  from: IsoDate,
  to: IsoDate,
  valueOf: (period: T) => V,
  fallback: V,
): Set<V> {
  let atStart: V = fallback;
  const values = new Set<V>();
  history.forEach((period, index) => {
    if (history[index + 1]?.from === period.from) return;
    if (period.from <= from) atStart = valueOf(period);
    else if (period.from <= to) values.add(valueOf(period));
  });
  values.add(atStart);
  return values;
}
