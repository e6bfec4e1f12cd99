import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { hostileBody } from '../fuzz/hostile-bodies.js';
import type { HostileRequest } from '../fuzz/hostile-request.js';
import { authorization } from '../fuzz/hostile-tokens.js';
import {
  bentPath,
  contentType,
  extraHeaders,
  methodFor,
  rawBytes,
} from '../fuzz/hostile-transport.js';
import { fuzzLedger } from '../fuzz/fuzz-ledger.js';
import { sendAndCheck } from '../fuzz/invariants.js';
import { fuzzParameters } from '../fuzz/run-options.js';
import { pathFor } from '../fuzz/seed.js';
import { FUZZ_ROUTES } from '../fuzz/valid-bodies.js';

/**
 * Property: whatever the transport carries (methods, bent paths with raw bytes, forged, expired
 * and unsigned tokens, wrong roles, wrong content types, invalid UTF-8, duplicated headers,
 * chunked bodies), the answer is never a 5xx, every refusal is a JSON 4xx with its reason, a
 * refusal writes nothing and Object.prototype stays clean. FUZZ_RUNS=n runs longer,
 * FUZZ_SEED/FUZZ_PATH replay a failure.
 */
const FUZZ = fuzzParameters(1500);
const RUNS = FUZZ.numRuns;
/** Room for long runs (FUZZ_RUNS) on a busy machine; the default run takes far less. */
const TIMEOUT = Math.max(90_000, (RUNS ?? 0) * 60);

describe('fuzz: hostile headers, tokens, paths and bytes on every write route (PostgreSQL)', () => {
  const ledger = fuzzLedger();

  const request = (): fc.Arbitrary<HostileRequest> =>
    fc.constantFrom(...FUZZ_ROUTES).chain(({ method: routeMethod, template: route }) =>
      fc
        .record({
          method: methodFor(routeMethod),
          path: bentPath(pathFor(route, ledger.seeded)),
          auth: authorization(ledger.tokens),
          type: contentType,
          extra: extraHeaders,
          body: fc.option(
            fc.oneof(
              { arbitrary: hostileBody(route), weight: 3 },
              { arbitrary: rawBytes(hostileBody(route)), weight: 2 },
            ),
            { freq: 8 },
          ),
          chunked: fc.boolean(),
        })
        .map(({ method, path, auth, type, extra, body, chunked }) => ({
          method,
          path,
          headers: {
            ...extra,
            ...(auth === undefined ? {} : { authorization: auth }),
            ...(type === undefined ? {} : { 'content-type': type }),
          },
          ...(body === null ? {} : { body }),
          chunked,
        })),
    );

  it(
    `answers ${RUNS} hostile requests with no 5xx, JSON refusals, and no write on refusal`,
    async () => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(request(), async (hostile) => {
          const response = await sendAndCheck(ledger.events, ledger.api.url, hostile);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }),
        FUZZ,
      );
      // FUZZ_DEBUG=1: how many answers of each status, to see how deep the cases reached.
      if (process.env['FUZZ_DEBUG']) console.log([...statuses.entries()]);
      expect([...statuses.keys()]).toEqual(expect.arrayContaining([400, 401, 403, 404, 415]));
    },
    TIMEOUT,
  );
});
