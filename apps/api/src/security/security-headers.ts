import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * One policy for the whole API. JSON answers need none of it, but two routes are pages: the
 * Swagger UI at /docs (its own scripts and styles from /docs, an inline <style>, data: images)
 * and the quarterly report at /snapshots/{id}/report.html (an inline <style> and inline SVG
 * charts, nothing fetched). Neither runs an inline script, so scripts stay 'self' only; inline
 * styles are allowed because both pages carry them and SVG style attributes need them.
 * upgrade-insecure-requests is left out: behind plain http (a laptop, a test) it would send
 * the Swagger UI's own assets to an https port that is not there.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
} as const;

export const HELMET_OPTIONS: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: Object.fromEntries(
      Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]]),
    ),
  },
  // The API is framed by nobody (frame-ancestors 'none' says the same to newer browsers).
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
};
