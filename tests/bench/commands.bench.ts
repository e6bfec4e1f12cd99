import { rmSync } from 'node:fs';
import { REGIONS } from '#domain';
import { databaseUrl } from '../support/services.js';
import { postgresTestStore } from '../support/stores.js';
import { startTestApi, testConfig } from '../support/test-app.js';
import {
  busDriver,
  type Driver,
  httpDriver,
  openLedgerContext,
  runLoad,
} from './commands/drivers.js';
import { ADMIN, benchGss, registerCommand } from './commands/fixtures.js';
import { measureStreams } from './commands/stream-sizes.js';
import { loadAverage, machineLines, postgresVersion } from './support/machine.js';
import { type BenchReport, table } from './support/report.js';
import {
  formatCount,
  formatMs,
  inParallel,
  type LatencySummary,
  peakRssMb,
  progress,
  timed,
} from './support/stats.js';

export interface CommandsBenchOptions {
  /** Measured commands per path and concurrency. */
  readonly commands: number;
  readonly councils: number;
  readonly longStream: number;
  readonly coldBudgetSeconds: number;
}

/** Unmeasured commands first: JIT, connection pools and the council cache warm up. */
const WARM_UP = 200;
const CLIENTS = [1, 16] as const;

interface PathFigures {
  readonly path: string;
  readonly clients: number;
  readonly summary: LatencySummary;
}

async function measurePath(
  path: string,
  driver: Driver,
  councils: readonly string[],
  commands: number,
) {
  const figures: PathFigures[] = [];
  await runLoad(driver, councils, 16, WARM_UP, `${path}-warm`);
  for (const clients of CLIENTS) {
    const summary = await runLoad(driver, councils, clients, commands, `${path}-${clients}`);
    progress(
      `${path}, ${clients} client(s): ${Math.round(summary.count / summary.seconds)} commands/s, ` +
        `p50 ${formatMs(summary.p50)} ms, p99 ${formatMs(summary.p99)} ms, load ${loadAverage()}`,
    );
    figures.push({ path, clients, summary });
  }
  return figures;
}

export async function commandsBench(options: CommandsBenchOptions): Promise<BenchReport> {
  const url = databaseUrl();
  const version = await postgresVersion(url);
  const load = [`start ${loadAverage()}`];
  const test = await postgresTestStore({ poolSize: 16 });
  const context = await openLedgerContext(test.store);
  try {
    const councils = Array.from({ length: options.councils }, (_, index) => benchGss(index));
    progress(`registering ${councils.length} councils`);
    const registration = await timed(async () => {
      await inParallel(16, async (client) => {
        for (let index = client; index < councils.length; index += 16) {
          await context.execute(registerCommand(councils[index]!, index), ADMIN);
        }
      });
      return councils.length;
    });
    const paths = await measurePath('CommandBus', busDriver(context), councils, options.commands);
    load.push(`after CommandBus: ${loadAverage()}`);
    const config = testConfig();
    const api = await startTestApi(test.store, config);
    try {
      const token = await api.token('adviser', { sub: 'bench-adviser', patch: [...REGIONS] });
      paths.push(
        ...(await measurePath('HTTP', httpDriver(api.url, token), councils, options.commands)),
      );
    } finally {
      await api.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    }
    load.push(`after HTTP: ${loadAverage()}`);
    const streams = await measureStreams(test.store, context, {
      url,
      schema: test.schema ?? 'ledger',
      longStream: options.longStream,
      budgetSeconds: options.coldBudgetSeconds,
      firstIndex: options.councils,
    });
    load.push(`after long streams: ${loadAverage()}`);
    const markdown = [
      '## commands',
      '',
      'Command: `npm run bench -- commands`',
      '',
      ...machineLines([
        `PostgreSQL: ${version} (127.0.0.1, fresh schema, store pool of 16)`,
        `Load average (1/5/15 min): ${load.join('; ')}`,
        `Peak RSS of the bench process: ${formatCount(peakRssMb())} MiB (the probes run in child processes)`,
      ]),
      '',
      `Registered ${formatCount(registration.count)} councils through the CommandBus (16 concurrent): ` +
        `${formatCount(registration.count / registration.seconds)} commands/s. Each measurement below ` +
        `is ${formatCount(options.commands)} commands, alternately RecordAnnualConversation and ` +
        'RecordOfferDelivered, after 200 unmeasured ones; client *i* writes only to councils *j* with ' +
        '*j* mod clients = *i*, so clients never conflict. HTTP is the real Fastify server on loopback ' +
        "(startTestApi) with Node's fetch (keep-alive), an adviser token and JSON bodies.",
      '',
      '### (a) CommandBus and (b) HTTP',
      '',
      table(
        ['Path', 'Clients', 'Commands/s', 'p50 (ms)', 'p99 (ms)'],
        paths.map(({ path, clients, summary }) => [
          path,
          String(clients),
          formatCount(summary.count / summary.seconds),
          formatMs(summary.p50),
          formatMs(summary.p99),
        ]),
      ),
      '',
      streams.markdown,
    ].join('\n');
    return { markdown, targets: streams.targets };
  } finally {
    await context.close();
    await test.teardown();
  }
}
