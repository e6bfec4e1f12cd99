import type { FastifyCorsOptions } from '@fastify/cors';

/** The ledger's own response headers a browser client needs to read. */
export const EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'Idempotent-Replayed',
  'X-Ledger-Position',
  'X-Ledger-Head',
  'X-Ledger-Lag-Seconds',
  'Retry-After',
  'X-Request-Id',
  'X-Correlation-Id',
] as const;

export const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'Idempotency-Key',
  'X-Correlation-Id',
  'X-Request-Id',
] as const;

/**
 * An explicit allow-list of origins (LEDGER_CORS_ORIGINS); a request from any other origin
 * gets no Access-Control-Allow-Origin and the browser keeps the answer from the page. Tokens
 * travel in Authorization, never in cookies, so credentials stay off.
 */
export function corsOptions(origins: readonly string[]): FastifyCorsOptions {
  return {
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: [...ALLOWED_HEADERS],
    exposedHeaders: [...EXPOSED_HEADERS],
    credentials: false,
    maxAge: 600,
    strictPreflight: true,
  };
}
