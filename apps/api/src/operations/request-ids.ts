import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** An incoming X-Request-Id is kept only if it cannot smuggle anything into a log or a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:@+=-]{0,127}$/;

/** The caller's X-Request-Id when it is a sane token (a proxy's or a client's), else a fresh UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

interface RequestIdHost {
  setGenReqId(generate: (request: IncomingMessage) => string): unknown;
  addHook(
    name: 'onRequest',
    hook: (
      request: { id: string },
      reply: { header(name: string, value: string): unknown },
      done: () => void,
    ) => void,
  ): unknown;
}

/** Every request gets an id (Fastify's request.id, which the logs use) echoed in X-Request-Id. */
export function installRequestIds(fastify: RequestIdHost): void {
  fastify.setGenReqId(requestIdFor);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
}
