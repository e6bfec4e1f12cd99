import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { parsePosition } from '#event-store';
import type { Actor } from '../../auth/actor.js';
import { BadRequest } from '../../errors.js';
import { Clock, londonDate } from '../../shared/clock.js';
import { eventIdsFor } from '../../shared/event-ids.js';
import { AsOfLedger } from '../../as-of/as-of-ledger.js';
import { type LedgerCut, knownAtDate } from '../../as-of/ledger-cut.js';
import { canonicalJson, sha256Hex } from '../canonical-json.js';
import { SnapshotDocuments } from '../snapshot-documents.js';
import { parseSnapshotParams } from '../snapshot-params.js';
import { type Snapshot, snapshotStreamName } from '../snapshot-record.js';
import { SnapshotStore, type StoredSnapshot } from '../snapshot-store.js';
import type { CreateSnapshotDto } from './create-snapshot.dto.js';

export type ComputedSnapshot = Omit<Snapshot, 'id' | 'createdBy' | 'createdAt'>;

export interface CreateSnapshotOptions {
  /** The same key from the same caller returns the first snapshot and computes nothing. */
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
}

/**
 * Computes a document at a stated ledger position and stores it, hashed, for good. The
 * position is the one given, or that of what was known at `asKnownAt`, or the head; the
 * document is folded from the events up to it by AsOfLedger, exactly as verify does.
 */
@Injectable()
export class CreateSnapshot {
  constructor(
    private readonly ledger: AsOfLedger,
    private readonly documents: SnapshotDocuments,
    private readonly store: SnapshotStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    request: CreateSnapshotDto,
    actor: Actor,
    options: CreateSnapshotOptions = {},
  ): Promise<StoredSnapshot> {
    const { idempotencyKey } = options;
    // Keyed per caller: two people choosing the same key must not see each other's snapshot.
    const id =
      idempotencyKey === undefined
        ? randomUUID()
        : eventIdsFor(`snapshot-ids\u0000${actor.subject}`, 1, idempotencyKey)[0]!;
    if (idempotencyKey !== undefined) {
      const earlier = await this.store.find(id);
      if (earlier !== undefined) return { snapshot: earlier, created: false };
    }
    const now = this.clock.now();
    const { kind, params, position, sha256, document } = await this.compute(request, now);
    const createdBy = actor.subject;
    const createdAt = now.toISOString();
    const snapshot: Snapshot = {
      id,
      kind,
      params,
      position,
      createdBy,
      createdAt,
      sha256,
      document,
    };
    const [eventId] = eventIdsFor(snapshotStreamName(id), 1, idempotencyKey);
    return this.store.append(snapshot, {
      eventId: eventId!,
      correlationId: options.correlationId ?? randomUUID(),
    });
  }

  /** The document, its position and hash as they would be stored, without storing anything. */
  async compute(request: CreateSnapshotDto, now = this.clock.now()): Promise<ComputedSnapshot> {
    if (request.position !== undefined && request.asKnownAt !== undefined) {
      throw new BadRequest('asKnownAt', 'give a position or asKnownAt, not both');
    }
    // The day a default report date is taken from: a snapshot as known at 15 August is dated then.
    const today =
      request.asKnownAt === undefined ? londonDate(now) : knownAtDate(request.asKnownAt);
    const spec = parseSnapshotParams(request.kind, request.params ?? {}, today);
    this.documents.checkReferenceData(spec);
    const { docs, position } = await this.ledger.councilDocs(cutOf(request));
    // Stored as its canonical JSON parsed back, so the stored document is exactly what was hashed.
    const document: unknown = JSON.parse(canonicalJson(this.documents.compute(spec, docs)));
    return {
      kind: spec.kind,
      params: spec.params,
      position: position.toString(10),
      sha256: sha256Hex(document),
      document,
    };
  }
}

function cutOf(request: CreateSnapshotDto): LedgerCut {
  if (request.position !== undefined) return { position: parsePosition(request.position) };
  if (request.asKnownAt !== undefined) return { knownAt: request.asKnownAt };
  return {};
}
