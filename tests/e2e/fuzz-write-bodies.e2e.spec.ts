import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { hostileBody } from '../fuzz/hostile-bodies.js';
import { fuzzLedger } from '../fuzz/fuzz-ledger.js';
import { sendAndCheck } from '../fuzz/invariants.js';
import { fuzzParameters } from '../fuzz/run-options.js';
import { POLLUTERS, jsonText } from '../fuzz/json-text.js';
import { pathFor } from '../fuzz/seed.js';
import { FUZZ_ROUTES } from '../fuzz/valid-bodies.js';

/**
 * Property: whatever body reaches any write route (POST, and PUT/DELETE of people), under a token that may call it, the answer is
 * never a 5xx, every refusal is a JSON 4xx naming the field or the reason, a refusal writes no
 * event, and nothing reaches Object.prototype. fast-check prints the seed and the shrunk
 * counterexample on failure; FUZZ_RUNS=n runs longer, FUZZ_SEED/FUZZ_PATH replay a failure.
 */
const FUZZ = fuzzParameters(1500);
const RUNS = FUZZ.numRuns;
/** Room for long runs (FUZZ_RUNS) on a busy machine; the default run takes far less. */
const TIMEOUT = Math.max(90_000, (RUNS ?? 0) * 60);

describe('fuzz: hostile bodies on every write route (PostgreSQL)', () => {
  const ledger = fuzzLedger();

  const callers = () =>
    fc.constantFrom('admin', 'admin', 'admin', 'manager', 'adviserInPatch', 'adviserElsewhere');

  const request = () =>
    fc.constantFrom(...FUZZ_ROUTES).chain(({ method, template }) =>
      fc.record({
        method: fc.constant(method),
        path: pathFor(template, ledger.seeded),
        body: hostileBody(template),
        caller: callers(),
      }),
    );

  it(
    `answers ${RUNS} hostile bodies with no 5xx, JSON refusals, and no write on refusal`,
    async () => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(request(), async ({ method, path, body, caller }) => {
          const response = await sendAndCheck(ledger.events, ledger.api.url, {
            method,
            path,
            headers: {
              authorization: `Bearer ${ledger.tokens[caller]}`,
              'content-type': 'application/json',
            },
            body,
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }),
        FUZZ,
      );
      // FUZZ_DEBUG=1: how many answers of each status, to see how deep the cases reached.
      if (process.env['FUZZ_DEBUG']) console.log([...statuses.entries()]);
      // The bodies reached the validators and the decider, not only the parser.
      expect([...statuses.keys()]).toEqual(expect.arrayContaining([400]));
      expect(
        [...statuses.keys()].some((status) => status === 201 || status === 409 || status === 404),
      ).toBe(true);
    },
    TIMEOUT,
  );

  it('answers every prototype-pollution payload on every route, as a whole body or a field value', async () => {
    for (const { method, template } of FUZZ_ROUTES) {
      const [path] = fc.sample(pathFor(template, ledger.seeded), { numRuns: 1, seed: 1 });
      for (const polluter of POLLUTERS) {
        const asField = {
          entries: [
            ['occurredAt', '2019-06-12'],
            ['correction', polluter],
            ['params', polluter],
          ],
        } as const;
        for (const body of [jsonText(polluter), jsonText(asField)]) {
          await sendAndCheck(ledger.events, ledger.api.url, {
            method,
            path: path!,
            headers: {
              authorization: `Bearer ${ledger.tokens['admin']}`,
              'content-type': 'application/json',
            },
            body,
          });
        }
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
