import { beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { readFileSync } from 'node:fs';
import { buildOpenApiJson, openApiFilePath } from '../../apps/api/src/openapi-document.js';
import { COUNCIL_CONTROLLERS } from '../../apps/api/src/councils/index.js';
import { HealthController } from '../../apps/api/src/health.controller.js';
import { QUERY_CONTROLLERS } from '../../apps/api/src/queries/index.js';
import { SNAPSHOT_CONTROLLERS } from '../../apps/api/src/snapshots/index.js';
import { PEOPLE_CONTROLLERS } from '../../apps/api/src/people/index.js';

interface Operation {
  readonly parameters?: readonly { readonly in: string; readonly name: string }[];
  readonly responses: Readonly<Record<string, unknown>>;
}
type OpenApi = { readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>> };

const STALE = 'docs/openapi.json is stale: run npm run openapi';
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** `councils/:gss/` + `:id/schedule` -> `/councils/{gss}/{id}/schedule`. */
function openApiPath(...segments: string[]): string {
  const joined = segments
    .flatMap((segment) => segment.split('/'))
    .filter((part) => part !== '')
    .map((part) => (part.startsWith(':') ? `{${part.slice(1)}}` : part))
    .join('/');
  return `/${joined}`;
}

/** Every route the controllers declare, read from Nest's own routing metadata. */
function controllerRoutes(): string[] {
  const routes: string[] = [];
  for (const controller of [
    HealthController,
    ...COUNCIL_CONTROLLERS,
    ...QUERY_CONTROLLERS,
    ...SNAPSHOT_CONTROLLERS,
    ...PEOPLE_CONTROLLERS,
  ]) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as unknown as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      if (name === 'constructor') continue;
      const handler = prototype[name];
      if (typeof handler !== 'function') continue;
      const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
      if (typeof method !== 'number') continue;
      const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      routes.push(`${RequestMethod[method]!.toLowerCase()} ${openApiPath(base, path)}`);
    }
  }
  return routes.sort();
}

describe('docs/openapi.json', () => {
  let built: string;
  let document: OpenApi;

  beforeAll(async () => {
    built = await buildOpenApiJson();
    document = JSON.parse(built) as OpenApi;
  }, 60_000);

  it('is the document the application builds, byte for byte', () => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(openApiFilePath());
    } catch {
      throw new Error(`${STALE} (the file is missing)`);
    }
    if (!bytes.equals(Buffer.from(built, 'utf8'))) {
      const committed = bytes.toString('utf8');
      let at = 0;
      while (at < built.length && at < committed.length && built[at] === committed[at]) at++;
      const from = Math.max(0, at - 80);
      throw new Error(
        `${STALE}\n` +
          `first difference at character ${at}\n` +
          `committed: ${JSON.stringify(committed.slice(from, from + 200))}\n` +
          `built:     ${JSON.stringify(built.slice(from, from + 200))}`,
      );
    }
    expect(bytes.toString('utf8')).toBe(built);
  });

  it('is canonical: sorted keys, two-space indentation, one trailing newline', () => {
    expect(built.endsWith('}\n')).toBe(true);
    expect(built.endsWith('\n\n')).toBe(false);
    const sortedEverywhere = (value: unknown): boolean => {
      if (Array.isArray(value)) return value.every(sortedEverywhere);
      if (typeof value !== 'object' || value === null) return true;
      const keys = Object.keys(value);
      // Integer-like keys ("200", "201") always come first in a JS object, in numeric order.
      const names = keys.filter((key) => !/^(0|[1-9]\d*)$/.test(key));
      return (
        names.every((key, index) => index === 0 || names[index - 1]! < key) &&
        Object.values(value).every(sortedEverywhere)
      );
    };
    expect(sortedEverywhere(document)).toBe(true);
    expect(`${JSON.stringify(JSON.parse(built), null, 2)}\n`).toBe(built);
  });

  it('documents every route the controllers declare, and nothing else', () => {
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    const declared = controllerRoutes();
    expect(declared.length).toBeGreaterThanOrEqual(28);
    expect(documented).toEqual(declared);
  });

  it('documents 400/401/403/409/503 and the Idempotency-Key and If-Match headers on every write', () => {
    // Council writes, that is: operators' replays, board snapshots and the (erasable, not
    // event-sourced) people store write no council event.
    const ledgerPaths = Object.entries(document.paths).filter(
      ([path]) =>
        !path.startsWith('/projections') &&
        !path.startsWith('/snapshots') &&
        !path.startsWith('/people'),
    );
    const writes = ledgerPaths.flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => WRITE_METHODS.has(method))
        .map(([method, operation]) => ({ route: `${method} ${path}`, operation })),
    );
    expect(writes.length).toBe(26);
    const gaps = writes.flatMap(({ route, operation }) => {
      const statuses = ['400', '401', '403', '409', '503'].filter(
        (status) => !Object.hasOwn(operation.responses, status),
      );
      const headers = new Set(
        (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name),
      );
      const missingHeaders = ['Idempotency-Key', 'If-Match'].filter((name) => !headers.has(name));
      return [...statuses, ...missingHeaders].map((missing) => `${route}: ${missing}`);
    });
    expect(gaps).toEqual([]);
  });
});
