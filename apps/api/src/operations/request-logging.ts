import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DestinationStream, type Logger, pino } from 'pino';
import { type HttpLogger, pinoHttp } from 'pino-http';
import type { LogLevel } from '#ledger';
import { correlationIds } from './correlation.interceptor.js';

/** Probes and scrapes come every few seconds: logged only at debug unless they fail. */
const ROUTINE = /^\/(health\/(live|ready)|metrics)(\?|$)/;

export interface RequestLogging {
  /** The app's pino logger: Nest's own logs go through it too (nestjs-pino). */
  readonly logger: Logger;
  readonly http: HttpLogger<IncomingMessage, ServerResponse>;
}

/**
 * One JSON line per request (pino-http): reqId (the X-Request-Id), method,
 * url, status, response time, and on writes the correlationId of the events
 * written. Credentials never reach the log. One logger per app, so several
 * apps in one process (the tests) each write where they were told.
 */
export function requestLogging(level: LogLevel, stream?: DestinationStream): RequestLogging {
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["proxy-authorization"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  };
  const logger = stream === undefined ? pino(options) : pino(options, stream);
  const http = pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    // Fastify has already chosen the id (request-ids.ts) and put it on the raw request.
    genReqId: (request) => (request as { id?: string }).id ?? 'unknown',
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'reqId' },
    customProps: (request) => {
      const correlationId = correlationIds.get(request);
      return correlationId === undefined ? {} : { correlationId };
    },
    customLogLevel: (request, response, error) => {
      if (error !== undefined || response.statusCode >= 500) return 'error';
      if (response.statusCode >= 400) return 'warn';
      return ROUTINE.test(request.url ?? '') ? 'debug' : 'info';
    },
  });
  return { logger, http };
}

interface RequestLoggingHost {
  addHook(
    name: 'onRequest',
    hook: (
      request: { id: string; raw: IncomingMessage },
      reply: { raw: ServerResponse },
      done: () => void,
    ) => void,
  ): unknown;
}

/**
 * On the Fastify instance rather than as Nest middleware: it sees every
 * request, including those refused before any route (404, 413, shutdown 503).
 */
export function installRequestLogging(fastify: RequestLoggingHost, logging: RequestLogging): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    (request.raw as { id?: string }).id = request.id;
    logging.http(request.raw, reply.raw);
    done();
  });
}
