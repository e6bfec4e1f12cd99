import { type Records, sortedEntries } from '../shared/records.js';
import { type CellKey, type TakeUpCell, decodeCellKey } from './take-up-cells.js';

export interface DecodedCell {
  readonly at: CellKey;
  readonly cell: TakeUpCell;
}

/**
 * A council's cells with their keys decoded, in key order. Documents are immutable and
 * replaced when they change, so the decoding is kept per cells object: a take-up query
 * over every council then decodes only the councils that changed since the last one.
 */
const cache = new WeakMap<Records<TakeUpCell>, readonly DecodedCell[]>();

export function decodedCells(cells: Records<TakeUpCell>): readonly DecodedCell[] {
  let decoded = cache.get(cells);
  if (decoded === undefined) {
    decoded = sortedEntries(cells).map(([key, cell]) => ({ at: decodeCellKey(key), cell }));
    cache.set(cells, decoded);
  }
  return decoded;
}
