import { Inject, Injectable } from '@nestjs/common';
import { type EventStore, START } from '#event-store';
import type { OfferCatalogue } from '#domain';
import { COUNCIL_PROJECTIONS, type DeadLetter, type ReadModelStore } from '#projections';
import { Clock } from '../shared/clock.js';
import { EVENT_STORE, OFFER_CATALOGUE, READ_MODEL_STORE } from '../tokens.js';
import { CHANGE_OF_CONTROL_REACTOR } from '../projector/change-of-control.reactor.js';

export interface ProjectionStatusView {
  readonly name: string;
  readonly kind: 'projection' | 'reactor';
  /** The version queries read (undefined until one is built); the code's version. */
  readonly liveVersion: number | null;
  readonly codeVersion: number;
  readonly state: 'live' | 'behind' | 'rebuilding' | 'not-started';
  readonly checkpoint: string;
  readonly head: string;
  /** Events not yet folded in, counted up to LAG_COUNT_CAP ("10000+" beyond). */
  readonly lagEvents: string;
  readonly lagSeconds: number;
  readonly deadLetters: number;
}

const LAG_COUNT_CAP = 10_000;

/**
 * Projection health as any process sees it, from the store alone: where each
 * projection's live version stands against the ledger head, and its parked events.
 */
@Injectable()
export class ProjectionStatusQuery {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(OFFER_CATALOGUE) private readonly catalogue: OfferCatalogue,
    private readonly clock: Clock,
  ) {}

  async all(): Promise<ProjectionStatusView[]> {
    const head = await this.events.headPosition();
    const letters = await this.store.deadLetters();
    const targets = [
      ...COUNCIL_PROJECTIONS(this.catalogue).map((p) => ({
        name: p.name,
        version: p.version,
        kind: 'projection' as const,
      })),
      { ...CHANGE_OF_CONTROL_REACTOR, kind: 'reactor' as const },
    ];
    return Promise.all(targets.map((target) => this.one(target, head, letters)));
  }

  deadLetters(projection?: string): Promise<DeadLetter[]> {
    return this.store.deadLetters(projection);
  }

  private async one(
    target: { name: string; version: number; kind: 'projection' | 'reactor' },
    head: bigint,
    letters: readonly DeadLetter[],
  ): Promise<ProjectionStatusView> {
    const live =
      target.kind === 'reactor' ? target.version : await this.store.liveVersion(target.name);
    const checkpoint =
      (await this.store.checkpoint({ name: target.name, version: live ?? target.version }))
        ?.position ?? START;
    const { count, oldest } = await this.lag(checkpoint, head);
    const lagSeconds = oldest
      ? Math.max(0, (this.clock.now().getTime() - oldest.getTime()) / 1000)
      : 0;
    return {
      name: target.name,
      kind: target.kind,
      liveVersion: live ?? null,
      codeVersion: target.version,
      state:
        live === undefined
          ? checkpoint > START
            ? 'rebuilding'
            : 'not-started'
          : live < target.version
            ? 'rebuilding'
            : count > 0
              ? 'behind'
              : 'live',
      checkpoint: String(checkpoint),
      head: String(head),
      lagEvents: count > LAG_COUNT_CAP ? `${LAG_COUNT_CAP}+` : String(count),
      lagSeconds: Number(lagSeconds.toFixed(3)),
      deadLetters: letters.filter((letter) => letter.projection === target.name).length,
    };
  }

  /** Positions have holes, so lag is counted, not subtracted. */
  private async lag(
    checkpoint: bigint,
    head: bigint,
  ): Promise<{ count: number; oldest: Date | undefined }> {
    if (checkpoint >= head) return { count: 0, oldest: undefined };
    let count = 0;
    let after = checkpoint;
    let oldest: Date | undefined;
    while (count <= LAG_COUNT_CAP) {
      const batch = await this.events.readAll({ after, maxCount: 1_000 });
      if (batch.length === 0) break;
      oldest ??= batch[0]!.committedAt;
      count += batch.length;
      after = batch.at(-1)!.position;
    }
    return { count, oldest };
  }
}
