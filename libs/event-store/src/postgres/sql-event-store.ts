import { WrongExpectedRevision, StreamNotFound, StoreUnavailable } from '../errors.js';
import { START } from '../event-store.js';
import type {
  AppendResult,
  EventMetadata,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.js';
import type { SqlClient, SqlRow } from './sql-client.js';
import { bigintColumn, nullableBigintColumn, textColumn } from './sql-client.js';
import { MAX_EVENTS_PER_APPEND, statementsFor } from './sql.js';
import type { Statements } from './sql.js';
import { isUniqueViolation, toStoreError } from './store-errors.js';
import { checkAppend, checkCount, checkRevision } from '../append-checks.js';
import { Wakeup } from './wakeup.js';

const DEFAULT_BATCH = 1_000;
const MAX_BATCH = 10_000;
const SUBSCRIPTION_BATCH = 500;

export interface SqlEventStoreSettings {
  readonly schema: string;
  /** How long a caught-up subscriber waits without a notification before it looks again. */
  readonly pollIntervalMs: number;
}

function toRecordedEvent(row: SqlRow): RecordedEvent {
  const committedAt = row['committed_at'];
  return {
    id: textColumn(row, 'id'),
    type: textColumn(row, 'type'),
    streamName: textColumn(row, 'stream_name'),
    revision: bigintColumn(row, 'revision'),
    position: bigintColumn(row, 'position'),
    data: row['data'],
    metadata: (row['metadata'] ?? {}) as EventMetadata,
    committedAt: committedAt instanceof Date ? committedAt : new Date(String(committedAt)),
  };
}

function expectedParams(expected: ExpectedRevision): [string, string | null] {
  return typeof expected === 'bigint' ? ['revision', expected.toString()] : [expected, null];
}

/** The EventStore over any SqlClient: the server and embedded adapters differ only in wiring. */
export abstract class SqlEventStore implements EventStore {
  protected readonly wakeup = new Wakeup();
  private readonly closing = new AbortController();
  private readonly sql: Statements;
  private closed?: Promise<void>;

  protected constructor(
    private readonly client: SqlClient,
    private readonly settings: SqlEventStoreSettings,
  ) {
    this.sql = statementsFor(settings.schema);
  }

  async append(
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    checkAppend(streamName, events, expected, MAX_EVENTS_PER_APPEND);
    const [kind, revision] = expectedParams(expected);
    const [only] = events;
    let rows: SqlRow[];
    try {
      rows =
        events.length === 1 && only !== undefined
          ? await this.client.query(this.sql.appendOne, [
              streamName,
              kind,
              revision,
              only.id,
              only.type,
              JSON.stringify(only.data ?? null),
              JSON.stringify(only.metadata ?? {}),
            ])
          : await this.client.query(this.sql.append, [
              streamName,
              kind,
              revision,
              events.map((event) => event.id),
              events.map((event) => event.type),
              events.map((event) => JSON.stringify(event.data ?? null)),
              events.map((event) => JSON.stringify(event.metadata ?? {})),
            ]);
    } catch (error) {
      // Another stream took one of these ids between our check and our insert.
      if (isUniqueViolation(error))
        throw new WrongExpectedRevision(streamName, expected, undefined);
      throw toStoreError(error, `append to ${streamName}`);
    }
    const row = rows[0];
    if (row === undefined) throw new Error('the append function returned no row');
    const outcome = textColumn(row, 'outcome');
    if (outcome === 'conflict') {
      throw new WrongExpectedRevision(
        streamName,
        expected,
        nullableBigintColumn(row, 'stream_revision'),
      );
    }
    if (outcome === 'ok') {
      this.wakeup.notify();
      this.onAppended();
    }
    return {
      nextExpectedRevision: bigintColumn(row, 'stream_revision'),
      position: bigintColumn(row, 'last_position'),
      duplicate: outcome === 'duplicate',
    };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const fromRevision = options.fromRevision ?? 0n;
    checkRevision(fromRevision, 'fromRevision');
    const maxCount = options.maxCount === undefined ? null : checkCount(options.maxCount);
    try {
      const rows = await this.client.query(this.sql.readStream, [
        streamName,
        fromRevision.toString(),
        maxCount,
      ]);
      if (rows.length === 0) {
        const stream = await this.client.query(this.sql.streamRevision, [streamName]);
        if (stream.length === 0) throw new StreamNotFound(streamName);
      }
      return rows.map(toRecordedEvent);
    } catch (error) {
      throw toStoreError(error, `read stream ${streamName}`);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    checkRevision(after, 'after');
    const maxCount = Math.min(checkCount(options.maxCount ?? DEFAULT_BATCH), MAX_BATCH);
    try {
      const rows = await this.client.query(this.sql.readAll, [after.toString(), maxCount]);
      return rows.map(toRecordedEvent);
    } catch (error) {
      throw toStoreError(error, 'read all');
    }
  }

  async headPosition(): Promise<bigint> {
    try {
      const [row] = await this.client.query(this.sql.head, []);
      return row === undefined ? START : bigintColumn(row, 'head');
    } catch (error) {
      throw toStoreError(error, 'head position');
    }
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const signal = options.signal
      ? AbortSignal.any([options.signal, this.closing.signal])
      : this.closing.signal;
    let after = checkRevision(options.after ?? START, 'after');
    while (!signal.aborted) {
      const seen = this.wakeup.generation;
      let batch: RecordedEvent[];
      try {
        batch = await this.readAll({ after, maxCount: SUBSCRIPTION_BATCH });
      } catch (error) {
        if (signal.aborted) return;
        // The arguments were checked above, so whatever failed is the database.
        throw error instanceof StoreUnavailable || !(error instanceof Error)
          ? error
          : new StoreUnavailable(`subscription: ${error.message}`, { cause: error });
      }
      for (const event of batch) {
        if (signal.aborted) return;
        yield event;
        after = event.position;
      }
      if (batch.length < SUBSCRIPTION_BATCH) {
        await this.wakeup.wait(seen, this.settings.pollIntervalMs, signal);
      }
    }
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing.abort();
      await this.beforeClose();
      await this.client.close();
    })();
    return this.closed;
  }

  protected get isClosing(): boolean {
    return this.closing.signal.aborted;
  }

  /** Tells subscribers elsewhere that something was committed; in process they are already woken. */
  protected onAppended(): void {}

  /** Releases what the adapter holds besides the SqlClient (e.g. a LISTEN connection). */
  protected async beforeClose(): Promise<void> {}
}
