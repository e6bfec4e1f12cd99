import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Redis } from 'ioredis';
import { PostgresEventStore } from '#event-store';
import { COUNCIL_PROJECTIONS, type Projection, RedisReadModelStore } from '#projections';
import { CHANGE_OF_CONTROL_REACTOR, issueDevelopmentToken } from '#ledger';
import { scanPostgresSchema } from '../support/personal-data-scan-stores.js';
import { databaseUrl, redisUrl, requireService } from '../support/services.js';
import { deleteKeys } from '../support/redis-store.js';
import { buildDist, type Child } from '../support/child-processes.js';
import { COUNCILS, registrationBody } from '../fixtures/councils.js';
import { CommandStream, registerCouncils } from './cluster-commands.js';
import { API_MAIN, Cluster, PROJECTOR_MAIN } from './cluster-processes.js';
import {
  checkpoints,
  cleanFold,
  eventually,
  leaseHolders,
  watchTakeover,
} from './cluster-support.js';
import { ledgerCatalogue } from '../support/ledger-catalogue.js';

/**
 * Two API and two projector processes, run from dist, over one PostgreSQL
 * schema and one Redis prefix. The projector holding every lease is SIGKILLed
 * while both APIs keep writing; the standby must take each lease within the
 * lease time, and the read models must end equal to a clean rebuild, with one
 * change-of-control offer per change.
 */
const LEASE_MS = 3_000;
/**
 * A killed holder's lease lives at most LEASE_MS after its last renewal and a
 * standby retries every LEASE_MS / 3, so it holds the lease at most
 * LEASE_MS + LEASE_MS / 3 after the kill. The second of slack is for the
 * standby's timers and Redis round trips on a loaded two-core machine (the
 * test's own polling lag is taken out, see watchTakeover).
 */
const TAKEOVER_BOUND_MS = LEASE_MS + LEASE_MS / 3 + 1_000;
const SECRET = `cluster-${randomBytes(16).toString('hex')}`;
const PERMANENT = Object.values(COUNCILS).filter((c) => c.validFrom === null && c.validTo === null);
const GSS = PERMANENT.map((council) => council.gss);
const INITIAL_CONTROL = 'Labour';

interface StatusView {
  readonly name: string;
  readonly state: string;
  readonly checkpoint: string;
  readonly head: string;
  readonly deadLetters: number;
}

interface EventView {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly causationId?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two API and two projector processes: the standby takes over a killed projector', () => {
  const prefix = `ledger-cluster-${randomBytes(6).toString('hex')}:`;
  const schema = `cluster_${randomBytes(6).toString('hex')}`;
  const cluster = new Cluster({ schema, prefix, secret: SECRET, leaseMs: LEASE_MS });
  let redis: Redis;
  let eventStore: PostgresEventStore;
  let projections: readonly Projection[];
  let keys: { name: string; version: number }[];
  let active: Child;
  let standby: Child;
  let manager: string;
  let stream: CommandStream;

  const allHeldBy = async (pid: number) => {
    const holders = await leaseHolders(redis, prefix, keys);
    return [...holders.values()].every((holder) => holder?.pid === pid) ? holders : undefined;
  };

  beforeAll(async () => {
    await requireService('PostgreSQL');
    await requireService('Redis');
    const started = performance.now();
    await buildDist();
    const built = performance.now();
    for (const main of [API_MAIN, PROJECTOR_MAIN])
      if (!existsSync(main)) throw new Error(`${main} was not built`);
    redis = new Redis(redisUrl());
    // Creates the schema before any child starts; the clean rebuild reads through it.
    eventStore = await PostgresEventStore.connect({ url: databaseUrl(), schema, poolSize: 2 });
    projections = COUNCIL_PROJECTIONS(await ledgerCatalogue(eventStore));
    keys = [...projections.map(({ name, version }) => ({ name, version }))];
    keys.push({ ...CHANGE_OF_CONTROL_REACTOR });
    const secret = new TextEncoder().encode(SECRET);
    const admin = await issueDevelopmentToken(secret, { subject: 'cluster-admin', role: 'admin' });
    manager = await issueDevelopmentToken(secret, { subject: 'cluster-mgr', role: 'manager' });

    await cluster.startApis(2);
    // One projector first, so that it builds and holds every projection and the reactor.
    active = cluster.startProjector('projector-a');
    await eventually('projector-a holding every lease', 120_000, () => allHeldBy(active.pid));
    const bodies = PERMANENT.map((council) => registrationBody(council, '2016-04-01'));
    await registerCouncils(cluster.apis, admin, bodies, INITIAL_CONTROL);
    standby = cluster.startProjector('projector-b');
    await standby.waitForLine(/projector started/i, 120_000);
    // Its runners start as the context boots; give them a retry round to be standing by.
    await sleep(LEASE_MS / 3 + 500);
    stream = new CommandStream(cluster.apis, GSS, admin, INITIAL_CONTROL);
    const [build, up] = [built - started, performance.now() - built].map(Math.round);
    process.stdout.write(`build ${build} ms, 2 APIs and 2 projectors up in ${up} ms\n`);
  }, 300_000);

