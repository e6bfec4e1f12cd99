import type { IsoDate } from '#domain';
import {
  type Records,
  recordOf,
  sortedEntries,
  updateRecord,
  withoutRecord,
  withRecord,
} from './records.js';

/** One lifecycle step: the event that made it (so it can be corrected or retracted), its status and date. */
export interface Step<S extends string = string> {
  readonly e: string;
  readonly s: S;
  readonly on: IsoDate;
}

/** An engagement as a list of steps; its status is its latest step's. */
export interface Stepped<S extends string = string> {
  readonly st: readonly Step<S>[];
}

export function statusOf<S extends string>(engagement: Stepped<S>): S | undefined {
  return engagement.st[engagement.st.length - 1]?.s;
}

/** The date of the latest step with that status, if the engagement went through it. */
export function dateOf<S extends string>(engagement: Stepped<S>, status: S): IsoDate | null {
  for (let i = engagement.st.length - 1; i >= 0; i -= 1) {
    const step = engagement.st[i];
    if (step?.s === status) return step.on;
  }
  return null;
}

export function withStep<T extends Stepped>(
  records: Records<T>,
  id: string,
  step: Step,
): Records<T> {
  return updateRecord(records, id, (engagement) => ({
    ...engagement,
    st: [...engagement.st, step],
  }));
}

/** The id of the engagement one of whose steps is this event (amendments name events, not engagements). */
export function engagementOfEvent<T extends Stepped>(
  records: Records<T>,
  eventId: string,
): string | undefined {
  // Sorted, so that even a malformed stream naming one event twice resolves the same way.
  return sortedEntries(records).find(([, record]) =>
    record.st.some((step) => step.e === eventId),
  )?.[0];
}

/**
 * Removes a retracted step; the engagement steps back to its previous status, or disappears
 * when no step is left (it never happened).
 */
export function withoutStep<T extends Stepped>(records: Records<T>, eventId: string): Records<T> {
  const id = engagementOfEvent(records, eventId);
  const engagement = id === undefined ? undefined : recordOf(records, id);
  if (id === undefined || engagement === undefined) return records;
  const st = engagement.st.filter((step) => step.e !== eventId);
  return st.length === 0
    ? withoutRecord(records, id)
    : withRecord(records, id, { ...engagement, st });
}

/** A corrected date of one step; the decider keeps steps in order, so no re-sorting is needed. */
export function redateStep<T extends Stepped>(
  records: Records<T>,
  eventId: string,
  on: IsoDate,
): Records<T> {
  const id = engagementOfEvent(records, eventId);
  if (id === undefined) return records;
  return updateRecord(records, id, (engagement) => ({
    ...engagement,
    st: engagement.st.map((step) => (step.e === eventId ? { ...step, on } : step)),
  }));
}
