import { Agent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';

/** A request as the fuzz builds it: any method, a path with raw bytes, any headers and body. */
export interface HostileRequest {
  readonly method: string;
  /** Sent as latin1 bytes, so it may carry bytes that are not UTF-8. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: string | Buffer;
  /** Send the body with Transfer-Encoding: chunked and no Content-Length. */
  readonly chunked?: boolean;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** Keep-alive, so thousands of requests do not each pay for a connection. */
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

export function closeSender(): void {
  agent.destroy();
}

/**
 * node:http rather than fetch: fetch refuses duplicate headers, bytes over 0x7f in paths and
 * a chunked body without a stream; the server must meet all of them.
 */
export function send(baseUrl: string, request: HostileRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers))
    headers[name] = typeof value === 'string' ? value : [...value];
  if (body !== undefined && !request.chunked) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers,
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 30 s')));
    // A server that answers 413 before reading a large body may reset the socket under us; the
    // answer has already arrived by then, so only an error before it counts.
    outgoing.on('error', reject);
    if (body === undefined) outgoing.end();
    else if (request.chunked) {
      for (let offset = 0; offset < body.length; offset += 16 * 1024)
        outgoing.write(body.subarray(offset, offset + 16 * 1024));
      outgoing.end();
    } else outgoing.end(body);
  });
}
