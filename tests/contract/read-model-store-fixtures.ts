import { randomUUID } from 'node:crypto';
import type { BatchWrite, DeadLetter, ProjectionKey, ReadModelStore } from '#projections';

/** Shared by the read-model store contract files. */
export const UPDATED_AT = '2026-01-02T03:04:05.000Z';
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

export function batch(
  projection: ProjectionKey,
  token: bigint,
  position: bigint,
  put: Record<string, unknown> = {},
  deleted: string[] = [],
): BatchWrite {
  return {
    projection,
    put: new Map(Object.entries(put)),
    delete: new Set(deleted),
    checkpoint: { position, updatedAt: UPDATED_AT },
    fencingToken: token,
  };
}

export const letter = (projection: string, eventId: string, position: string): DeadLetter => ({
  projection,
  eventId,
  position,
  eventType: 'Exploded',
  error: 'Error: boom ✗',
  attempts: 3,
  parkedAt: UPDATED_AT,
});

/** A fresh projection name, with the lease held by owner-a. */
export async function leasedKey(store: ReadModelStore, version = 1) {
  const key: ProjectionKey = { name: `contract-${randomUUID()}`, version };
  const token = await store.acquireLease(key, 'owner-a', 10_000);
  if (token === undefined) throw new Error('fresh lease refused');
  return { key, token };
}
