import { Injectable } from '@nestjs/common';
import type { QuarterlyReport } from '#projections';
import { ResourceNotFound } from '../../errors.js';
import { renderQuarterlyReportHtml } from '../../reports/render-quarterly-report.js';
import { snapshotCsv } from '../snapshot-csv.js';
import type { Snapshot, SnapshotMetadata } from '../snapshot-record.js';
import { SnapshotStore } from '../snapshot-store.js';
import { snapshotTables } from '../snapshot-tables.js';

/** Stored snapshots as they were stored: reading never recomputes anything. */
@Injectable()
export class ReadSnapshots {
  constructor(private readonly store: SnapshotStore) {}

  list(): Promise<SnapshotMetadata[]> {
    return this.store.list();
  }

  get(id: string): Promise<Snapshot> {
    return this.store.get(id);
  }

  /** The document's tables as CSV: all of them with a `table` column, or the one named. */
  async csv(id: string, table?: string): Promise<string> {
    const snapshot = await this.store.get(id);
    return snapshotCsv(snapshotTables(snapshot.kind, snapshot.document), table);
  }

  /** The printable page of a quarterly report snapshot, traced to its id, position and hash. */
  async html(id: string): Promise<string> {
    return this.renderHtml(await this.store.get(id));
  }

  /** Also for a report computed and not stored (the CLI without --snapshot): `id` says so. */
  renderHtml(snapshot: Snapshot): Promise<string> {
    const { id, kind, position, sha256, createdAt, createdBy } = snapshot;
    if (kind !== 'quarterly-report') {
      throw new ResourceNotFound(
        `snapshot ${id} is a ${kind} snapshot: only quarterly reports have an HTML page`,
      );
    }
    return renderQuarterlyReportHtml(snapshot.document as QuarterlyReport, {
      snapshotId: id,
      position,
      sha256,
      createdAt,
      createdBy,
    });
  }
}
