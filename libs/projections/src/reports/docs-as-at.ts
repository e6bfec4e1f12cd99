import type { Dated, IsoDate } from '#domain';
import type { CouncilDocs } from '../views/council-docs.js';
import type { CouncilSummaryDoc } from '../views/council-summary/council-summary.projection.js';
import { type Records, recordsOf, sortedEntries } from '../views/shared/records.js';
import { recomputeCells } from '../views/take-up/take-up-cells.js';
import type { TakeUpDoc } from '../views/take-up/take-up.projection.js';

function recordsUpTo<T extends { readonly on: IsoDate }>(
  records: Records<T>,
  to: IsoDate,
): Records<T> {
  return recordsOf(sortedEntries(records).filter(([, record]) => record.on <= to));
}

const periodsUpTo = <T extends Dated>(history: readonly T[], to: IsoDate): readonly T[] =>
  history.filter((period) => period.from <= to);

/**
 * A take-up document as it would read if nothing dated after `to` had happened. Take-up
 * cells are by quarter, so a report cut inside a quarter (or a year to date cut before the
 * year end) needs them rebuilt from the dated records rather than filtered. Dropping later
 * timeline entries changes nothing at or before `to`, but keeps eligibility from counting a
 * control or membership the council only took on afterwards.
 */
function takeUpUpTo(doc: TakeUpDoc, to: IsoDate): TakeUpDoc {
  const parts = {
    control: periodsUpTo(doc.control, to),
    membership: periodsUpTo(doc.membership, to),
    records: recordsUpTo(doc.records, to),
    savings: recordsUpTo(doc.savings, to),
  };
  return { ...doc, ...parts, cells: recomputeCells(parts) };
}

/**
 * The take-up inputs as at `to`: councils created later are left out (they did not exist
 * during the counted period) and deliveries after `to` are not counted. The other documents
 * need no cutting: the views over them take an as-of date themselves.
 */
export function takeUpDocsAsAt(
  docs: Pick<CouncilDocs, 'summaries' | 'takeUp'>,
  to: IsoDate,
): Pick<CouncilDocs, 'summaries' | 'takeUp'> {
  const summaries = new Map<string, CouncilSummaryDoc>();
  for (const [gss, summary] of docs.summaries) {
    const { validFrom } = summary.facts;
    if (validFrom === null || validFrom <= to) summaries.set(gss, summary);
  }
  const takeUp = new Map<string, TakeUpDoc>();
  for (const [gss, doc] of docs.takeUp) takeUp.set(gss, takeUpUpTo(doc, to));
  return { summaries, takeUp };
}
