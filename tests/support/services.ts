import pg from 'pg';
import { Redis } from 'ioredis';

/** The real services the suites run against; CI=true makes a missing one fail the run. */
export const databaseUrl = (): string =>
  process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export const redisUrl = (): string => process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export async function postgresAnswers(url = databaseUrl()): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function redisAnswers(url = redisUrl(), timeoutMs = 3000): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
  });
  // A refused connection is the answer, not something for ioredis to print.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/**
 * Fails loudly when a service the suite needs is missing. Outside CI a
 * developer without the service sees the same failure with how to start it:
 * PostgreSQL and Redis suites never skip silently.
 */
export async function requireService(name: 'PostgreSQL' | 'Redis'): Promise<void> {
  const ok = name === 'PostgreSQL' ? await postgresAnswers() : await redisAnswers();
  if (!ok) {
    const where = name === 'PostgreSQL' ? databaseUrl() : redisUrl();
    throw new Error(
      `${name} is not answering at ${where}. Start it (see README "Running the tests") or set ` +
        `${name === 'PostgreSQL' ? 'DATABASE_URL' : 'REDIS_URL'}.`,
    );
  }
}
