import { Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import {
  ProjectionStatusQuery,
  type ProjectionStatusView,
} from '../read/projection-status.query.js';
import { LedgerMetrics } from './ledger-metrics.js';

/**
 * Projection lag and dead letters, measured when Prometheus scrapes (from
 * the read-model store and the event store, so any API replica reports them,
 * whichever process runs the projections).
 */
@Injectable()
export class ProjectionMetrics {
  private readonly logger = new Logger('Metrics');
  /** One status read per scrape, however many gauges ask for it. */
  private reading: Promise<ProjectionStatusView[] | undefined> | undefined;

  constructor(
    metrics: LedgerMetrics,
    private readonly status: ProjectionStatusQuery,
  ) {
    const registers = [metrics.registry];
    const labelNames = ['projection', 'kind'] as const;
    const read = () => this.read();
    new Gauge({
      name: 'ledger_projection_lag_events',
      help: 'Events in the ledger not yet folded into the live projection version (counted up to 10000)',
      labelNames,
      registers,
      async collect() {
        this.reset();
        for (const s of (await read()) ?? [])
          this.set({ projection: s.name, kind: s.kind }, Number.parseInt(s.lagEvents, 10));
      },
    });
    new Gauge({
      name: 'ledger_projection_lag_seconds',
      help: 'Age of the oldest event not yet folded into the live projection version',
      labelNames,
      registers,
      async collect() {
        this.reset();
        for (const s of (await read()) ?? [])
          this.set({ projection: s.name, kind: s.kind }, s.lagSeconds);
      },
    });
    new Gauge({
      name: 'ledger_projection_dead_letters',
      help: 'Events parked after failing repeatedly, awaiting an operator replay',
      labelNames,
      registers,
      async collect() {
        this.reset();
        for (const s of (await read()) ?? [])
          this.set({ projection: s.name, kind: s.kind }, s.deadLetters);
      },
    });
    new Gauge({
      name: 'ledger_projection_status_up',
      help: '1 when the projection status could be read at this scrape, 0 when a store failed',
      registers,
      async collect() {
        this.set((await read()) === undefined ? 0 : 1);
      },
    });
  }

  private read(): Promise<ProjectionStatusView[] | undefined> {
    this.reading ??= this.status
      .all()
      .catch((error: unknown) => {
        this.logger.warn(`projection status unavailable: ${(error as Error).message}`);
        return undefined;
      })
      .finally(() => {
        // Concurrent collects of one scrape share the read; the next scrape reads afresh.
        setImmediate(() => (this.reading = undefined));
      });
    return this.reading;
  }
}
