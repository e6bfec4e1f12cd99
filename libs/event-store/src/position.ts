/** Positions travel as decimal strings in JSON and Redis; inside the process they are bigints. */
export const positionToString = (position: bigint): string => position.toString(10);

export function parsePosition(text: string): bigint {
  if (!/^(0|[1-9][0-9]*)$/.test(text)) {
    throw new RangeError(`not a ledger position: ${JSON.stringify(text)}`);
  }
  return BigInt(text);
}
