import type { RecordedEvent } from '#event-store';
import { SNAPSHOT_KINDS, type SnapshotKind } from './snapshot-params.js';

/** Each snapshot is the only event of its own stream, appended once ('no_stream'). */
export const snapshotStreamName = (id: string): string => `snapshot-${id}`;
/** One index event per snapshot, without the document, so listing reads no documents. */
export const SNAPSHOT_INDEX_STREAM = 'snapshots';

export const SNAPSHOT_CREATED = 'SnapshotCreated';
export const SNAPSHOT_INDEXED = 'SnapshotIndexed';
export const SNAPSHOT_SCHEMA_VERSION = 1;

/** What a snapshot is, without its document: the index entry and the JSON metadata. */
export interface SnapshotMetadata {
  readonly id: string;
  readonly kind: SnapshotKind;
  /** Complete: every default filled in when it was created. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The ledger position the document was computed at, as a decimal string. */
  readonly position: string;
  /** The token subject of whoever created it (`cli:<user>` from the command line). */
  readonly createdBy: string;
  readonly createdAt: string;
  /** Lowercase hex SHA-256 of the document's canonical JSON. */
  readonly sha256: string;
}

export interface Snapshot extends SnapshotMetadata {
  readonly document: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads back what this module wrote; anything else in a snapshot stream is a corrupt store. */
function metadataOf(event: RecordedEvent): SnapshotMetadata {
  const data = event.data;
  const text = (name: string): string => {
    const value = isRecord(data) ? data[name] : undefined;
    if (typeof value !== 'string') throw new Error(`${event.streamName}: ${name} is missing`);
    return value;
  };
  const kind = text('kind');
  if (!(SNAPSHOT_KINDS as readonly string[]).includes(kind) || !isRecord(data)) {
    throw new Error(`${event.streamName}: unknown snapshot kind ${kind}`);
  }
  const params = data['params'];
  if (!isRecord(params)) throw new Error(`${event.streamName}: params are missing`);
  return {
    id: text('id'),
    kind: kind as SnapshotKind,
    params,
    position: text('position'),
    createdBy: text('createdBy'),
    createdAt: text('createdAt'),
    sha256: text('sha256'),
  };
}

export function snapshotFromEvent(event: RecordedEvent): Snapshot {
  if (event.type !== SNAPSHOT_CREATED) throw new Error(`${event.streamName}: not a snapshot`);
  return { ...metadataOf(event), document: (event.data as Record<string, unknown>)['document'] };
}

export function metadataFromIndexEvent(event: RecordedEvent): SnapshotMetadata {
  if (event.type !== SNAPSHOT_INDEXED) throw new Error(`${event.streamName}: not an index entry`);
  return metadataOf(event);
}

/** The listing's fields in a fixed order, whatever order the stored JSON came back in. */
export function snapshotMetadata(snapshot: SnapshotMetadata): SnapshotMetadata {
  const { id, kind, params, position, createdBy, createdAt, sha256 } = snapshot;
  return { id, kind, params, position, createdBy, createdAt, sha256 };
}
