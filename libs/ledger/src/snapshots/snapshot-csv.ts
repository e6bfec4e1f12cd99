import { stringify } from 'csv-stringify/sync';
import type { TableCell } from '#projections';
import { InvalidRequest } from '../http/validation.js';
import type { SnapshotTables } from './snapshot-tables.js';

function columnsOf(rows: readonly Readonly<Record<string, TableCell>>[]): string[] {
  const columns: string[] = [];
  for (const row of rows)
    for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

/** null is an empty cell; numbers are written as JavaScript prints them, like the JSON. */
function write(columns: readonly string[], rows: readonly Record<string, TableCell>[]): string {
  return stringify([...rows], {
    header: true,
    columns: [...columns],
    cast: { number: (value) => String(value) },
  });
}

/**
 * A snapshot's tables as CSV (RFC 4180 quoting, UTF-8, LF line ends, a header row).
 * With `table`, that table alone with its own columns. Without, every table in one file:
 * a first column `table` names the table of each row, and the columns are every table's
 * columns in order of first appearance, empty where a row's table does not have one.
 */
export function snapshotCsv(tables: SnapshotTables, table?: string): string {
  if (table !== undefined) {
    const rows = tables[table];
    if (rows === undefined) {
      const names = Object.keys(tables).join(', ');
      throw new InvalidRequest([{ field: 'table', reason: `no table ${table}; tables: ${names}` }]);
    }
    return rows.length === 0 ? '' : write(columnsOf(rows), rows);
  }
  const all = Object.entries(tables).flatMap(([name, rows]) =>
    rows.map((row) => ({ table: name, ...row })),
  );
  return write(['table', ...columnsOf(all).filter((c) => c !== 'table')], all);
}
