import type { CouncilSummaryDoc } from '../council-summary/council-summary.projection.js';
import type { Groups, TakeUpDimension } from './take-up-groups.js';
import type { TakeUpDoc } from './take-up.projection.js';
import type { TakeUpParams } from './take-up.types.js';

type TakeUpPart = Pick<TakeUpDoc, 'control' | 'membership' | 'cells'>;

/** Distinct queries remembered per council; a dashboard asks a handful over and over. */
const QUERIES_PER_COUNCIL = 32;

/**
 * One council's rows for one query, kept while its two documents stay the same
 * objects. Documents are immutable and replaced when an event changes them, so
 * a take-up query over every council recomputes only the councils written to
 * since it last ran and merges the rest: the answer is the same, the cost is
 * the changes, not the ledger.
 */
const contributions = new WeakMap<CouncilSummaryDoc, WeakMap<TakeUpPart, Map<string, Groups>>>();

/** Everything but the council documents that a council's rows depend on. */
export function contributionKey(
  params: TakeUpParams,
  dimensions: readonly TakeUpDimension[],
  offers: readonly string[],
): string {
  const { fy, quarter, offer, control, membership } = params;
  return JSON.stringify([fy, quarter, offer, control, membership, dimensions, offers]);
}

export function councilContribution(
  summary: CouncilSummaryDoc,
  takeUp: TakeUpPart,
  key: string,
  compute: () => Groups,
): Groups {
  let byTakeUp = contributions.get(summary);
  if (byTakeUp === undefined) contributions.set(summary, (byTakeUp = new WeakMap()));
  let byQuery = byTakeUp.get(takeUp);
  if (byQuery === undefined) byTakeUp.set(takeUp, (byQuery = new Map()));
  let rows = byQuery.get(key);
  if (rows === undefined) {
    rows = compute();
    if (byQuery.size >= QUERIES_PER_COUNCIL) {
      const oldest = byQuery.keys().next();
      if (oldest.done !== true) byQuery.delete(oldest.value);
    }
    byQuery.set(key, rows);
  }
  return rows;
}
