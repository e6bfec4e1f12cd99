import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { READ_ROUTES } from '../../fixtures/routes.js';
import { checkLedgerEnvironment, serverDeploymentProblems } from './ledger-env.js';
import {
  INFRA,
  type Json,
  type JsonObject,
  asArray,
  asObject,
  isObject,
  parseDotEnv,
  readText,
} from './infra-files.js';

/** Services that run this repository's image (infra/Dockerfile). */
export const LEDGER_IMAGE = /^council-ledger:/;

/** An image named with an explicit tag (or digest) that is not `latest`. */
export function imagePinned(image: string): boolean {
  if (image.includes('@sha256:')) return true;
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag !== undefined && tag !== 'latest' && !tag.includes('$');
}

/** `environment` as a map, whichever of Compose's two forms (map or KEY=value list) is used. */
export function environmentOf(service: JsonObject): Record<string, string> {
  const env = service['environment'];
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((item) => {
        const text = String(item);
        const eq = text.indexOf('=');
        return eq < 0 ? [text, ''] : [text.slice(0, eq), text.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(asObject(env)).map(([key, value]) => [key, value === null ? '' : String(value)]),
  );
}

function dependsOn(service: JsonObject): Record<string, string> {
  const deps = service['depends_on'];
  if (Array.isArray(deps))
    return Object.fromEntries(deps.map((d) => [String(d), 'service_started']));
  return Object.fromEntries(
    Object.entries(asObject(deps)).map(([name, dep]) => [
      name,
      String(asObject(dep)['condition'] ?? 'service_started'),
    ]),
  );
}

/** The HTTP paths a health check asks for (`http://host:port/path` anywhere in its test). */
export function healthcheckPaths(test: Json | undefined): string[] {
  const text = Array.isArray(test) ? test.join(' ') : String(test ?? '');
  return [...text.matchAll(/https?:\/\/[^/\s'"]+(\/[^\s'"]*)/g)].map((m) => m[1]!);
}

/** Files a check runs from the ledger image (`node infra/probes/...`), which must exist. */
function probeScripts(test: Json | undefined): string[] {
  return asArray(test)
    .map(String)
    .filter((arg) => arg.startsWith('infra/'));
}

/** The host names of a URL, several for `esdb://a:2113,b:2113` (credentials skipped). */
export function urlHosts(url: string): string[] {
  const authority = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/?]+)/.exec(url)?.[1];
  return authority?.split(',').map((host) => host.split(':')[0]!) ?? [];
}

/**
 * Rules the schema cannot express. `file` is the compose file, interpolated; the
 * returned list names every broken rule (empty when the file is sound).
 */
export function composeProblems(file: JsonObject): string[] {
  const services = asObject(file['services']);
  return Object.entries(services).flatMap(([name, value]) => {
    const service = asObject(value);
    const problems = serviceProblems(name, service, services);
    return LEDGER_IMAGE.test(String(service['image']))
      ? [...problems, ...ledgerServiceProblems(name, service, services)]
      : problems;
  });
}

/** Any service: a pinned image, dependencies that exist, health checks that can pass. */
function serviceProblems(name: string, service: JsonObject, services: JsonObject): string[] {
  const problems: string[] = [];
  const image = String(service['image'] ?? '');
  if (!imagePinned(image))
    problems.push(`${name}: image ${image || '(none)'} is not pinned by tag`);
  for (const [dep, condition] of Object.entries(dependsOn(service))) {
    if (!(dep in services)) problems.push(`${name}: depends on ${dep}, which is not a service`);
    else if (condition === 'service_healthy' && !isObject(asObject(services[dep])['healthcheck']))
      problems.push(`${name}: waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
  }
  const routes: readonly string[] = READ_ROUTES;
  const test = asObject(service['healthcheck'])['test'];
  for (const path of healthcheckPaths(test)) {
    if (!routes.includes(path)) problems.push(`${name}: healthcheck asks for ${path}, not a route`);
  }
  for (const script of probeScripts(test)) {
    if (!existsSync(join(INFRA, '..', script)))
      problems.push(`${name}: healthcheck runs ${script}, which does not exist`);
  }
  for (const mount of asArray(service['volumes'])) {
    const source = String(mount).split(':')[0]!;
    if (source.startsWith('./') && !existsSync(join(INFRA, source)))
      problems.push(`${name}: mounts ${source}, which does not exist under infra/`);
  }
  return problems;
}

/** A service on the ledger image: a configuration the ledger accepts, two replicas, a health check. */
function ledgerServiceProblems(name: string, service: JsonObject, services: JsonObject): string[] {
  const env = environmentOf(service);
  const { problems, config } = checkLedgerEnvironment(name, env);
  if (config) problems.push(...serverDeploymentProblems(name, config));
  if (asObject(service['healthcheck'])['test'] === undefined)
    problems.push(`${name}: runs the ledger image with no healthcheck`);
  const replicas = asObject(service['deploy'])['replicas'];
  if (replicas !== 2) problems.push(`${name}: deploy.replicas is ${String(replicas)}, not 2`);
  for (const variable of ['EVENT_STORE_URL', 'REDIS_URL', 'LEDGER_PEOPLE_URL']) {
    for (const host of urlHosts(env[variable] ?? '')) {
      if (!(host in services))
        problems.push(`${name}: ${variable} names ${host}, which is not a service`);
    }
  }
  const grace = /^(\d+)s$/.exec(String(service['stop_grace_period'] ?? ''));
  if (config && (grace === null || Number(grace[1]) * 1000 <= config.shutdownTimeoutMs))
    problems.push(`${name}: stop_grace_period must exceed LEDGER_SHUTDOWN_TIMEOUT_MS`);
  return problems;
}

/** The committed development example, infra/.env.example, as compose would read infra/.env. */
export const exampleVariables = (): Record<string, string> =>
  parseDotEnv(readText('infra/.env.example'));
