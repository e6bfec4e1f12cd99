import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { EventStore } from '#event-store';
import type { LedgerConfig } from '../config/ledger-config.js';
import { ProjectionStatusQuery } from '../read/projection-status.query.js';
import { EVENT_STORE, LEDGER_CONFIG } from '../tokens.js';

/** A probe that does not answer within this is as good as down. */
const PROBE_TIMEOUT_MS = 3_000;

export class ProbeFailed extends Error {
  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ProbeFailed';
  }
}

function withTimeout<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ProbeFailed(`${what} did not answer within ${PROBE_TIMEOUT_MS} ms`)),
      PROBE_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The checks behind /health/ready: can this process reach the event store
 * and Redis, and are the live projections close enough to the ledger head
 * that queries answer rather than refuse (LEDGER_READY_MAX_LAG_SECONDS).
 * Each throws ProbeFailed with the reason, or returns what it saw.
 */
@Injectable()
export class ReadinessProbe implements OnApplicationShutdown {
  private redis: Redis | undefined;

  constructor(
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly status: ProjectionStatusQuery,
  ) {}

  async eventStore(): Promise<{ head: string }> {
    try {
      return { head: String(await withTimeout('the event store', this.events.headPosition())) };
    } catch (error) {
      throw new ProbeFailed(`event store: ${message(error)}`);
    }
  }

  /** PING on a connection of its own, so a busy read-model connection does not mask an outage. */
  async redisPing(): Promise<{ configured: boolean }> {
    const url = this.config.redisUrl;
    if (url === undefined) return { configured: false };
    this.redis ??= this.connect(url);
    try {
      const answer = await withTimeout('Redis', this.redis.ping());
      if (answer !== 'PONG') throw new Error(`PING answered ${answer}`);
      return { configured: true };
    } catch (error) {
      throw new ProbeFailed(`redis: ${message(error)}`);
    }
  }

  async projectionLag(): Promise<{ maxLagSeconds: number }> {
    const max = this.config.readyMaxLagSeconds;
    let views;
    try {
      views = await withTimeout('the projection status', this.status.all());
    } catch (error) {
      throw new ProbeFailed(`projection status: ${message(error)}`);
    }
    const behind = views
      .filter((view) => view.kind === 'projection' && view.lagSeconds > max)
      .map((view) => ({
        projection: view.name,
        lagSeconds: view.lagSeconds,
        lagEvents: view.lagEvents,
      }));
    if (behind.length > 0) {
      const names = behind.map((b) => `${b.projection} (${b.lagSeconds} s)`).join(', ');
      throw new ProbeFailed(`projections more than ${max} s behind the ledger: ${names}`, {
        behind,
      });
    }
    return { maxLagSeconds: max };
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }

  private connect(url: string): Redis {
    const redis = new Redis(url, {
      lazyConnect: true,
      connectTimeout: 2_000,
      maxRetriesPerRequest: 0,
      // Reconnect quickly after an outage, so readiness comes back soon after Redis does.
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    // Failures surface through ping(); without a listener ioredis prints every reconnect attempt.
    redis.on('error', () => undefined);
    return redis;
  }
}
