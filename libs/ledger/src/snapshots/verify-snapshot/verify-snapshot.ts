import { Injectable } from '@nestjs/common';
import { parsePosition } from '#event-store';
import { londonDate } from '../../shared/clock.js';
import { AsOfLedger } from '../../as-of/as-of-ledger.js';
import { sha256Hex } from '../canonical-json.js';
import { SnapshotDocuments } from '../snapshot-documents.js';
import { parseSnapshotParams } from '../snapshot-params.js';
import { SnapshotStore } from '../snapshot-store.js';
import type { SnapshotVerification } from '../snapshot-responses.js';

/**
 * Recomputes a snapshot from the events up to its stored position, with its stored
 * parameters, and compares hashes. Events recorded since (back-dated or not) have later
 * positions, so they cannot change the answer; a mismatch means the events, the stored
 * snapshot or the code that computes the document changed.
 */
@Injectable()
export class VerifySnapshot {
  constructor(
    private readonly ledger: AsOfLedger,
    private readonly documents: SnapshotDocuments,
    private readonly store: SnapshotStore,
  ) {}

  async execute(id: string): Promise<SnapshotVerification> {
    const snapshot = await this.store.get(id);
    // Stored parameters are complete, so no default (and no clock) comes into it; the day
    // passed is only what parsing requires.
    const spec = parseSnapshotParams(
      snapshot.kind,
      snapshot.params,
      londonDate(new Date(snapshot.createdAt)),
    );
    const { docs } = await this.ledger.councilDocs({ position: parsePosition(snapshot.position) });
    const recomputedSha256 = sha256Hex(this.documents.compute(spec, docs));
    const storedDocumentSha256 = sha256Hex(snapshot.document);
    return {
      id: snapshot.id,
      sha256: snapshot.sha256,
      recomputedSha256,
      storedDocumentSha256,
      matches: recomputedSha256 === snapshot.sha256 && storedDocumentSha256 === snapshot.sha256,
    };
  }
}
