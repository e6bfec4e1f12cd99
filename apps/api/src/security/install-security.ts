import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type LedgerConfig, TokenVerifier, createRateLimiter } from '#ledger';
import { corsOptions } from './cors-options.js';
import { installRateLimit } from './rate-limit.hook.js';
import { HELMET_OPTIONS } from './security-headers.js';

/**
 * CORS (only with LEDGER_CORS_ORIGINS), security headers, then the rate limit, in that
 * order: Fastify runs onRequest hooks in registration order, and a refusal by a later one
 * still carries the headers the earlier ones set.
 */
export async function installSecurity(
  app: NestFastifyApplication,
  config: LedgerConfig,
): Promise<void> {
  if (config.corsOrigins.length > 0)
    await app.register(fastifyCors, corsOptions(config.corsOrigins));
  await app.register(fastifyHelmet, HELMET_OPTIONS);
  installRateLimit(
    app.getHttpAdapter().getInstance(),
    createRateLimiter(config),
    app.get(TokenVerifier),
  );
}
