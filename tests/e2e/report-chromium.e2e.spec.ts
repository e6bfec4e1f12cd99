import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuthorityType,
  type CouncilEventType,
  type EventOf,
  type Region,
  catalogueOf,
  councilStreamName,
  parseCatalogue,
  parseTargets,
} from '#domain';
import { renderQuarterlyReportHtml } from '#ledger';
import {
  COUNCIL_PROJECTIONS,
  type CouncilDocs,
  type ProjectedDocument,
  type ProjectedEvent,
  type Projection,
  applyOnce,
  parseRiskRules,
  quarterlyReport,
} from '#projections';
import { type Browser, type Page, chromium } from 'playwright-core';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { type TestStore, postgresTestStore } from '../support/stores.js';
import { type TestApi, startTestApi } from '../support/test-app.js';

// Debian's chromium, as .ci/run installs it; the flags keep it off the network and quiet.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = `--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync`.split(/\s+/);
/** Bars (vega draws rect marks as paths) each chart must show at least. */
const MIN_BARS = { 'chart-region': 4, 'chart-targets': 5, 'chart-trend': 2 } as const;
const json = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const [catalogueJson, targetsJson] = ['catalogue', 'targets'].map((kind) =>
  json(`libs/domain/reference-data/${kind}/2019-20.json`),
);
const catalogue = catalogueOf([parseCatalogue(2019, catalogueJson)]);
const targets = parseTargets(2019, targetsJson, catalogue);
const rules = parseRiskRules(json('libs/projections/reference-data/risk-rules/v1.json'));
type Data<T extends CouncilEventType> = Omit<EventOf<T>['data'], 'gss' | 'occurredAt'>;
const ev = <T extends CouncilEventType>(type: T, gss: string, on: string, data: Data<T>) =>
  ({ type, data: { gss, occurredAt: on, ...data } }) as unknown as EventOf<T>;
const LIFE = { validFrom: null, validTo: null };
const register = (gss: string, name: string, region: Region, authorityType: AuthorityType) =>
  ev('CouncilRegistered', gss, '2010-01-01', { name, region, authorityType, ...LIFE });
const delivered = (gss: string, on: string, id: string, offerCode: string, participants: number) =>
  ev('OfferDelivered', gss, on, { deliveryId: id, offerCode, participants });

/** Hand-made ledger: three regions, a change of control, deliveries in Q1 and Q2. */
const [BRISTOL, LEEDS, HACKNEY] = ['E06000023', 'E08000035', 'E09000012'];
const EVENTS = [
  register(BRISTOL, 'Bristol City Council', 'South West', 'unitary'),
  register(LEEDS, 'Leeds City Council', 'Yorkshire and the Humber', 'metropolitan_district'),
  register(HACKNEY, 'Hackney <&> Council', 'London', 'london_borough'),
  ev('PoliticalControlChanged', BRISTOL, '2016-05-06', { control: 'Labour' }),
  ev('PoliticalControlChanged', BRISTOL, '2019-05-03', { control: 'No overall control' }),
  delivered(BRISTOL, '2019-05-20', 'd1', 'leadership-academy', 12),
  delivered(BRISTOL, '2019-08-20', 'd2', 'be-a-councillor', 0),
  delivered(LEEDS, '2019-06-03', 'd3', 'ignite', 3),
  delivered(LEEDS, '2019-09-03', 'd4', 'next-generation', 8),
  delivered(HACKNEY, '2019-07-15', 'd5', 'be-a-councillor', 0),
];
const DOC_NAMES =
  'summaries takeUp changeOfControl peerChallenges annualConversations riskSignals'.split(' ');

/** The six council projections folded as the runner folds them (in COUNCIL_PROJECTIONS order). */
function docsOf(): CouncilDocs {
  const events: ProjectedEvent[] = EVENTS.map((event, index) => ({
    ...event,
    eventId: `e${index + 1}`,
    streamName: councilStreamName(event.data.gss),
    position: BigInt(index + 1),
    recordedAt: '',
    recordedBy: 'e2e',
  }));
  const fold = <Doc extends ProjectedDocument>(projection: Projection<Doc>) => {
    const docs = new Map<string, Doc>();
    for (const event of events) {
      const id = projection.documentId(event);
      const next = id === null ? null : applyOnce(projection, docs.get(id) ?? null, event);
      if (id !== null && next !== null) docs.set(id, next);
    }
    return docs;
  };
  const projections: readonly Projection<ProjectedDocument>[] = COUNCIL_PROJECTIONS(catalogue);
  return Object.fromEntries(
    projections.map((projection, index) => [DOC_NAMES[index], fold(projection)]),
  ) as unknown as CouncilDocs;
}

