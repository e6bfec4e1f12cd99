/** A `--name N` flag of `npm run bench -- <name>`: a positive integer, or the fallback when absent. */
export function positiveFlag(
  flags: ReadonlyMap<string, string>,
  name: string,
  fallback: number,
): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`--${name} must be a positive integer`);
  return value;
}
