import { expect, it } from '@jest/globals';
import type { TestApi, TestResponse } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';

const { manchester, leeds, newcastle } = COUNCILS;

/** Polls a query until the read models have caught up with a write, as a client would. */
export async function queryAfter(
  api: TestApi,
  token: string,
  path: string,
  position: string,
): Promise<TestResponse> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await api.request('GET', path, { token });
    const reflected = response.headers.get('x-ledger-position');
    if (response.status === 200 && reflected !== null && BigInt(reflected) >= BigInt(position))
      return response;
    if (Date.now() > deadline)
      throw new Error(`${path} never reached ${position}: ${response.status} ${reflected}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function write(api: TestApi, token: string, path: string, body: unknown): Promise<string> {
  const response = await api.request('POST', path, { token, body });
  if (response.status !== 201)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.position as string;
}

/** From HTTP writes to HTTP queries, through the projector: the same scenario on every backend. */
export function readSideScenario(api: () => TestApi): void {
  let admin: string;
  let manager: string;
  let last: string;

  it('projects writes into every view', async () => {
    admin = await api().token('admin');
    manager = await api().token('manager');
    await registerCouncils(api(), [manchester, leeds, newcastle]);
    await write(api(), admin, `/councils/${manchester.gss}/political-control`, {
      occurredAt: '2018-05-04',
      control: 'Labour',
    });
    await write(api(), admin, `/councils/${leeds.gss}/political-control`, {
      occurredAt: '2018-05-04',
      control: 'Labour',
    });
    await write(api(), admin, `/councils/${manchester.gss}/annual-conversations`, {
      conversationId: 'ac-1',
      occurredAt: '2019-06-12',
      adviserId: 'pa-1',
      topics: ['finance'],
      supportAgreed: [],
    });
    await write(api(), admin, `/councils/${manchester.gss}/peer-challenges/pc-1/delivery`, {
      occurredAt: '2019-07-05',
      onSiteFrom: '2019-07-01',
      onSiteTo: '2019-07-05',
      peers: 5,
      kind: 'corporate',
    });
    await write(api(), admin, `/councils/${leeds.gss}/offer-deliveries`, {
      deliveryId: 'od-1',
      occurredAt: '2019-10-01',
      offerCode: 'be-a-councillor',
      participants: 12,
    });
    last = await write(api(), admin, `/councils/${newcastle.gss}/risk-signals`, {
      signalId: 'rs-1',
      occurredAt: '2019-11-01',
      kind: 'section_114_notice',
      severity: 'critical',
      evidence: 'section 114 notice issued',
    });

    const summary = await queryAfter(api(), manager, `/councils/${manchester.gss}`, last);
    expect(summary.body).toMatchObject({ gss: manchester.gss, name: manchester.name });
    expect(JSON.stringify(summary.body)).toContain('2019-06-12');

    const takeUp = await queryAfter(
      api(),
      manager,
      '/take-up?fy=2019&groupBy=region,control',
      last,
    );
    expect(takeUp.body.total.engagements).toBe(3);
    expect(takeUp.body.total.participants).toBe(12);
    const northWest = takeUp.body.rows.find(
      (r: { group: { region: string } }) => r.group.region === 'North West',
    );
    expect(northWest).toMatchObject({
      group: { region: 'North West', control: 'Labour' },
      engagements: 2,
      councils: 1,
    });

    const risk = await queryAfter(api(), manager, '/intervention-risk?date=2020-03-01', last);
    const newcastleRisk = risk.body.councils.find((c: { gss: string }) => c.gss === newcastle.gss);
    expect(newcastleRisk.tier).toBe('bespoke');
    expect(newcastleRisk.reasons.map((r: { code: string }) => r.code)).toContain(
      'section-114-notice',
    );

    const coverage = await queryAfter(
      api(),
      manager,
      '/peer-challenge-coverage?date=2020-03-01',
      last,
    );
    expect(JSON.stringify(coverage.body)).toContain(leeds.gss);

    const targets = await queryAfter(api(), manager, '/targets?fy=2019&date=2020-03-01', last);
    const peerChallenges = targets.body.targets.find((t: { code: string }) => t.code === '8.1');
    expect(peerChallenges).toMatchObject({ unit: 'engagements', actual: 1 });
  });

  it('re-attributes engagements when a control change is back-dated', async () => {
    const position = await write(api(), admin, `/councils/${manchester.gss}/political-control`, {
      occurredAt: '2019-05-03',
      control: 'No overall control',
    });
    const takeUp = await queryAfter(
      api(),
      manager,
      '/take-up?fy=2019&region=North%20West&groupBy=control',
      position,
    );
    // Manchester was Labour for April 2019, then No overall control: both groups list it as
    // eligible, and its two engagements (June, July) now count under the new control.
    const byControl = Object.fromEntries(
      takeUp.body.rows.map((r: { group: { control: string }; engagements: number }) => [
        r.group.control,
        r.engagements,
      ]),
    );
    expect(byControl).toEqual({ Labour: 0, 'No overall control': 2 });
  });

  it('opens a change-of-control case through the reactor', async () => {
    const deadline = Date.now() + 20_000;
    let offers: unknown[] = [];
    while (Date.now() < deadline) {
      const tracker = await api().request('GET', '/change-of-control?fy=2019', { token: manager });
      const row = tracker.body?.rows?.find((r: { gss: string }) => r.gss === manchester.gss);
      offers = row?.offers ?? [];
      if (offers.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(offers).toEqual([
      expect.objectContaining({ trigger: 'control', status: 'offered', offeredOn: '2019-05-03' }),
    ]);
  });

  it('reports each projection live, and refuses board readers and bad parameters', async () => {
    const status = await api().request('GET', '/projections', { token: manager });
    expect(status.status).toBe(200);
    expect(status.body.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['council-summary', 'take-up', 'reactor-change-of-control']),
    );
    const board = await api().token('board');
    expect((await api().request('GET', '/take-up?fy=2019', { token: board })).status).toBe(403);
    const bad = await api().request('GET', '/take-up?fy=2019&groupBy=colour', { token: manager });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('groupBy');
    expect((await api().request('GET', '/councils/E99999999', { token: manager })).status).toBe(
      404,
    );
  });
}
