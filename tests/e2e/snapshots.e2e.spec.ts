import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { sha256Hex } from '#ledger';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi, type TestResponse } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { expectErrorBody } from '../fixtures/ledger-api.js';

const { manchester, leeds, newcastle } = COUNCILS;
type Row = Record<string, string>;

/**
 * Snapshots are folded from the events (AsOfLedger), never from read models, so this suite
 * runs without a projector. The clock is moved to say when each entry was recorded.
 */
describe('board snapshots (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let admin: string;
  let manager: string;
  let board: string;
  let first: TestResponse;

  const at = (instant: string) => api.clock.set(new Date(instant));
  async function write(path: string, body: unknown): Promise<void> {
    const response = await api.request('POST', path, { token: admin, body });
    if (response.status !== 201) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
  }
  const deliverPeerChallenge = (gss: string, id: string, occurredAt: string) =>
    write(`/councils/${gss}/peer-challenges/${id}/delivery`, {
      occurredAt,
      onSiteFrom: occurredAt,
      onSiteTo: occurredAt,
      peers: 4,
      kind: 'corporate',
    });
  const snapshot = (body: unknown, token = manager, headers?: Record<string, string>) =>
    api.request('POST', '/snapshots', { token, body, ...(headers ? { headers } : {}) });
  const verify = (id: string) => api.request('POST', `/snapshots/${id}/verify`, { token: manager });
  const csv = async (path: string): Promise<Row[]> => {
    const response = await api.request('GET', path, { token: board });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    return parse(response.body as string, { columns: true }) as Row[];
  };
  const num = (cell: string | undefined) =>
    cell === '' || cell === undefined ? null : Number(cell);

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    admin = await api.token('admin');
    manager = await api.token('manager');
    board = await api.token('board');
    at('2019-07-01T09:00:00Z');
    await registerCouncils(api, [manchester, leeds, newcastle]);
    await write(`/councils/${manchester.gss}/annual-conversations`, {
      conversationId: 'ac-1',
      occurredAt: '2019-06-12',
      adviserId: 'pa-1',
      topics: ['finance'],
      supportAgreed: [],
    });
    await write(`/councils/${leeds.gss}/offer-deliveries`, {
      deliveryId: 'od-1',
      occurredAt: '2019-05-10',
      offerCode: 'be-a-councillor',
      participants: 12,
    });
    at('2019-10-02T09:00:00Z');
    await deliverPeerChallenge(manchester.gss, 'pc-1', '2019-07-05');
    await write(`/councils/${newcastle.gss}/risk-signals`, {
      signalId: 'rs-1',
      occurredAt: '2019-09-01',
      kind: 'section_114_notice',
      severity: 'critical',
      evidence: 'section 114 notice issued',
    });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('stores a quarterly report at the head, once, and verify recomputes the same hash', async () => {
    at('2019-10-10T10:00:00Z');
    const head = await store.store.headPosition();
    first = await snapshot({ kind: 'quarterly-report', params: { fy: 2019, quarter: 2 } });
    expect(first.status).toBe(201);
    const { id } = first.body;
    expect(first.headers.get('location')).toBe(`/snapshots/${id}`);
    // The report date defaults to the quarter end (earlier than today) and is stored.
    expect(first.body).toMatchObject({
      kind: 'quarterly-report',
      params: { fy: 2019, quarter: 2, date: '2019-09-30' },
      position: String(head),
      createdBy: 'manager-1',
      createdAt: '2019-10-10T10:00:00.000Z',
    });
    expect(first.body.sha256).toBe(sha256Hex(first.body.document));
    expect(first.body.document.trend[0].engagements).toBe(2);

    const stored = await store.store.readStream(`snapshot-${id}`);
    expect(stored.map((e) => [e.type, e.revision])).toEqual([['SnapshotCreated', 0n]]);
    const [indexed] = await store.store.readStream('snapshots');
    expect(indexed?.type).toBe('SnapshotIndexed');
    expect(indexed?.data).not.toHaveProperty('document');
    expect((await api.request('GET', `/snapshots/${id}`, { token: board })).body).toEqual(
      first.body,
    );

    at('2020-03-15T12:00:00Z');
    expect((await verify(id)).body).toEqual({
      id,
      sha256: first.body.sha256,
      recomputedSha256: first.body.sha256,
      storedDocumentSha256: first.body.sha256,
      matches: true,
    });
  });

  it('still verifies after a back-dated entry, which a new snapshot counts in Q1', async () => {
    at('2019-11-20T10:00:00Z');
    await deliverPeerChallenge(leeds.gss, 'pc-2', '2019-06-20');
    expect((await verify(first.body.id)).body.matches).toBe(true);

    const again = await snapshot({ kind: 'quarterly-report', params: { fy: 2019, quarter: 2 } });
    expect(again.status).toBe(201);
    expect(again.body.sha256).not.toBe(first.body.sha256);
    expect(again.body.document.trend[0].engagements).toBe(3);
    expect(again.body.document.yearToDate.total.engagements).toBe(
      first.body.document.yearToDate.total.engagements + 1,
    );
    expect(again.body.document.quarter).toEqual(first.body.document.quarter);

    // What was known on 10 October is the first snapshot's cut, to the byte.
    for (const cut of [{ asKnownAt: '2019-10-10' }, { position: first.body.position }]) {
      const known = await snapshot({
        kind: 'quarterly-report',
        params: { fy: 2019, quarter: 2 },
        ...cut,
      });
      expect(known.status).toBe(201);
      expect(known.body).toMatchObject({
        position: first.body.position,
        sha256: first.body.sha256,
      });
    }
  });

  it('lists newest first and exports the tables as CSV with the same numbers', async () => {
    const list = await api.request('GET', '/snapshots', { token: board });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(4);
    expect(list.body.at(-1)).toEqual({ ...first.body, document: undefined });
    expect(list.body[0].createdAt >= list.body.at(-1).createdAt).toBe(true);

    const { id, document } = first.body;
    const all = await csv(`/snapshots/${id}?format=csv`);
    const trend = all.filter((row) => row['table'] === 'trend');
    expect(trend.map((row) => num(row['engagements']))).toEqual(
      document.trend.map((point: { engagements: number | null }) => point.engagements),
    );
    const targets = await csv(`/snapshots/${id}?format=csv&table=targets`);
    expect(targets.map((row) => [row['code'], num(row['actual']), num(row['threshold'])])).toEqual(
      document.targets.map((t: { code: string; actual: number | null; threshold: number }) => [
        t.code,
        t.actual,
        t.threshold,
      ]),
    );
    expect(Object.keys(targets[0]!)).not.toContain('table');
    expect(all.filter((row) => row['table'] === 'targets')).toHaveLength(targets.length);

    const takeUp = await snapshot({ kind: 'take-up', params: { fy: 2019, groupBy: ['region'] } });
    expect(takeUp.status).toBe(201);
    expect(takeUp.body.params).toEqual({ fy: 2019, groupBy: ['region'], lowBelow: 1 });
    const rows = await csv(`/snapshots/${takeUp.body.id}?format=csv&table=take-up`);
    const { total, rows: groups } = takeUp.body.document;
    expect(
      rows.map((r) => [r['row'], r['region'], num(r['engagements']), num(r['participants'])]),
    ).toEqual([
      ['total', '', total.engagements, total.participants],
      ...groups.map(
        (g: { group: { region: string }; engagements: number; participants: number }) => [
          'group',
          g.group.region,
          g.engagements,
          g.participants,
        ],
      ),
    ]);
    expect(total.participants).toBe(12);
  });

  it('renders a quarterly report snapshot as HTML, traced to its hash', async () => {
    const page = await api.request('GET', `/snapshots/${first.body.id}/report.html`, {
      token: board,
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(first.body.sha256);
    const risk = await snapshot({ kind: 'risk-list', params: {} });
    expect(risk.body.params).toEqual({ date: '2019-11-20' });
    const none = await api.request('GET', `/snapshots/${risk.body.id}/report.html`, {
      token: board,
    });
    expectErrorBody(none, { status: 404, code: 'resource_not_found' });
  });

  it('returns the first snapshot for a replayed Idempotency-Key, and writes nothing', async () => {
    const headers = { 'idempotency-key': 'board-2019-q2' };
    const made = await snapshot({ kind: 'targets', params: { fy: 2019 } }, manager, headers);
    expect(made.status).toBe(201);
    expect(made.body.params).toEqual({ fy: 2019, date: '2019-11-20' });
    const head = await store.store.headPosition();
    const replay = await snapshot({ kind: 'targets', params: { fy: 2019 } }, manager, headers);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(made.body);
    expect(await store.store.headPosition()).toBe(head);
  });
});
