import {
  type CouncilEvent,
  type CouncilEventType,
  type EventOf,
  isCouncilEventType,
  isGssCode,
} from '#domain';
import type { ProjectedDocument, ProjectedEvent, Projection } from '../../projection.js';

/** Every projection here keeps one document per council, keyed by its GSS code. */
export interface CouncilDocument extends ProjectedDocument {
  readonly gss: string;
}

export type AmendmentEvent = EventOf<'EventCorrected'> | EventOf<'EventRetracted'>;

/** Narrows a projected event to the domain's union; null for anything that is not a council event. */
export function toCouncilEvent(event: ProjectedEvent): CouncilEvent | null {
  if (!isCouncilEventType(event.type) || typeof event.data !== 'object' || event.data === null) {
    return null;
  }
  // Data was validated when it was appended and upcast when read: its type names its shape.
  return { type: event.type, data: event.data } as CouncilEvent;
}

export interface CouncilProjectionSpec<Doc extends CouncilDocument> {
  readonly name: string;
  readonly handles: readonly CouncilEventType[];
  create(event: EventOf<'CouncilRegistered'>, lastPosition: string): Doc;
  /** The next document; only called once the council is registered. */
  apply(doc: Doc, event: CouncilEvent, eventId: string): Doc;
}

/**
 * Builds a per-council projection. Like the decider's evolve, it is total: events before the
 * registration are ignored (a stream always starts with it) and a second registration changes
 * nothing; every folded event moves lastPosition so applyOnce can skip it when replayed.
 */
export function councilProjection<Doc extends CouncilDocument>(
  spec: CouncilProjectionSpec<Doc>,
): Projection<Doc> {
  const handles: ReadonlySet<string> = new Set<string>(spec.handles);
  return {
    name: spec.name,
    // v2: records are persistent id maps (records.ts), a different document shape.
    version: 2,
    handles,
    documentId(event) {
      if (!handles.has(event.type)) return null;
      const gss = (event.data as { readonly gss?: unknown } | null)?.gss;
      return isGssCode(gss) ? gss : null;
    },
    evolve(doc, projected) {
      const lastPosition = projected.position.toString();
      const event = handles.has(projected.type) ? toCouncilEvent(projected) : null;
      if (event === null) return doc === null ? null : { ...doc, lastPosition };
      if (doc === null) {
        return event.type === 'CouncilRegistered' ? spec.create(event, lastPosition) : null;
      }
      return { ...spec.apply(doc, event, projected.eventId), lastPosition };
    },
  };
}
