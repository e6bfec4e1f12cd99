import type { Socket } from 'node:net';

/** What Node's HTTP parser refused, as the status and code a client can act on. */
function refusalOf(code: string | undefined): { status: number; reason: string; code: string } {
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, reason: 'Request Header Fields Too Large', code: 'header_overflow' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, reason: 'Request Timeout', code: 'request_timeout' };
  return { status: 400, reason: 'Bad Request', code: 'malformed_request' };
}

/**
 * Requests Node's parser refuses (raw bytes in the path, a bad header, headers over 16 KiB)
 * never reach Fastify's routing or Nest's filter; Fastify's own answer has no `code` and says
 * only "Client Error". This one answers in the error filter's shape, naming the parser's reason.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal = refusalOf(error.code);
  const body = JSON.stringify({
    statusCode: refusal.status,
    error: refusal.reason,
    code: refusal.code,
    message: `the request is not valid HTTP/1.1 (${error.code ?? 'unknown parser error'})`,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
