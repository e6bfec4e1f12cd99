type Env = Readonly<Record<string, string | undefined>>;

export interface ConfigProblem {
  readonly variable: string;
  readonly reason: string;
}

/** Every bad setting at once, one line each, so an operator fixes them in one go. */
export class ConfigError extends Error {
  /** The first problem's variable (callers written for one problem keep working). */
  readonly variable: string;
  readonly problems: readonly ConfigProblem[];

  constructor(variable: string, reason: string);
  constructor(problems: readonly ConfigProblem[]);
  constructor(first: string | readonly ConfigProblem[], reason = '') {
    const problems = typeof first === 'string' ? [{ variable: first, reason }] : first;
    super(
      problems.length === 1
        ? `configuration ${problems[0]!.variable}: ${problems[0]!.reason}`
        : `configuration: ${problems.length} problems\n${problems
            .map((p) => `  ${p.variable}: ${p.reason}`)
            .join('\n')}`,
    );
    this.name = 'ConfigError';
    this.variable = problems[0]?.variable ?? '';
    this.problems = problems;
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * LEDGER_* variables read outside loadLedgerConfig, or only in some
 * configurations (the JWT claims only with a JWKS URL): never "unknown".
 */
export const LEDGER_VARIABLES_READ_ELSEWHERE: ReadonlySet<string> = new Set([
  'LEDGER_IMPORT_REGISTER_ON_START',
  'LEDGER_REFERENCE_DATA_DIR',
  'LEDGER_RISK_RULES_DIR',
  // The CLI's token command reads it too; with a JWKS URL the API ignores it.
  'LEDGER_AUTH_SECRET',
  'LEDGER_JWT_ISSUER',
  'LEDGER_JWT_AUDIENCE',
]);

interface Sink {
  readonly problems: ConfigProblem[];
  /** Every variable the configuration looked at: what is not here was not understood. */
  readonly read: Set<string>;
}

const sinks = new WeakMap<object, Sink>();

/**
 * The environment behind a proxy that records what is read and collects
 * problems, so the readers report a bad value and go on to the next one.
 * Readers added later need no registration to count as known.
 */
export function trackedEnv(source: Env): { env: Env; sink: Sink } {
  const sink: Sink = { problems: [], read: new Set() };
  const env = new Proxy(source, {
    get(target, property, receiver) {
      if (typeof property === 'string') sink.read.add(property);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  sinks.set(env, sink);
  return { env, sink };
}

/** Records a bad value and carries on with the fallback; outside loadLedgerConfig, throws. */
export function invalid<T>(env: Env, variable: string, reason: string, fallback: T): T {
  const sink = sinks.get(env);
  if (sink === undefined) throw new ConfigError(variable, reason);
  sink.problems.push({ variable, reason });
  return fallback;
}

/** A URL as given, without its credentials. */
export function redacted(raw: string): string {
  return JSON.stringify(raw.replace(/\/\/[^@/]*@/, '//***@'));
}

export function logLevel(env: Env): LogLevel {
  const raw = env['LOG_LEVEL'];
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((known) => known === raw.toLowerCase());
  if (level !== undefined) return level;
  return invalid(
    env,
    'LOG_LEVEL',
    `expected one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(raw)}`,
    'info',
  );
}

/** LEDGER_* variables nobody reads are most likely typos of one that is read. */
export function unknownVariables(source: Env, read: ReadonlySet<string>): ConfigProblem[] {
  const known = [...read, ...LEDGER_VARIABLES_READ_ELSEWHERE].filter((name) =>
    name.startsWith('LEDGER_'),
  );
  return Object.keys(source)
    .filter((name) => name.startsWith('LEDGER_') && !known.includes(name))
    .sort()
    .map((variable) => {
      const nearest = closest(variable, known);
      const hint = nearest === undefined ? '' : `; did you mean ${nearest}?`;
      return {
        variable,
        reason: `unknown variable (set to ${JSON.stringify(source[variable])})${hint}`,
      };
    });
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance <= 3 && (best === undefined || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
