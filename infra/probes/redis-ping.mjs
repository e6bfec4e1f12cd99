// Readiness of the projector, which serves no HTTP: it can only work while Redis
// (REDIS_URL, where its read models, leases and checkpoints live) answers PING.
//   node infra/probes/redis-ping.mjs
// Exits 0 on PONG within the timeout, 1 otherwise, printing why. Not used as a
// liveness probe: restarting a projector does not bring Redis back.
import { Redis } from 'ioredis';

const url = process.env.REDIS_URL;
const timeoutMs = Number(process.env.PROBE_TIMEOUT_MS ?? 2000);

if (!url) {
  console.error('REDIS_URL is not set');
  process.exit(2);
}

const redis = new Redis(url, {
  lazyConnect: true,
  connectTimeout: timeoutMs,
  commandTimeout: timeoutMs,
  maxRetriesPerRequest: 0,
  enableOfflineQueue: false,
  retryStrategy: () => null,
});
let connectionError;
redis.on('error', (error) => {
  connectionError = error;
});

try {
  await redis.connect();
  const reply = await redis.ping();
  if (reply !== 'PONG') throw new Error(`PING answered ${reply}`);
  redis.disconnect();
  process.exit(0);
} catch (error) {
  const cause = connectionError ?? error;
  console.error(`redis: ${cause instanceof Error ? cause.message : String(cause)}`);
  redis.disconnect();
  process.exit(1);
}
