import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { EventStore } from '#event-store';
import {
  type Actor,
  type CommandResult,
  ExecuteCouncilCommand,
  FixedClock,
  LedgerModule,
} from '#ledger';
import type { CouncilCommand } from '#domain';
import { TEST_NOW, testConfig } from '../../support/test-app.js';
import { inParallel, type LatencySummary, summarise } from '../support/stats.js';
import { ADVISER, toCommand, toRequest, type WorkItem, workItem } from './fixtures.js';

/** Sends one write and resolves when it is committed; anything but a new event is an error. */
export type Driver = (item: WorkItem) => Promise<void>;

export interface LedgerContext {
  readonly execute: (command: CouncilCommand, actor: Actor) => Promise<CommandResult>;
  close(): Promise<void>;
}

/** The write side without HTTP: LedgerModule in a Nest application context, over the given store. */
export async function openLedgerContext(eventStore: EventStore): Promise<LedgerContext> {
  const config = testConfig();
  const app = await NestFactory.createApplicationContext(
    LedgerModule.forRoot({ config, clock: new FixedClock(TEST_NOW), eventStore }),
    { logger: false },
  );
  const bus = app.get(CommandBus);
  return {
    execute: (command, actor) =>
      bus.execute<ExecuteCouncilCommand, CommandResult>(new ExecuteCouncilCommand(command, actor)),
    async close() {
      await app.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

export function busDriver(context: LedgerContext): Driver {
  return async (item) => {
    const result = await context.execute(toCommand(item), ADVISER);
    if (result.eventIds.length !== 1)
      throw new Error(`${item.id}: expected one event, got ${result.eventIds.length}`);
  };
}

/** Node's fetch (undici) keeps connections alive, one per client in flight. */
export function httpDriver(baseUrl: string, token: string): Driver {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return async (item) => {
    const { path, body } = toRequest(item);
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`${path}: HTTP ${response.status} ${text}`);
  };
}

/**
 * `total` writes from `clients` concurrent clients, each on its own councils
 * (council i belongs to client i mod clients) in turn, each write timed alone.
 */
export async function runLoad(
  driver: Driver,
  councils: readonly string[],
  clients: number,
  total: number,
  tag: string,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  const perClient = Math.floor(total / clients);
  const started = performance.now();
  await inParallel(clients, async (client) => {
    const mine = councils.filter((_, index) => index % clients === client);
    for (let n = 0; n < perClient; n++) {
      const item = workItem(mine[n % mine.length]!, `${tag}-c${client}-${n}`, n);
      const sent = performance.now();
      await driver(item);
      latencies.push(performance.now() - sent);
    }
  });
  return summarise(latencies, (performance.now() - started) / 1000);
}
