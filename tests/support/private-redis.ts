import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort } from './child-processes.js';
import { redisAnswers } from './services.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A redis-server of a test's own, on a free loopback port with its data in a
 * temporary directory, so a suite can stop and restart Redis without touching
 * the machine's shared server that other suites use.
 */
export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  readonly running: boolean;
  /** Starts the server again on the same port and directory (loading dump.rdb if one was saved). */
  start(): Promise<void>;
  /** SIGTERM: a server with persistence saves dump.rdb first, one without loses everything. */
  stop(): Promise<void>;
  /** Stops the server (SIGKILL if it will not stop) and removes its directory. */
  teardown(): Promise<void>;
}

export interface PrivateRedisOptions {
  /** Save an RDB snapshot on shutdown and load it at start. Default false: a restart comes back empty. */
  readonly persistence?: boolean;
}

export { freePort };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Polled while the server starts and stops: a short timeout keeps the polls quick.
const answers = (url: string): Promise<boolean> => redisAnswers(url, 500);

export async function startPrivateRedis(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<unknown> = Promise.resolve();

  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--dbfilename',
    'dump.rdb',
    '--appendonly',
    'no',
    // "" turns snapshots (and the save at shutdown) off; any save point turns them on.
    '--save',
    options.persistence ? '3600 1' : '',
    '--logfile',
    join(dir, 'redis.log'),
  ];

  const start = async (): Promise<void> => {
    if (child) return;
    const started = spawn('redis-server', args, { stdio: 'ignore' });
    child = started;
    exited = new Promise((resolve) => started.once('exit', resolve));
    void exited.then(() => {
      if (child === started) child = undefined;
    });
    for (let waited = 0; !(await answers(url)); waited += 100) {
      if (child !== started) throw new Error(`redis-server on port ${port} exited at start`);
      if (waited > 20_000) throw new Error(`redis-server on port ${port} did not answer in 20 s`);
      await sleep(100);
    }
  };

  const stop = async (): Promise<void> => {
    const running = child;
    if (!running) return;
    running.kill('SIGTERM');
    const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
    if (!done) {
      running.kill('SIGKILL');
      await exited;
    }
    child = undefined;
  };

  await start();
  return {
    port,
    url,
    dir,
    get running() {
      return child !== undefined;
    },
    start,
    stop,
    async teardown() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
