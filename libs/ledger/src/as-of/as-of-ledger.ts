import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EventStore, type RecordedEvent, START } from '#event-store';
import type { CouncilDocs } from '#projections';
import type { OfferCatalogue } from '#domain';
import { EVENT_STORE, OFFER_CATALOGUE } from '../tokens.js';
import { BadRequest, PositionBeyondHead } from '../errors.js';
import { CouncilDocsFold, type SkippedEvent } from './council-docs-fold.js';
import { type LedgerCut, knownAtLimit } from './ledger-cut.js';

/** The council documents at a cut, and the position that names the cut. */
export interface DocsAtCut {
  readonly docs: CouncilDocs;
  /** The last position the documents include: folding up to it gives the same documents. */
  readonly position: bigint;
  /** The ledger head when the cut was taken. */
  readonly head: bigint;
  readonly skipped: readonly SkippedEvent[];
}

const BATCH = 5_000;
const COUNCIL_STREAM = 'council-';

/**
 * When the ledger took an event: metadata.recordedAt, the ledger's clock. Every write path
 * sets it; an event without one falls back to the store's commit time.
 */
function recordedAtMs(event: RecordedEvent): number {
  const recordedAt = event.metadata['recordedAt'];
  const parsed = typeof recordedAt === 'string' ? Date.parse(recordedAt) : Number.NaN;
  return Number.isNaN(parsed) ? event.committedAt.getTime() : parsed;
}

/**
 * The council read models at a past cut of the ledger, folded in memory from the events
 * (never from the live read models, which only know the present). It reads the whole
 * ledger up to the cut, so it suits board reports and audits, not per-keystroke queries.
 *
 * A position cut includes every event at or before it; it must not be beyond the head,
 * where events may still appear. A known-at cut includes the events in position order up
 * to, not including, the first council event recorded after the instant: positions and
 * recordedAt rise together except across concurrent writes, and cutting at the first late
 * event keeps the cut a prefix of the ledger, so the position it reports reproduces it
 * exactly. A back-dated entry recorded later has a later position and a later recordedAt:
 * it is not part of what was known.
 */
@Injectable()
export class AsOfLedger {
  private readonly logger = new Logger('AsOfLedger');

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(OFFER_CATALOGUE) private readonly catalogue: OfferCatalogue,
  ) {}

  async councilDocs(cut: LedgerCut = {}): Promise<DocsAtCut> {
    if (cut.position !== undefined && cut.knownAt !== undefined) {
      throw new BadRequest('asOf', 'cut at a position or at a known-at time, not both');
    }
    const head = await this.events.headPosition();
    if (cut.position !== undefined && cut.position > head) {
      throw new PositionBeyondHead(cut.position, head);
    }
    const limit = cut.knownAt === undefined ? undefined : knownAtLimit(cut.knownAt);
    const until = cut.position ?? head;
    const fold = new CouncilDocsFold(this.catalogue);
    let included = START;
    let after = START;
    reading: while (after < until) {
      const batch = await this.events.readAll({ after, maxCount: BATCH });
      if (batch.length === 0) break;
      for (const event of batch) {
        if (event.position > until) break reading;
        if (!event.streamName.startsWith(COUNCIL_STREAM)) continue;
        if (limit !== undefined && recordedAtMs(event) > limit) break reading;
        fold.apply(event);
        included = event.position;
      }
      after = batch.at(-1)!.position;
    }
    for (const skip of fold.skipped) {
      this.logger.warn(
        `${skip.projection} skipped event ${skip.eventId} at ${skip.position}: ${skip.error}`,
      );
    }
    return {
      docs: fold.docs(),
      position: limit === undefined ? until : included,
      head,
      skipped: fold.skipped,
    };
  }
}
