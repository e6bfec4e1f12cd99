import { EventStoreError, StoreUnavailable } from '../errors.js';

/**
 * SQLSTATE classes meaning "the database cannot serve us now" rather than "the
 * request is wrong": connection exceptions, insufficient resources, operator
 * intervention (shutdown, crash recovery), authorisation, missing database.
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0|28|3D000)/;

/** Socket-level failures from `pg` and `net`, before any SQLSTATE exists. */
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /cannot use a pool after calling end/i,
  /client has encountered a connection error/i,
  /client was closed/i,
  /not queryable/i,
  /pglite is closed/i,
];

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailable) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  const code = codeOf(error);
  if (code !== undefined && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) {
    return true;
  }
  const message = error instanceof Error ? error.message : String(error);
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/** Connection trouble becomes StoreUnavailable; anything else (a bug) keeps its identity. */
export function toStoreError(error: unknown, what: string): unknown {
  if (error instanceof EventStoreError) return error;
  if (isUnavailable(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new StoreUnavailable(`${what}: ${detail || codeOf(error) || 'connection failed'}`, {
      cause: error,
    });
  }
  return error;
}

export const isUniqueViolation = (error: unknown): boolean => codeOf(error) === '23505';
