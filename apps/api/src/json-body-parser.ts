import type { FastifyInstance } from 'fastify';

/** Deeper than any command needs; deep nesting only serves to exhaust the validators' recursion. */
export const MAX_JSON_DEPTH = 32;

class BodyTooDeep extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_BODY_TOO_DEEP';
  constructor() {
    super(`the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Fastify's own JSON parser (which refuses `__proto__` and `constructor.prototype`
 * keys), plus a depth limit: class-transformer recurses over the body and a
 * deeply nested one would overflow the stack, a 500 for bad input.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  // The API takes JSON only: a body in any other type is a 415, not a string to validate.
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, String(body), (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      if (depthExceeds(value, MAX_JSON_DEPTH)) return done(new BodyTooDeep(), undefined);
      done(null, value);
    });
  });
}
