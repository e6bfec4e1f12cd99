import { databaseUrl, redisUrl } from '../support/services.js';
import { type Child, freePort, killAll, spawnNode } from '../support/child-processes.js';
import { type ApiClient, apiClient } from './cluster-commands.js';

/** Any HTTP answer means the API listens; fails as soon as its process has exited. */
async function answering(api: ApiClient, child: Child): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (!child.running) throw new Error(`${child.name} exited while starting\n${child.tail()}`);
    const up = await fetch(`${api.url}/health/live`).then(
      () => true,
      () => false,
    );
    if (up) return;
    if (Date.now() > deadline) throw new Error(`${child.name} not listening\n${child.tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every variable LedgerConfig reads is set here or not at all. */
const LEDGER_VARIABLES = /^(LEDGER_|EVENT_STORE_URL$|REDIS_URL$|PORT$|HOST$|LOG_LEVEL$)/;

export const API_MAIN = 'dist/apps/api/src/main.js';
export const PROJECTOR_MAIN = 'dist/apps/projector/src/main.js';

export interface ClusterSettings {
  readonly schema: string;
  readonly prefix: string;
  readonly secret: string;
  readonly leaseMs: number;
}

/**
 * The compiled API and projector processes of one ledger, configured only
 * through the environment as in production (LedgerConfig): one PostgreSQL
 * schema, one Redis prefix, one signing secret.
 */
export class Cluster {
  readonly children: Child[] = [];
  readonly apis: ApiClient[] = [];

  constructor(private readonly settings: ClusterSettings) {}

  private env(extra: Record<string, string>): Record<string, string> {
    const { schema, prefix, secret, leaseMs } = this.settings;
    return {
      EVENT_STORE_URL: databaseUrl(),
      LEDGER_PG_SCHEMA: schema,
      REDIS_URL: redisUrl(),
      LEDGER_REDIS_PREFIX: prefix,
      LEDGER_AUTH_SECRET: secret,
      LEDGER_PROJECTION_LEASE_MS: String(leaseMs),
      // The test registers the few councils it writes to: the full register costs seconds.
      LEDGER_IMPORT_REGISTER_ON_START: 'false',
      HOST: '127.0.0.1',
      // The projector's start is known from its log line (info).
      LOG_LEVEL: 'info',
      ...extra,
    };
  }

  /** API processes that only read Redis (LEDGER_RUN_PROJECTOR=false), each on its own port. */
  async startApis(count: number): Promise<void> {
    const started: Child[] = [];
    for (let n = 1; n <= count; n++) {
      const port = await freePort();
      const env = this.env({ PORT: String(port), LEDGER_RUN_PROJECTOR: 'false' });
      const child = spawnNode(`api-${n}`, API_MAIN, env, LEDGER_VARIABLES);
      this.children.push(child);
      started.push(child);
      this.apis.push(apiClient(child.name, `http://127.0.0.1:${port}`));
    }
    await Promise.all(this.apis.map((api, index) => answering(api, started[index]!)));
  }

  startProjector(name: string): Child {
    const child = spawnNode(name, PROJECTOR_MAIN, this.env({}), LEDGER_VARIABLES);
    this.children.push(child);
    return child;
  }

  stop(): Promise<void> {
    return killAll(this.children);
  }
}
