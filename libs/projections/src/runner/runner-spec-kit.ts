import { randomUUID } from 'node:crypto';
import type { EventStore, ReadAllOptions, RecordedEvent, SubscribeOptions } from '#event-store';
import { StoreUnavailable } from '#event-store';
import type { ProjectedDocument, Projection } from '../projection.js';
import type { BatchWrite, ProjectionKey, ReadModelStore } from '../read-model-store.js';
import { ReadModelUnavailable } from '../read-model-store.js';
import { MemoryReadModelStore } from '../stores/memory-read-model-store.js';

/**
 * Shared by the runner specs (and nothing else): a counter projection that
 * shows double counting, and stores that fail on cue.
 */
export interface Counter extends ProjectedDocument {
  readonly count: number;
  readonly sum: number;
}

export interface CounterOptions {
  readonly version?: number;
  /** Throws for events whose data has poison: true while this returns true. */
  readonly poisoned?: () => boolean;
  readonly onEvolve?: (eventId: string) => void;
}

/** Counts 'Counted' events per stream of one test (streams starting with `prefix`). Version 2 doubles the sum. */
export function counter(name: string, prefix: string, options: CounterOptions = {}) {
  const version = options.version ?? 1;
  const projection: Projection<Counter> = {
    name,
    version,
    handles: new Set(['Counted']),
    documentId: (event) => (event.streamName.startsWith(prefix) ? event.streamName : null),
    evolve(doc, event) {
      options.onEvolve?.(event.eventId);
      const data = event.data as { amount: number; poison?: boolean };
      if (data.poison === true && (options.poisoned?.() ?? true)) {
        throw new Error(`poisoned event ${event.eventId}`);
      }
      return {
        lastPosition: event.position.toString(),
        count: (doc?.count ?? 0) + 1,
        sum: (doc?.sum ?? 0) + data.amount * version,
      };
    },
  };
  return projection;
}

export const unique = (label: string): string => `${label}-${randomUUID().slice(0, 8)}`;

export async function appendCounted(
  store: EventStore,
  stream: string,
  amounts: readonly number[],
  type = 'Counted',
  extra: Record<string, unknown> = {},
): Promise<bigint> {
  const events = amounts.map((amount) => ({
    id: randomUUID(),
    type,
    data: { amount, ...extra },
    metadata: { recordedAt: new Date().toISOString(), recordedBy: 'spec' },
  }));
  return (await store.append(stream, events, 'any')).position;
}

export async function until(condition: () => boolean | Promise<boolean>, ms = 30_000) {
  for (const deadline = Date.now() + ms; !(await condition());) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Records commits; `fail` makes the next commit fail before writing, or after (a lost reply). */
export class FlakyStore extends MemoryReadModelStore {
  readonly commits: BatchWrite[] = [];
  fail: 'before' | 'after' | undefined;

  override async commit(batch: BatchWrite): Promise<void> {
    const fail = this.fail;
    if (fail === 'before') {
      this.fail = undefined;
      throw new ReadModelUnavailable('redis went away');
    }
    await super.commit(batch);
    this.commits.push(batch);
    if (fail === 'after') {
      this.fail = undefined;
      throw new ReadModelUnavailable('reply lost after the write');
    }
  }

  docs(key: ProjectionKey): Promise<Map<string, Counter>> {
    return this.all<Counter>(key);
  }
}

/** One runner's view of a shared store, with some methods replaced. */
export function storeView(store: ReadModelStore, hooks: Partial<ReadModelStore>): ReadModelStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const hook = Reflect.get(hooks, property, receiver) as unknown;
      if (hook !== undefined) return hook;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Delegates to a real store; `cutAfter` events into the next subscription, it fails once. */
/** Cuts the connection once, after `cutAfter` events read through either path (pages or the subscription). */
export class FlakyEventStore implements EventStore {
  cutAfter: number | undefined;
  private delivered = 0;
  readonly append: EventStore['append'];
  readonly readStream: EventStore['readStream'];
  readonly headPosition: EventStore['headPosition'];
  readonly close: EventStore['close'];

  constructor(private readonly inner: EventStore) {
    this.append = inner.append.bind(inner);
    this.readStream = inner.readStream.bind(inner);
    this.headPosition = inner.headPosition.bind(inner);
    this.close = inner.close.bind(inner);
  }

  private cut(): boolean {
    if (this.cutAfter === undefined || this.delivered < this.cutAfter) return false;
    this.cutAfter = undefined;
    return true;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    if (this.cut()) throw new StoreUnavailable('connection reset');
    const page = await this.inner.readAll(options);
    const served =
      this.cutAfter === undefined ? page : page.slice(0, this.cutAfter - this.delivered);
    this.delivered += served.length;
    return served;
  }

  async *subscribeToAll(options?: SubscribeOptions) {
    for await (const event of this.inner.subscribeToAll(options)) {
      if (this.cut()) throw new StoreUnavailable('connection reset');
      this.delivered += 1;
      yield event;
    }
  }
}
