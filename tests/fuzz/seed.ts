import fc from 'fast-check';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { streamEvents } from '../fixtures/ledger-api.js';
import type { TestApi } from '../support/test-app.js';
import { BAD_GSS_CODES } from './json-text.js';
import { validBody } from './valid-bodies.js';

/** What the seeded ledger holds, so paths can name things that exist as well as things that do not. */
export interface Seeded {
  readonly gss: readonly string[];
  readonly engagementIds: readonly string[];
  readonly eventIds: readonly string[];
  readonly snapshotIds: readonly string[];
  readonly personIds: readonly string[];
}

const { camden, manchester } = COUNCILS;

/** Two councils with one engagement of each kind, and one snapshot. */
export async function seedLedger(api: TestApi): Promise<Seeded> {
  await registerCouncils(api, [camden, manchester]);
  const admin = await api.token('admin', { sub: 'seed-admin' });
  const starts: [string, Record<string, unknown>][] = [
    ['risk-signals', { signalId: 'rs-1' }],
    ['peer-challenges', { peerChallengeId: 'pc-1' }],
    ['change-of-control-offers', { offerId: 'coc-1' }],
    ['mentoring', { mentoringId: 'mt-1' }],
    ['productivity-engagements', { engagementId: 'pe-1' }],
  ];
  for (const [route, id] of starts) {
    const body = { ...validBody(`/councils/{gss}/${route}`), ...id };
    const response = await api.request('POST', `/councils/${camden.gss}/${route}`, {
      token: admin,
      body,
    });
    if (response.status !== 201)
      throw new Error(
        `seeding ${route} answered ${response.status}: ${JSON.stringify(response.body)}`,
      );
  }
  const person = await api.request('PUT', '/people/person-1', {
    token: admin,
    body: validBody('/people/{id}'),
  });
  if (person.status !== 201) throw new Error(`seeding a person answered ${person.status}`);
  const snapshot = await api.request('POST', '/snapshots', {
    token: admin,
    body: validBody('/snapshots'),
  });
  if (snapshot.status !== 201) throw new Error(`seeding a snapshot answered ${snapshot.status}`);
  return {
    gss: [camden.gss, manchester.gss],
    engagementIds: starts.map(([, id]) => Object.values(id)[0] as string),
    eventIds: (await streamEvents(api, camden.gss)).map((event) => event.eventId),
    snapshotIds: [snapshot.body.id as string],
    personIds: ['person-1'],
  };
}

const BAD_IDS = [
  'bad%20id',
  'caf%C3%A9',
  'a*b',
  'a%2Fb',
  '%00',
  '..',
  '%2e%2e',
  'x'.repeat(101),
  '__proto__',
  'constructor',
];

/** A concrete path for a route template: mostly things that exist, sometimes not, sometimes garbage. */
export function pathFor(template: string, seeded: Seeded): fc.Arbitrary<string> {
  const gss = fc.oneof(
    { arbitrary: fc.constantFrom(...seeded.gss), weight: 6 },
    { arbitrary: fc.constantFrom('E06000001', 'E09000033'), weight: 1 },
    {
      arbitrary: fc.constantFrom(...BAD_GSS_CODES.map(encodeURIComponent), '__proto__'),
      weight: 1,
    },
  );
  const known = template.includes('/events/')
    ? seeded.eventIds
    : template.startsWith('/snapshots')
      ? seeded.snapshotIds
      : template.startsWith('/people')
        ? seeded.personIds
        : seeded.engagementIds;
  const id = fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 6 },
    { arbitrary: fc.uuid().map(String), weight: 1 },
    { arbitrary: fc.constantFrom(...BAD_IDS), weight: 1 },
  );
  const projection = fc.constantFrom('council-summaries', 'take-up', '__proto__', 'x%00');
  return fc
    .record({
      gss,
      id,
      eventId: fc.oneof(fc.constantFrom(...seeded.eventIds), fc.constantFrom(...BAD_IDS)),
      projection,
    })
    .map((parts) =>
      template
        .replace('{gss}', parts.gss)
        .replace('{id}', parts.id)
        .replace('{projection}', parts.projection)
        .replace('{eventId}', parts.eventId),
    );
}
