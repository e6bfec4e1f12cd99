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

class BodyNotUtf8 extends Error {
  readonly code = 'FST_ERR_BODY_NOT_UTF8';
  constructor(
    readonly statusCode: 400 | 415,
    message: string,
  ) {
    super(message);
  }
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON between systems is UTF-8 (RFC 8259 §8.1). Decoding leniently would turn stray bytes
 * into U+FFFD and store the mangled text for good; refuse them instead, and any other charset.
 */
function utf8Text(contentType: string | undefined, body: Buffer): string | BodyNotUtf8 {
  const charset = CHARSET.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    return new BodyNotUtf8(415, `JSON bodies must be UTF-8, not charset=${charset.slice(0, 40)}`);
  try {
    return strictUtf8.decode(body);
  } catch {
    return new BodyNotUtf8(400, 'the body is not valid UTF-8');
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
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const text = utf8Text(request.headers['content-type'], body as Buffer);
    if (text instanceof Error) return done(text, undefined);
    parse(request, text, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      if (depthExceeds(value, MAX_JSON_DEPTH)) return done(new BodyTooDeep(), undefined);
      done(null, value);
    });
  });
}
