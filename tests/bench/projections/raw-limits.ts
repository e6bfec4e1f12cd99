import type { Redis } from 'ioredis';
import pg from 'pg';
import { type EventStore, START } from '#event-store';
import { timed, type Timing } from '../support/stats.js';

export const RAW_READ_BATCH = 10_000;
export const RAW_PIPELINE = 1_000;
/** A value of about the size of a small read-model document or record. */
export const RAW_VALUE = 'x'.repeat(200);

/**
 * (a) The rows of our events table, read with plain `pg` (its default parsers: json is
 * JSON.parse'd as our store's reads are) by keyset in batches of 10,000, one connection.
 */
export async function rawPgRead(url: string, schema: string): Promise<Timing> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const text = `SELECT position, id::text AS id, stream_name, revision, type, data, metadata, committed_at
                  FROM "${schema}".events WHERE position > $1 ORDER BY position LIMIT $2`;
  try {
    return await timed(async () => {
      let after = '0';
      let count = 0;
      for (;;) {
        const { rows } = await client.query<{ position: string }>({
          name: 'raw_read',
          text,
          values: [after, RAW_READ_BATCH],
        });
        const last = rows.at(-1);
        if (last === undefined) return count;
        count += rows.length;
        after = last.position;
      }
    });
  } finally {
    await client.end();
  }
}

/**
 * (b) `count` HSETs of 200-byte values in pipelines of 1,000 (one hash per pipeline, so
 * each hash ends up with 1,000 fields, like a projection's document hash), one connection.
 */
export async function rawRedisWrite(redis: Redis, prefix: string, count: number): Promise<Timing> {
  return timed(async () => {
    for (let from = 0; from < count; from += RAW_PIPELINE) {
      const pipeline = redis.pipeline();
      const key = `${prefix}raw:${from / RAW_PIPELINE}`;
      const to = Math.min(count, from + RAW_PIPELINE);
      for (let field = from; field < to; field += 1) pipeline.hset(key, String(field), RAW_VALUE);
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error !== null)?.[0];
      if (failed) throw failed;
    }
    return count;
  });
}

/** Context, not a limit: what one subscriber gets from subscribeToAll with nothing folded. */
export async function subscribeOnly(store: EventStore, head: bigint): Promise<Timing> {
  const ending = new AbortController();
  return timed(async () => {
    let count = 0;
    if (head === START) return count;
    for await (const event of store.subscribeToAll({ signal: ending.signal })) {
      count += 1;
      if (event.position >= head) break;
    }
    ending.abort();
    return count;
  });
}
