import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const LOCK = 'dist/.build-lock';
const STAMP = 'dist/.build-stamp';
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Fault suites run the compiled apps as real processes: build now so a child
 * never runs stale code. Suites run in parallel workers, and two tsc runs
 * writing dist at once could hand a child a half-written file, so builds take
 * turns behind a lock directory, and one build serves the whole jest run (the
 * run's scan directory names it). Work in progress elsewhere may not typecheck;
 * tsc still emits, and the suite fails later if what it needs is missing.
 */
export async function buildDist(): Promise<void> {
  const run = process.env['PERSONAL_DATA_SCAN_DIR'];
  mkdirSync('dist', { recursive: true });
  await takeLock();
  try {
    if (run !== undefined && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === run) return;
    await promisify(execFile)(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => {
      process.stdout.write(`tsc reported errors (continuing):\n${error.stdout ?? ''}\n`);
    });
    if (run !== undefined) writeFileSync(STAMP, run);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function takeLock(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A build killed half-way leaves its lock: take it over once it is clearly abandoned.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A port nobody listens on right now (the child binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const ANSI = /\u001b\[[0-9;]*m/g;
const KEPT_LINES = 400;

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly pid: number;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  readonly running: boolean;
  /** Resolves with the first line (stdout or stderr, colours stripped) matching; rejects on exit or timeout. */
  waitForLine(match: RegExp, timeoutMs: number): Promise<string>;
  /** The last lines it printed, for a failure message. */
  tail(lines?: number): string;
  /** SIGKILL (no chance to release leases or flush) and wait for the exit. */
  kill(): Promise<void>;
}

/**
 * Spawns `node script` with env added to this process's environment (less the
 * variables `drop` matches, so a developer's shell cannot change the child's
 * configuration), keeping its output.
 */
export function spawnNode(
  name: string,
  script: string,
  env: Record<string, string>,
  drop?: RegExp,
): Child {
  const inherited = Object.entries(process.env).filter(([key]) => !drop?.test(key));
  const child = spawn(process.execPath, [script], {
    env: { ...Object.fromEntries(inherited), NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  void exited.then(() => {
    for (const wake of waiters) wake();
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => {
      lines.push(line.replace(ANSI, ''));
      if (lines.length > KEPT_LINES) lines.shift();
      for (const wake of waiters) wake();
    });
  }
  const handle: Child = {
    name,
    process: child,
    pid: child.pid!,
    exited,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    waitForLine(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${name}: no line matching ${match} in ${timeoutMs} ms\n${tail()}`));
        }, timeoutMs);
        const check = () => {
          const found = lines.find((line) => match.test(line));
          if (found !== undefined || !handle.running) {
            clearTimeout(timer);
            waiters.delete(check);
            if (found !== undefined) resolve(found);
            else reject(new Error(`${name} exited before printing ${match}\n${tail()}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    tail,
    async kill() {
      if (handle.running) child.kill('SIGKILL');
      await exited;
    },
  };
  function tail(count = 40): string {
    return lines
      .slice(-count)
      .map((line) => `  ${name}| ${line}`)
      .join('\n');
  }
  return handle;
}

/** Kills every child still running; used in afterAll, so it never throws. */
export async function killAll(children: readonly Child[]): Promise<void> {
  await Promise.all(children.map((child) => child.kill().catch(() => undefined)));
}
