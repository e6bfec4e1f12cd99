import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './private-redis.js';

const run = promisify(execFile);

/** Where Debian/Ubuntu install the PostgreSQL 15 server binaries; PG_BIN overrides it. */
const BIN = process.env['PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of a test's own, on a free loopback port with its data
 * in a temporary directory, so a suite can stop it mid-traffic without
 * touching the machine's shared server. initdb refuses to run as root, so as
 * root (CI on this machine) every server command runs as the `postgres` user,
 * which owns the directory.
 */
export interface PrivatePostgres {
  readonly port: number;
  /** Trust authentication as the `postgres` superuser, database `postgres`. */
  readonly url: string;
  readonly dataDir: string;
  /** pg_ctl start; waits until it accepts connections. */
  start(): Promise<void>;
  /** pg_ctl stop: `immediate` is a crash (no checkpoint; recovery replays the WAL at start), `fast` a clean stop. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  /** Stops the cluster and removes its directory. */
  teardown(): Promise<void>;
}

async function asServerUser(command: string, args: readonly string[]): Promise<string> {
  const file = join(BIN, command);
  const asRoot = process.getuid?.() === 0;
  const { stdout } = await run(
    asRoot ? 'runuser' : file,
    asRoot ? ['-u', 'postgres', '--', file, ...args] : [...args],
    { maxBuffer: 4 * 1024 * 1024 },
  );
  return stdout;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const base = mkdtempSync(join(tmpdir(), 'ledger-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = await postgresIds();
    chownSync(base, uid, gid);
  }
  const dataDir = join(base, 'data');
  const log = join(base, 'postgres.log');
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let running = false;

  try {
    await asServerUser('initdb', [
      '-D',
      dataDir,
      '--auth=trust',
      '-U',
      'postgres',
      '--no-sync',
      '--encoding=UTF8',
      '--locale=C',
    ]);
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }

  // fsync off: `stop('immediate')` kills the server processes, not the machine, so
  // committed WAL is still in the page cache and crash recovery finds it.
  const serverOptions = [
    `-p ${port}`,
    `-k ${base}`,
    `-c listen_addresses=127.0.0.1`,
    '-c fsync=off',
    '-c max_connections=200',
  ].join(' ');

  const start = async (): Promise<void> => {
    await asServerUser('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', log, '-w', 'start']);
    running = true;
  };
  const stop = async (mode: 'immediate' | 'fast' = 'immediate'): Promise<void> => {
    if (!running) return;
    await asServerUser('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
    running = false;
  };

  try {
    await start();
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    url,
    dataDir,
    start,
    stop,
    async teardown() {
      await stop('immediate').catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
}
