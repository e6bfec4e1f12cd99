import type { Parameters } from 'fast-check';

/**
 * How many cases a fuzz suite runs, and a failure to replay: FUZZ_RUNS=5000 runs longer;
 * FUZZ_SEED and FUZZ_PATH (both printed by fast-check on failure) replay a counterexample.
 */
export function fuzzParameters(defaultRuns: number): Parameters<unknown> {
  const env = process.env;
  return {
    numRuns: Number(env['FUZZ_RUNS'] ?? defaultRuns),
    ...(env['FUZZ_SEED'] ? { seed: Number(env['FUZZ_SEED']) } : {}),
    ...(env['FUZZ_PATH'] ? { path: env['FUZZ_PATH'] } : {}),
  };
}