/** Width and height from the IHDR chunk, which always follows the 8-byte PNG signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: this suite needs Debian's chromium. .ci/run installs it ` +
        '(apt-get update && apt-get install -y chromium); install it the same way to run locally.',
    );
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
afterAll(async () => {
  await browser?.close();
});

/** A served report page: where it is, what to send, and what its footer must name. */
type Served = { url: string; headers: Record<string, string>; trace: string[]; close(): unknown };

async function expectChartsDrawn(page: Page): Promise<void> {
  expect(await page.locator('figure svg').count()).toBe(3);
  const blank = await browser.newPage();
  await blank.setContent('<body style="margin:0;background:#fff"></body>');
  for (const [id, bars] of Object.entries(MIN_BARS)) {
    const chart = page.locator(`figure#${id} svg`);
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(100);
    expect(await chart.locator('.mark-rect path').count()).toBeGreaterThanOrEqual(bars);
    // A blank box of the same size compresses to almost nothing; a drawn chart does not.
    const shot = await chart.screenshot();
    const size = pngSize(shot);
    await blank.setViewportSize(size);
    expect(shot.length).toBeGreaterThan((await blank.screenshot()).length * 3);
  }
  await blank.close();
}

/** The same checks whichever way the page is served. */
function printableReportSuite(title: string, serve: () => Promise<Served>): void {
  describe(title, () => {
    let served: Served;
    let page: Page;
    const requested: string[] = [];
    let status: number | undefined;

    beforeAll(async () => {
      served = await serve();
      page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.setExtraHTTPHeaders(served.headers);
      page.on('request', (request) => requested.push(request.url()));
      status = (await page.goto(served.url, { waitUntil: 'load' }))?.status();
    });
    afterAll(async () => {
      await page?.close();
      await served?.close();
    });

    it('loads the page and nothing else, traced in its footer', async () => {
      expect(status).toBe(200);
      expect(await page.title()).toBe('Quarterly performance report: Q2 2019/20');
      expect(requested).toEqual([served.url]);
      const footer = await page.locator('footer').innerText();
      for (const value of served.trace) expect(footer).toContain(value);
    });

    it('shows three charts, each visible, sized and drawn with bars', () =>
      expectChartsDrawn(page));

    it('takes a full-page screenshot taller than the window', async () => {
      const png = await page.screenshot({ fullPage: true });
      const name = `quarterly-report-${title.replace(/\W+/g, '-')}-${process.pid}.png`;
      writeFileSync(join(tmpdir(), name), png);
      const { width, height } = pngSize(png);
      expect(width).toBe(1000);
      expect(height).toBeGreaterThan(800);
      expect(png.length).toBeGreaterThan(50_000);
    });

    it('prints to a PDF of several pages', async () => {
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThanOrEqual(4);
    });
  });
}

printableReportSuite('report in Chromium: rendered HTML on a plain server', async () => {
  const meta = {
    snapshotId: 'e2e-snapshot',
    position: '14',
    sha256: 'f'.repeat(64),
    createdAt: '2019-10-20T10:00:00.000Z',
    createdBy: 'e2e-manager',
  };
  const [fy, quarter, asOfDate, docs] = [2019, 2, '2019-10-20', docsOf()] as const;
  const report = quarterlyReport({ fy, quarter, asOfDate, docs, targets, rules, catalogue });
  const html = await renderQuarterlyReportHtml(report, meta);
  expect(html).toContain('Hackney &lt;&amp;&gt; Council');
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/report.html`,
    headers: {},
    trace: Object.values(meta),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
});

printableReportSuite('report in Chromium: GET /snapshots/{id}/report.html', async () => {
  const store: TestStore = await postgresTestStore();
  const api: TestApi = await startTestApi(store.store);
  const admin = await api.token('admin');
  const { manchester, leeds, camden } = COUNCILS;
  await registerCouncils(api, [manchester, leeds, camden]);
  const offers = [
    [manchester.gss, '2019-05-10', 'be-a-councillor', 0],
    [leeds.gss, '2019-06-03', 'ignite', 3],
    [leeds.gss, '2019-08-03', 'next-generation', 8],
    [camden.gss, '2019-09-03', 'leadership-academy', 12],
  ] as const;
  for (const [gss, occurredAt, offerCode, participants] of offers) {
    const body = { deliveryId: `${offerCode}-${gss}`, occurredAt, offerCode, participants };
    const path = `/councils/${gss}/offer-deliveries`;
    expect((await api.request('POST', path, { token: admin, body })).status).toBe(201);
  }
  const created = await api.request('POST', '/snapshots', {
    token: await api.token('manager'),
    body: { kind: 'quarterly-report', params: { fy: 2019, quarter: 2 } },
  });
  expect(created.status).toBe(201);
  const { id, sha256, position, createdBy } = created.body as Record<string, string | undefined>;
  return {
    url: `${api.url}/snapshots/${id}/report.html`,
    headers: { Authorization: `Bearer ${await api.token('board')}` },
    trace: [id, sha256, position, createdBy].map(String),
    async close() {
      await api.close();
      await store.teardown();
    },
  };
});
