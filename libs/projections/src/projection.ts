/**
 * A projection is a pure fold over events into documents: for each event it
 * handles, `documentId` names the one document it changes and `evolve` gives
 * that document's next value (null deletes it). No I/O, no clock. The runner
 * feeds it batches from the checkpointed subscription and stores the changed
 * documents with the checkpoint atomically.
 */
export interface ProjectedEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly eventId: string;
  readonly streamName: string;
  readonly position: bigint;
  /** When the ledger took the event (metadata.recordedAt); '' if absent. */
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** Every read-model document records the last position folded into it, so re-applying is a no-op. */
export interface ProjectedDocument {
  readonly lastPosition: string;
}

export interface Projection<Doc extends ProjectedDocument = ProjectedDocument> {
  /** Kebab-case, stable: part of the storage keys. */
  readonly name: string;
  /** Bumped when the fold changes: the new version is rebuilt beside the live one. */
  readonly version: number;
  readonly handles: ReadonlySet<string>;
  /** The id of the document this event changes, or null to ignore it. */
  documentId(event: ProjectedEvent): string | null;
  evolve(doc: Doc | null, event: ProjectedEvent): Doc | null;
}

/** Applies one event to a document unless it was already folded in (idempotence). */
export function applyOnce<Doc extends ProjectedDocument>(
  projection: Projection<Doc>,
  doc: Doc | null,
  event: ProjectedEvent,
): Doc | null {
  if (doc !== null && atOrAfter(doc.lastPosition, event.position)) return doc;
  return projection.evolve(doc, event);
}

/**
 * `lastPosition >= position`, for a canonical decimal string against a bigint, without
 * parsing the string: this runs for every event a rebuild folds. Decimal strings of
 * non-negative integers order by length, then by their digits.
 */
function atOrAfter(lastPosition: string, position: bigint): boolean {
  const other = position.toString();
  return lastPosition.length !== other.length
    ? lastPosition.length > other.length
    : lastPosition >= other;
}
