import type { DeadLetter } from '../read-model-store.js';

/** Dead letters in ledger order (then by projection), as an operator reads them. */
export function byPosition(a: DeadLetter, b: DeadLetter): number {
  const difference = BigInt(a.position) - BigInt(b.position);
  if (difference !== 0n) return difference < 0n ? -1 : 1;
  return a.projection < b.projection ? -1 : a.projection > b.projection ? 1 : 0;
}
