import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#ledger';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils, registrationBody } from '../fixtures/councils.js';
import { expectErrorBody, postRefused, postWrite, streamEvents } from '../fixtures/ledger-api.js';

interface Caller {
  readonly label: string;
  readonly role: Role;
  readonly patch?: string[];
}

const leeds = COUNCILS.leeds;
const camden = COUNCILS.camden;

/** Who may call what: roles on every route, the adviser's patch in the command handler. */
const CALLERS: readonly (Caller & { interaction: 201 | 403; register: 201 | 403 })[] = [
  {
    label: 'adviser, patch by region',
    role: 'adviser',
    patch: ['Yorkshire and the Humber'],
    interaction: 201,
    register: 403,
  },
  {
    label: 'adviser, patch by GSS code',
    role: 'adviser',
    patch: [leeds.gss],
    interaction: 201,
    register: 403,
  },
  {
    label: 'adviser outside the patch',
    role: 'adviser',
    patch: ['London', camden.gss],
    interaction: 403,
    register: 403,
  },
  { label: 'manager', role: 'manager', interaction: 403, register: 403 },
  { label: 'board', role: 'board', interaction: 403, register: 403 },
  { label: 'admin', role: 'admin', interaction: 201, register: 201 },
];

describe('roles and patches (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;

  const tokenOf = (caller: Caller, sub: string) =>
    api.token(caller.role, { sub, ...(caller.patch ? { patch: caller.patch } : {}) });

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [leeds]);
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  describe('an interaction (POST /councils/:gss/risk-signals on Leeds)', () => {
    it.each(
      CALLERS.map((caller, index) => [caller.label, caller.interaction, caller, index] as const),
    )('%s → %i', async (_label, _status, caller, index) => {
      const sub = `caller-${index}`;
      const request = {
        gss: leeds.gss,
        path: `/councils/${leeds.gss}/risk-signals`,
        token: await tokenOf(caller, sub),
        body: {
          signalId: `rs-role-${index}`,
          occurredAt: '2019-09-01',
          kind: 'other',
          severity: 'low',
          evidence: 'x',
        },
      };
      if (caller.interaction === 403) {
        await postRefused(api, request, { status: 403, code: 'forbidden' });
        return;
      }
      const response = await postWrite(api, request);
      expect(response.status).toBe(201);
      const last = (await streamEvents(api, leeds.gss)).at(-1);
      expect(last).toMatchObject({ type: 'RiskSignalRaised', recordedBy: sub });
    });
  });

  describe('a register fact (POST /councils/:gss/political-control on Leeds)', () => {
    it.each(
      CALLERS.map((caller, index) => [caller.label, caller.register, caller, index] as const),
    )('%s → %i', async (_label, _status, caller, index) => {
      const request = {
        gss: leeds.gss,
        path: `/councils/${leeds.gss}/political-control`,
        token: await tokenOf(caller, `registrar-${index}`),
        body: { occurredAt: '2019-05-03', control: 'Labour' },
      };
      if (caller.register === 403) {
        await postRefused(api, request, { status: 403, code: 'forbidden' });
        return;
      }
      const response = await postWrite(api, request);
      expect(response.status).toBe(201);
    });
  });

  describe('registration (POST /councils for Camden)', () => {
    it.each(
      CALLERS.filter((caller) => caller.register === 403).map(
        (caller) => [caller.label, caller] as const,
      ),
    )('%s → 403, and no stream is created', async (_label, caller) => {
      const response = await api.request('POST', '/councils', {
        token: await tokenOf(caller, 'registrar'),
        body: registrationBody(camden),
      });
      expectErrorBody(response, { status: 403, code: 'forbidden' });
      expect(await streamEvents(api, camden.gss)).toEqual([]);
    });

    it('admin → 201', async () => {
      const response = await api.request('POST', '/councils', {
        token: await api.token('admin'),
        body: registrationBody(camden),
      });
      expect(response.status).toBe(201);
    });
  });

  describe('reading a stream (GET /councils/:gss/events)', () => {
    it.each([
      ['adviser', 200, ['Yorkshire and the Humber']],
      ['manager', 200, undefined],
      ['admin', 200, undefined],
      ['board', 403, undefined],
    ] as const)('%s → %i', async (role, status, patch) => {
      const token = await api.token(role, patch ? { patch: [...patch] } : {});
      const response = await api.request('GET', `/councils/${leeds.gss}/events`, { token });
      expect(response.status).toBe(status);
      if (status === 200)
        expect(response.body.events[0]).toMatchObject({ type: 'CouncilRegistered' });
      else expectErrorBody(response, { status, code: 'forbidden' });
    });

    it('no token → 401', async () => {
      const response = await api.request('GET', `/councils/${leeds.gss}/events`);
      expectErrorBody(response, { status: 401, code: 'unauthenticated' });
    });
  });

  describe('register facts stay admin-only through corrections and retractions', () => {
    const adviserPatch = { patch: ['Yorkshire and the Humber'] };

    it('an adviser in the patch may not retract a change of political control', async () => {
      const control = (await streamEvents(api, leeds.gss)).find(
        (e) => e.type === 'PoliticalControlChanged',
      );
      expect(control).toBeDefined();
      await postRefused(
        api,
        {
          gss: leeds.gss,
          path: `/councils/${leeds.gss}/events/${control!.eventId}/retraction`,
          token: await api.token('adviser', { sub: 'pa-yh', ...adviserPatch }),
          body: { occurredAt: '2020-01-01', reason: 'I prefer another result' },
        },
        { status: 403, code: 'forbidden' },
      );
    });

    it('an adviser in the patch may not correct the registration (e.g. move the council to another region)', async () => {
      const [registered] = await streamEvents(api, leeds.gss);
      await postRefused(
        api,
        {
          gss: leeds.gss,
          path: `/councils/${leeds.gss}/events/${registered!.eventId}/correction`,
          token: await api.token('adviser', { sub: 'pa-yh', ...adviserPatch }),
          body: { occurredAt: '2020-01-01', reason: 'moved', correction: { region: 'London' } },
        },
        { status: 403, code: 'forbidden' },
      );
    });

    it('an admin may retract a register fact', async () => {
      const admin = await api.token('admin', { sub: 'admin-fix' });
      const leader = await postWrite(api, {
        gss: leeds.gss,
        path: `/councils/${leeds.gss}/leader`,
        token: admin,
        body: { occurredAt: '2019-05-20', role: 'leader', leaderId: 'person-1' },
      });
      expect(leader.status).toBe(201);
      const response = await postWrite(api, {
        gss: leeds.gss,
        path: `/councils/${leeds.gss}/events/${leader.body.eventIds[0]}/retraction`,
        token: admin,
        body: { occurredAt: '2020-01-01', reason: 'Recorded for the wrong council' },
      });
      expect(response.status).toBe(201);
    });
  });
});
