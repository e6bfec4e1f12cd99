import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { commandOutcome } from './command-outcome.js';

/**
 * The ledger's Prometheus metrics, in a registry of their own per application
 * (never prom-client's global one), so several apps in one process (the
 * tests) each count only their own work.
 */
@Injectable()
export class LedgerMetrics {
  readonly registry = new Registry();

  /** Seconds per event-store append; outcome ok (written or an idempotent no-op), conflict, error. */
  readonly appendSeconds = new Histogram({
    name: 'ledger_event_store_append_seconds',
    help: 'Latency of event store appends, by outcome (ok, conflict, error)',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Council commands handled, by command type and outcome',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  /** Runs a command and counts it by how it ended, success or typed refusal. */
  async countCommand<T>(type: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.commands.inc({ type, outcome: commandOutcome(result) });
      return result;
    } catch (error) {
      this.commands.inc({ type, outcome: commandOutcome(undefined, error) });
      throw error;
    }
  }
}