  afterAll(async () => {
    await stream?.stop();
    await cluster.stop();
    if (redis) {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
    await eventStore?.close();
    await scanPostgresSchema(databaseUrl(), schema);
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }, 60_000);

  it('hands every lease to the standby within the lease time while both APIs write', async () => {
    stream.start();
    await eventually('commands through both APIs', 30_000, async () =>
      cluster.apis.every((api) => (stream.written.get(api.name) ?? 0) >= 20) ? true : undefined,
    );
    expect(await allHeldBy(active.pid)).toBeDefined();
    expect(standby.running).toBe(true);

    const killedAt = performance.now();
    await active.kill();
    const atKill = await checkpoints(redis, prefix, keys);
    const writtenAtKill = stream.total;
    const processes = { dead: active.pid, survivor: standby.pid, killedAt };
    const { leaseAt, advancedAt } = await watchTakeover(
      redis,
      prefix,
      keys,
      processes,
      LEASE_MS,
      atKill,
    );
    const report = keys.map(
      ({ name }) =>
        `${name}: lease after ${Math.round(leaseAt.get(name)!)} ms, checkpoint past ` +
        `${atKill.get(name)} after ${Math.round(advancedAt.get(name)!)} ms`,
    );
    process.stdout.write(`after SIGKILL of the active projector:\n  ${report.join('\n  ')}\n`);
    const late = keys
      .map(({ name }) => ({ name, ms: Math.round(leaseAt.get(name)!) }))
      .filter(({ ms }) => ms > TAKEOVER_BOUND_MS);
    expect(late).toEqual([]);

    // Writes never wait for a projector: commands kept landing through the takeover.
    await sleep(1_000);
    await stream.stop();
    expect(stream.total).toBeGreaterThan(writtenAtKill);
    expect(stream.failures).toEqual([]);
    expect(standby.running).toBe(true);
  }, 120_000);

  it('catches up to the head, and every read model equals a clean rebuild', async () => {
    const statuses = await eventually(
      'every projection and the reactor at the head',
      60_000,
      async () => {
        const answer = await cluster.apis[0]!.request('GET', '/projections', manager);
        expect(answer.status).toBe(200);
        const all = answer.body as StatusView[];
        const head = String(await eventStore.headPosition());
        const done = all.every((s) => s.state === 'live' && s.checkpoint === head);
        return done && all.every((s) => s.head === head) ? all : undefined;
      },
      200,
    );
    expect(statuses.map((s) => [s.name, s.deadLetters]).sort()).toEqual(
      keys.map((k) => [k.name, 0]).sort(),
    );
    const head = await eventStore.headPosition();

    const memory = await cleanFold(eventStore, projections, head);
    const store = new RedisReadModelStore(redis, prefix);
    for (const { name, version } of projections) {
      const key = { name, version };
      expect({ name, live: await store.liveVersion(name) }).toEqual({ name, live: version });
      expect({ name, at: (await store.checkpoint(key))?.position }).toEqual({ name, at: head });
      const docs = await store.all(key);
      expect({ name, docs }).toEqual({ name, docs: await memory.all(key) });
      expect(docs.size).toBeGreaterThan(0);
    }
    expect(await store.deadLetters()).toEqual([]);
  }, 180_000);

  it('answers every query the same from both APIs, at the head', async () => {
    const paths = [
      ...GSS.map((gss) => `/councils/${gss}`),
      '/take-up?fy=2019&groupBy=region,control',
      '/take-up?fy=2020&groupBy=region,control,membership',
      '/targets?fy=2019&date=2020-03-01',
      '/change-of-control?fy=2019',
      '/change-of-control?fy=2020',
      '/peer-challenge-coverage?date=2020-03-01',
      '/annual-conversation-coverage?fy=2019',
      '/intervention-risk?date=2020-03-01',
    ];
    const head = String(await eventStore.headPosition());
    for (const path of paths) {
      const answers = await Promise.all(
        cluster.apis.map((api) => api.request('GET', path, manager)),
      );
      const seen = answers.map((a) => [a.status, a.headers.get('x-ledger-position')]);
      expect({ path, seen }).toEqual({ path, seen: answers.map(() => [200, head]) });
      expect({ path, body: answers[1]!.body }).toEqual({ path, body: answers[0]!.body });
    }
  }, 60_000);

  it('made exactly one change-of-control offer per change, though the reactor changed hands', async () => {
    let changes = 0;
    for (const gss of GSS) {
      const path = `/councils/${gss}/events?limit=5000`;
      const answer = await cluster.apis[1]!.request('GET', path, manager);
      expect(answer.status).toBe(200);
      const events = answer.body.events as EventView[];
      const triggers = events.filter(
        (e) =>
          (e.type === 'PoliticalControlChanged' || e.type === 'LeaderChanged') &&
          e.occurredAt >= '2019-04-01',
      );
      const offers = events.filter((e) => e.type === 'ChangeOfControlOfferMade');
      changes += triggers.length;
      expect({ gss, causes: offers.map((o) => o.causationId).sort() }).toEqual({
        gss,
        causes: triggers.map((c) => c.eventId).sort(),
      });
    }
    process.stdout.write(
      `${stream.total} commands written, ${changes} changes of control/leader\n`,
    );
    expect(changes).toBeGreaterThan(0);
  }, 60_000);
});
