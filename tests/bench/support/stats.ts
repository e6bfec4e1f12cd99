import { performance } from 'node:perf_hooks';

/** How many things a measured piece of work did, and how long it took. */
export interface Timing {
  readonly count: number;
  readonly seconds: number;
}

export const perSecond = (timing: Timing): number => timing.count / timing.seconds;

export async function timed(work: () => Promise<number>): Promise<Timing> {
  const started = performance.now();
  const count = await work();
  return { count, seconds: (performance.now() - started) / 1000 };
}

/** Starts `count` workers at once and waits for all; the first failure fails the run. */
export async function inParallel(
  count: number,
  worker: (index: number) => Promise<void>,
): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, index) => worker(index)));
}

/** Nearest-rank percentile of milliseconds; `sorted` must be ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface LatencySummary {
  readonly count: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
}

export function summarise(latenciesMs: readonly number[], seconds: number): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

/** Peak resident set size of this process so far (the kernel's high-water mark). */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const twoPlaces = new Intl.NumberFormat('en-GB', {
  maximumFractionDigits: 2,
  minimumFractionDigits: 2,
});

export const formatCount = (value: number): string => whole.format(value);
export const formatMs = (value: number): string => twoPlaces.format(value);
export const formatRatio = (value: number): string =>
  Number.isFinite(value) ? `${twoPlaces.format(value)}×` : 'n/a';

/** Progress goes to stderr so that stdout carries only the results. */
export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
