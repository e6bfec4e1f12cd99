import pg from 'pg';
import type { RecordedEvent, SubscribeOptions } from '../event-store.js';
import { Announcer } from './announcer.js';
import { migrate } from './migrations.js';
import { createPool, PgPoolClient } from './pg-pool-client.js';
import { SqlEventStore } from './sql-event-store.js';
import { checkSchemaName, DEFAULT_SCHEMA, notifyChannel } from './sql.js';
import { toStoreError } from './store-errors.js';

export interface PostgresEventStoreOptions {
  /** `postgres://` or `postgresql://` connection string. */
  readonly url: string;
  /** Schema holding the tables; created on start. Default `ledger`. */
  readonly schema?: string;
  /** Connections for appends and reads; the LISTEN connection is extra. Default 10. */
  readonly poolSize?: number;
  /** Safety net for missed notifications and non-append transactions holding the horizon. Default 200 ms. */
  readonly pollIntervalMs?: number;
  readonly connectionTimeoutMillis?: number;
}

const LISTEN_RETRY_MIN_MS = 1_000;
const LISTEN_RETRY_MAX_MS = 30_000;

/**
 * The event store on a PostgreSQL server. Subscribers wake on LISTEN/NOTIFY
 * from any process appending to the same schema, and poll as a fallback.
 */
export class PostgresEventStore extends SqlEventStore {
  private listener: pg.Client | undefined;
  private listenRetry: NodeJS.Timeout | undefined;
  private listenBackoffMs = LISTEN_RETRY_MIN_MS;
  private readonly announcer: Announcer;

  private constructor(
    client: PgPoolClient,
    private readonly options: PostgresEventStoreOptions,
    private readonly schema: string,
  ) {
    super(client, { schema, pollIntervalMs: options.pollIntervalMs ?? 200 });
    // One implicit transaction; a notification lost in a crash costs a poll interval, not an fsync.
    const announce = `SET LOCAL synchronous_commit TO off; NOTIFY "${notifyChannel(schema)}"`;
    this.announcer = new Announcer(() => client.exec(announce));
  }

  /** Connects, applies migrations, and fails with StoreUnavailable if the server cannot be reached. */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
    const client = new PgPoolClient(
      createPool({
        url: options.url,
        poolSize: options.poolSize ?? 10,
        connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
        applicationName: `ledger-event-store:${schema}`,
      }),
    );
    try {
      await migrate(client, schema);
    } catch (error) {
      await client.close().catch(() => undefined);
      throw toStoreError(error, `migrate event store schema ${schema}`);
    }
    return new PostgresEventStore(client, options, schema);
  }

  override subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    this.listen();
    return super.subscribeToAll(options);
  }

  protected override onAppended(): void {
    this.announcer.announce();
  }

  protected override async beforeClose(): Promise<void> {
    await this.announcer.idle();
    clearTimeout(this.listenRetry);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private listen(): void {
    if (this.listener !== undefined || this.listenRetry !== undefined || this.isClosing) return;
    const client = new pg.Client({
      connectionString: this.options.url,
      connectionTimeoutMillis: this.options.connectionTimeoutMillis ?? 5_000,
      application_name: `ledger-event-store-listen:${this.schema}`,
    });
    this.listener = client;
    client.on('notification', () => this.wakeup.notify());
    client.on('error', () => this.dropListener(client));
    client.on('end', () => this.dropListener(client));
    client
      .connect()
      .then(() => client.query(`LISTEN "${notifyChannel(this.schema)}"`))
      .then(() => {
        this.listenBackoffMs = LISTEN_RETRY_MIN_MS;
        // Commits made while we were not listening announced nothing to us.
        this.wakeup.notify();
      })
      .catch(() => this.dropListener(client));
  }

  /** Subscribers keep polling meanwhile; LISTEN comes back with backoff while the store is open. */
  private dropListener(client: pg.Client): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    client.end().catch(() => undefined);
    if (this.isClosing) return;
    this.listenRetry = setTimeout(() => {
      this.listenRetry = undefined;
      this.listen();
    }, this.listenBackoffMs);
    this.listenRetry.unref();
    this.listenBackoffMs = Math.min(this.listenBackoffMs * 2, LISTEN_RETRY_MAX_MS);
  }
}
