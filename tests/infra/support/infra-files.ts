import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** The repository root: this file is tests/infra/support/infra-files.ts. */
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const INFRA = join(REPO, 'infra');

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const readText = (path: string): string => readFileSync(join(REPO, path), 'utf8');

/** Every document of a YAML file, with Compose's `<<` merge keys resolved; a syntax error throws. */
export function readYaml(path: string): JsonObject[] {
  return parseAllDocuments(readText(path), { merge: true }).map((doc) => {
    if (doc.errors.length > 0)
      throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as JsonObject;
  });
}

/** Every file under a directory, as paths relative to the repository root. */
export function listFiles(dir: string): string[] {
  return readdirSync(join(REPO, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REPO, join(entry.parentPath, entry.name)))
    .sort();
}

/** KEY=value lines, as docker compose reads a .env file (comments and blank lines skipped). */
export function parseDotEnv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq < 1) throw new Error(`not KEY=value: ${line}`);
    vars[trimmed.slice(0, eq)] = trimmed.slice(eq + 1);
  }
  return vars;
}

const REFERENCE =
  /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Compose's variable interpolation (`${X}`, `${X:-default}`, `${X-default}`, `${X:?error}`,
 * `${X?error}`, `${X:+alt}`, `$X`, `$$`) applied to every string of the file, as
 * `docker compose config` does before it validates the model.
 */
export function interpolate(node: Json, vars: Readonly<Record<string, string>>): Json {
  if (typeof node === 'string') {
    return node.replace(
      REFERENCE,
      (whole, braced?: string, op?: string, arg?: string, bare?: string) => {
        if (whole === '$$') return '$';
        const name = (braced ?? bare)!;
        const value = vars[name];
        const empty = value === undefined || (op?.startsWith(':') === true && value === '');
        switch (op) {
          case undefined:
            return value ?? '';
          case ':-':
          case '-':
            return empty ? (arg ?? '') : value!;
          case ':?':
          case '?':
            if (empty) throw new Error(`required variable ${name} is missing: ${arg}`);
            return value!;
          case ':+':
          case '+':
            return empty ? '' : (arg ?? '');
          default:
            throw new Error(`unsupported interpolation ${whole}`);
        }
      },
    );
  }
  if (Array.isArray(node)) return node.map((item) => interpolate(item, vars));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, interpolate(value, vars)]),
    );
  }
  return node;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asObject(value: Json | undefined): JsonObject {
  return isObject(value) ? value : {};
}

export function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}
