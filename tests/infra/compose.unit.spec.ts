import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { composeProblems, environmentOf, exampleVariables } from './support/compose-checks.js';
import { checkLedgerEnvironment } from './support/ledger-env.js';
import {
  REPO,
  type JsonObject,
  asArray,
  asObject,
  interpolate,
  readText,
  readYaml,
} from './support/infra-files.js';

const FILES = ['infra/docker-compose.yml', 'infra/docker-compose.postgres.yml'];

function composeSchemaValidator() {
  const { $schema: _draft, ...schema } = JSON.parse(readText('infra/schemas/compose-spec.json'));
  // Formats (durations, ports) are the CLI's business; the schema's structure is what we check.
  return new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
}
const validateCompose = composeSchemaValidator();

/** The file as `docker compose config` would see it with infra/.env copied from the example. */
const loadCompose = (file: string, vars = exampleVariables()): JsonObject =>
  interpolate(readYaml(file)[0]!, vars) as JsonObject;

const servicesOf = (compose: JsonObject): Record<string, JsonObject> =>
  asObject(compose['services']) as Record<string, JsonObject>;

describe.each(FILES)('%s', (file) => {
  it('is valid against the Compose Specification schema', () => {
    const valid = validateCompose(loadCompose(file));
    expect(validateCompose.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('keeps the rules the schema cannot express (dependencies, images, env, replicas, health)', () => {
    expect(composeProblems(loadCompose(file))).toEqual([]);
  });

  it('runs two API replicas that only read and two projectors that run the projections', () => {
    const services = servicesOf(loadCompose(file));
    const api = checkLedgerEnvironment('api', environmentOf(services['api']!)).config;
    const projector = checkLedgerEnvironment('projector', environmentOf(services['projector']!));
    expect(api?.runProjector).toBe(false);
    expect(projector.config?.redisUrl).toBe(api?.redisUrl);
    expect(projector.config?.eventStoreUrl).toBe(api?.eventStoreUrl);
    expect(asArray(services['projector']!['command'])).toEqual([
      'node',
      'dist/apps/projector/src/main.js',
    ]);
    expect(existsSync(join(REPO, 'apps/projector/src/main.ts'))).toBe(true);
  });

  it('takes secrets from infra/.env: with none set the ledger refuses to start', () => {
    const raw = servicesOf(readYaml(file)[0]!);
    expect(environmentOf(raw['api']!)['LEDGER_AUTH_SECRET']).toMatch(
      /^\$\{LEDGER_AUTH_SECRET:-\}$/,
    );
    const blank = { POSTGRES_PASSWORD: 'x' };
    const api = servicesOf(loadCompose(file, blank))['api']!;
    expect(checkLedgerEnvironment('api', environmentOf(api)).problems).toEqual([
      expect.stringMatching(/^api: LEDGER_AUTH_SECRET: /),
    ]);
  });

  it('keeps Redis on an append-only file with nothing evicted', () => {
    const redis = servicesOf(loadCompose(file))['redis']!;
    const command = asArray(redis['command']).join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(asArray(redis['volumes'])).toContain('redis-data:/data');
  });

  it('proxies to the api service on the port the API listens on', () => {
    const services = servicesOf(loadCompose(file));
    const conf = readText('infra/nginx/ledger.conf');
    const upstream = /set \$ledger_api http:\/\/([a-z-]+):(\d+);/.exec(conf);
    expect(upstream?.[1]).toBe('api');
    const config = checkLedgerEnvironment('api', environmentOf(services['api']!)).config;
    expect(Number(upstream?.[2])).toBe(config?.port);
    expect(conf).toContain('proxy_pass $ledger_api;');
  });
});

describe('infra/docker-compose.yml (EventStoreDB cluster)', () => {
  const services = servicesOf(loadCompose('infra/docker-compose.yml'));
  const nodes = ['node1', 'node2', 'node3'];

  it('runs three nodes, each seeded with the other two, in clearly marked development mode', () => {
    for (const node of nodes) {
      const env = environmentOf(services[node]!);
      expect(services[node]!['image']).toBe('eventstore/eventstore:24.10');
      expect(env['EVENTSTORE_CLUSTER_SIZE']).toBe('3');
      expect(env['EVENTSTORE_GOSSIP_SEED']?.split(',').sort()).toEqual(
        nodes.filter((n) => n !== node).map((n) => `${n}:2113`),
      );
      expect(env['EVENTSTORE_INSECURE']).toBe('true');
    }
    expect(readText('infra/docker-compose.yml')).toMatch(/DEVELOPMENT ONLY[^\n]*\n[^\n]*INSECURE/);
  });

  it('connects the ledger to all three nodes without TLS (the insecure development cluster)', () => {
    expect(environmentOf(services['api']!)['EVENT_STORE_URL']).toBe(
      'esdb://node1:2113,node2:2113,node3:2113?tls=false',
    );
  });
});

describe('infra/docker-compose.postgres.yml', () => {
  it('requires POSTGRES_PASSWORD and keeps the data on a volume', () => {
    expect(() => loadCompose('infra/docker-compose.postgres.yml', {})).toThrow(
      /required variable POSTGRES_PASSWORD/,
    );
    const services = servicesOf(loadCompose('infra/docker-compose.postgres.yml'));
    expect(services['postgres']!['image']).toBe('postgres:15');
    expect(asArray(services['postgres']!['volumes'])).toContain(
      'postgres-data:/var/lib/postgresql/data',
    );
    expect(environmentOf(services['api']!)['EVENT_STORE_URL']).toMatch(
      /^postgres:\/\/ledger:[^@]+@postgres:5432\/ledger$/,
    );
  });
});

describe('the compose checks catch broken files', () => {
  const broken = (): JsonObject => structuredClone(loadCompose('infra/docker-compose.yml'));

  it('the schema refuses a misspelt key', () => {
    const compose = broken();
    const api = servicesOf(compose)['api']!;
    api['healtcheck'] = api['healthcheck']!;
    delete api['healthcheck'];
    expect(validateCompose(compose)).toBe(false);
    expect(validateCompose.errors?.[0]?.params).toEqual({ additionalProperty: 'healtcheck' });
  });

  it('the rules name a missing dependency, an unknown or bad variable, a loose image, a wrong count and a route that does not exist', () => {
    const compose = broken();
    const services = servicesOf(compose);
    const api = services['api']!;
    asObject(api['depends_on'])['postgres'] = { condition: 'service_healthy' };
    asObject(api['environment'])['LEDGER_PROJECTON_LEASE_MS'] = '15000';
    asObject(api['environment'])['REDIS_UR'] = 'redis://redis:6379';
    asObject(services['projector']!['environment'])['LEDGER_PROJECTION_LEASE_MS'] = '15s';
    asObject(services['projector']!['environment'])['REDIS_URL'] = 'redis://cache:6379';
    services['redis']!['image'] = 'redis';
    asObject(services['projector']!['deploy'])['replicas'] = 1;
    asObject(api['healthcheck'])['test'] = ['CMD', 'node', 'x', 'http://127.0.0.1:3000/healthz'];
    expect(composeProblems(compose)).toEqual([
      'redis: image redis is not pinned by tag',
      'api: depends on postgres, which is not a service',
      'api: healthcheck asks for /healthz, not a route',
      'api: REDIS_UR is not a variable the ledger reads',
      expect.stringMatching(/^api: LEDGER_PROJECTON_LEASE_MS: unknown variable/),
      expect.stringMatching(/^projector: LEDGER_PROJECTION_LEASE_MS: expected a whole number/),
      'projector: deploy.replicas is 1, not 2',
      'projector: REDIS_URL names cache, which is not a service',
    ]);
  });

  it('the rules refuse a stop grace period shorter than the shutdown timeout', () => {
    const compose = broken();
    servicesOf(compose)['projector']!['stop_grace_period'] = '10s';
    expect(composeProblems(compose)).toEqual([
      'projector: stop_grace_period must exceed LEDGER_SHUTDOWN_TIMEOUT_MS',
    ]);
  });
});
