import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import pg from 'pg';

function run(command: string, args: readonly string[], fallback: () => string): string {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return fallback();
  }
}

export const loadAverage = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');

export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ version: string }>('select version() AS version');
    return result.rows[0]?.version ?? 'unknown';
  } finally {
    await client.end();
  }
}

/** The facts a reader needs to judge the figures: when, on what, and how busy it was. */
export function machineLines(extra: readonly string[] = []): string[] {
  const gib = (bytes: number): string => `${Math.round(bytes / 2 ** 30)}`;
  const free = run(
    'free',
    ['-g'],
    () => `total ${gib(totalmem())} GiB, free ${gib(freemem())} GiB`,
  );
  return [
    `- Date: ${run('date', ['-u'], () => new Date().toUTCString())}`,
    `- CPUs (\`nproc\`): ${run('nproc', [], () => String(cpus().length))} (${cpus()[0]?.model ?? 'unknown'})`,
    `- Memory (\`free -g\`):`,
    '',
    '  ```',
    ...free.split('\n').map((line) => `  ${line}`),
    '  ```',
    '',
    `- Node: ${process.version}`,
    ...extra.map((line) => `- ${line}`),
  ];
}
