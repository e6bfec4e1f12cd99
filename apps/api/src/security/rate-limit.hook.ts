import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type RateLimiter, type TokenVerifier, bearerToken } from '#ledger';

/** Probes and the scraper must answer even when a caller has used up its budget. */
const EXEMPT = /^\/(health|metrics)(\/|\?|$)/;

/**
 * Whom a request counts against: the subject of a token that verifies, else the caller's
 * address. An unverified `sub` is never trusted: a forger could spread requests over made-up
 * subjects, or spend someone else's budget.
 */
async function callerKey(request: FastifyRequest, verifier: TokenVerifier): Promise<string> {
  const token = bearerToken(request.headers['authorization']);
  if (token !== undefined) {
    try {
      return `sub:${(await verifier.verify(token)).subject}`;
    } catch {
      // an invalid token counts against the address it came from
    }
  }
  // Behind a proxy the address comes from X-Forwarded-For, which a client can pad.
  return `ip:${request.ip.slice(0, 100)}`;
}

/**
 * Counts each request before its body is read, so a caller over the limit costs no parsing,
 * no validation and no store round trip. Runs after the CORS and security-header hooks, so
 * a 429 carries their headers too.
 */
export function installRateLimit(
  fastify: FastifyInstance,
  limiter: RateLimiter,
  verifier: TokenVerifier,
): void {
  fastify.addHook('onClose', () => limiter.close());
  if (!limiter.enabled) return;
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS' || EXEMPT.test(request.url)) return;
    const decision = await limiter.decide(await callerKey(request, verifier));
    if (decision.allowed) return;
    const seconds = decision.retryAfterSeconds;
    await reply
      .code(429)
      .header('retry-after', String(seconds))
      .header('content-type', 'application/json; charset=utf-8')
      .send({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'rate_limited',
        message: `more than ${decision.limit} requests a minute from this caller; retry in ${seconds} s`,
        retryAfterSeconds: seconds,
      });
    return reply;
  });
}
