import type { RecordedEvent } from '#event-store';
import {
  COUNCIL_PROJECTIONS,
  type CouncilDocs,
  type ProjectedDocument,
  type ProjectedEvent,
  type Projection,
  applyOnce,
  toProjectedEvent,
} from '#projections';
import type { OfferCatalogue } from '#domain';

/** An event a projection threw on: the live runner parks such an event, and so does a fold. */
export interface SkippedEvent {
  readonly projection: string;
  readonly eventId: string;
  readonly position: bigint;
  readonly error: string;
}

class ProjectionFold<Doc extends ProjectedDocument> {
  readonly docs = new Map<string, Doc>();

  constructor(private readonly projection: Projection<Doc>) {}

  apply(event: ProjectedEvent, skipped: SkippedEvent[]): void {
    const { projection } = this;
    if (!projection.handles.has(event.type)) return;
    try {
      const id = projection.documentId(event);
      if (id === null) return;
      const next = applyOnce(projection, this.docs.get(id) ?? null, event);
      if (next === null) this.docs.delete(id);
      else this.docs.set(id, next);
    } catch (error) {
      skipped.push({
        projection: projection.name,
        eventId: event.eventId,
        position: event.position,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

/**
 * The six council projections folded in memory, in position order, from nothing: the
 * read models a fresh projector would build from the same events. Pure: no read-model
 * store, no clock, so the same events always give the same documents.
 */
export class CouncilDocsFold {
  private readonly folds;
  readonly skipped: SkippedEvent[] = [];

  constructor(catalogue: OfferCatalogue) {
    const [summaries, takeUp, changeOfControl, peerChallenges, annualConversations, riskSignals] =
      COUNCIL_PROJECTIONS(catalogue);
    this.folds = {
      summaries: new ProjectionFold(summaries),
      takeUp: new ProjectionFold(takeUp),
      changeOfControl: new ProjectionFold(changeOfControl),
      peerChallenges: new ProjectionFold(peerChallenges),
      annualConversations: new ProjectionFold(annualConversations),
      riskSignals: new ProjectionFold(riskSignals),
    };
  }

  apply(recorded: RecordedEvent): void {
    // What the live runner gives a projection, so a fold at the head equals the read models.
    const event = toProjectedEvent(recorded);
    for (const fold of Object.values(this.folds)) fold.apply(event, this.skipped);
  }

  docs(): CouncilDocs {
    const { folds } = this;
    return {
      summaries: folds.summaries.docs,
      takeUp: folds.takeUp.docs,
      changeOfControl: folds.changeOfControl.docs,
      peerChallenges: folds.peerChallenges.docs,
      annualConversations: folds.annualConversations.docs,
      riskSignals: folds.riskSignals.docs,
    };
  }
}
