import { describe, expect, it } from '@jest/globals';
import { exitGracefullyOnSignals } from './graceful-shutdown.js';

/** A stand-in process: records listeners and exit codes, never exits the test runner. */
function fakeProcess() {
  const listeners = new Map<string, (signal: NodeJS.Signals) => void>();
  const exits: number[] = [];
  const lines: string[] = [];
  let exited: (code: number) => void = () => undefined;
  const exitedWith = new Promise<number>((resolve) => (exited = resolve));
  return {
    listeners,
    exits,
    lines,
    exitedWith,
    options: (timeoutMs: number) => ({
      timeoutMs,
      log: { log: (m: string) => lines.push(m), error: (m: string) => lines.push(`ERROR ${m}`) },
      exit: (code: number) => {
        exits.push(code);
        exited(code);
      },
      on: (signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void) =>
        listeners.set(signal, listener),
    }),
  };
}

describe('exitGracefullyOnSignals', () => {
  it('closes the app once on SIGTERM and exits 0 when it has closed', async () => {
    const proc = fakeProcess();
    let closes = 0;
    exitGracefullyOnSignals({ close: async () => void closes++ }, proc.options(60_000));
    expect([...proc.listeners.keys()].sort()).toEqual(['SIGINT', 'SIGTERM']);
    proc.listeners.get('SIGTERM')!('SIGTERM');
    proc.listeners.get('SIGINT')!('SIGINT');
    expect(await proc.exitedWith).toBe(0);
    expect(closes).toBe(1);
    expect(proc.exits).toEqual([0]);
    expect(proc.lines[0]).toMatch(/^SIGTERM: finishing in-flight work/);
  });

  it('exits 1 when closing fails', async () => {
    const proc = fakeProcess();
    exitGracefullyOnSignals(
      { close: () => Promise.reject(new Error('redis gone')) },
      proc.options(60_000),
    );
    proc.listeners.get('SIGTERM')!('SIGTERM');
    expect(await proc.exitedWith).toBe(1);
    expect(proc.lines).toContain('ERROR shutdown failed: redis gone');
  });

  it('exits 1 anyway when closing outlasts the shutdown timeout', async () => {
    const proc = fakeProcess();
    exitGracefullyOnSignals({ close: () => new Promise<void>(() => undefined) }, proc.options(50));
    proc.listeners.get('SIGTERM')!('SIGTERM');
    expect(await proc.exitedWith).toBe(1);
    expect(proc.lines).toContain('ERROR shutdown took longer than 50 ms; exiting anyway');
  });
});
