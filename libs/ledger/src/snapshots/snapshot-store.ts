import { Inject, Injectable } from '@nestjs/common';
import { type EventStore, type EventToAppend, StreamNotFound } from '#event-store';
import { EVENT_STORE } from '../tokens.js';
import { ResourceNotFound } from '../errors.js';
import { eventIdsFor } from '../shared/event-ids.js';
import {
  SNAPSHOT_CREATED,
  SNAPSHOT_INDEX_STREAM,
  SNAPSHOT_INDEXED,
  SNAPSHOT_SCHEMA_VERSION,
  type Snapshot,
  type SnapshotMetadata,
  metadataFromIndexEvent,
  snapshotFromEvent,
  snapshotMetadata,
  snapshotStreamName,
} from './snapshot-record.js';

export interface StoredSnapshot {
  readonly snapshot: Snapshot;
  /** False when the snapshot was already there (a replayed idempotency key). */
  readonly created: boolean;
}

/**
 * Snapshots live in the event store, beside the events they were computed from: appended
 * once and never changed, like every event, so a snapshot is as durable and as auditable
 * as the ledger itself and needs no other database.
 */
@Injectable()
export class SnapshotStore {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /**
   * Appends the snapshot to its own stream, then its index entry. The first append is the
   * record; 'no_stream' makes it write-once. The index entry's id derives from the
   * snapshot id, so appending it again (a retry after a crash between the two) is a no-op.
   */
  async append(
    snapshot: Snapshot,
    ids: { readonly eventId: string; readonly correlationId: string },
  ): Promise<StoredSnapshot> {
    const streamName = snapshotStreamName(snapshot.id);
    const metadata = {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      recordedAt: snapshot.createdAt,
      recordedBy: snapshot.createdBy,
      correlationId: ids.correlationId,
      causationId: ids.correlationId,
    };
    const record: EventToAppend = {
      id: ids.eventId,
      type: SNAPSHOT_CREATED,
      data: snapshot,
      metadata,
    };
    const result = await this.events.append(streamName, [record], 'no_stream');
    const stored = result.duplicate ? await this.get(snapshot.id) : snapshot;
    const [indexId] = eventIdsFor(SNAPSHOT_INDEX_STREAM, 1, stored.id);
    await this.events.append(
      SNAPSHOT_INDEX_STREAM,
      [{ id: indexId!, type: SNAPSHOT_INDEXED, data: snapshotMetadata(stored), metadata }],
      'any',
    );
    return { snapshot: stored, created: !result.duplicate };
  }

  async find(id: string): Promise<Snapshot | undefined> {
    try {
      const [event] = await this.events.readStream(snapshotStreamName(id), { maxCount: 1 });
      return event === undefined ? undefined : snapshotFromEvent(event);
    } catch (error) {
      if (error instanceof StreamNotFound) return undefined;
      throw error;
    }
  }

  async get(id: string): Promise<Snapshot> {
    const snapshot = await this.find(id);
    if (snapshot === undefined) throw new ResourceNotFound(`no snapshot ${id}`);
    return snapshot;
  }

  /** Newest first. The index is one stream, read whole: snapshots are few (a board's papers). */
  async list(): Promise<SnapshotMetadata[]> {
    try {
      const events = await this.events.readStream(SNAPSHOT_INDEX_STREAM);
      return events.map((event) => snapshotMetadata(metadataFromIndexEvent(event))).reverse();
    } catch (error) {
      if (error instanceof StreamNotFound) return [];
      throw error;
    }
  }
}
