import { createHash, randomUUID } from 'node:crypto';

/** Namespace of the ledger's name-based (v5) event ids. */
const NAMESPACE = Buffer.from('6f1f3c8e5b7a4d2e9c0a1b2c3d4e5f60', 'hex');

function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * With an idempotency key the ids are derived from (stream, key, index), so a
 * retried request produces the same ids and the store appends nothing new.
 */
export function eventIdsFor(
  streamName: string,
  count: number,
  idempotencyKey: string | undefined,
): string[] {
  return Array.from({ length: count }, (_, index) =>
    idempotencyKey === undefined
      ? randomUUID()
      : uuidV5(`${streamName}\u0000${idempotencyKey}\u0000${index}`),
  );
}
