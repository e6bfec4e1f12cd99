import type { EventCounter } from './event-count.js';
import { type HostileRequest, type RawResponse, send } from './hostile-request.js';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** What the API must never do, whatever it is sent; a broken rule throws with the evidence. */
export function checkAnswer(
  request: HostileRequest,
  response: RawResponse,
  events: { readonly before: bigint; readonly after: bigint },
): void {
  const fail = (rule: string) => {
    const body =
      request.body === undefined
        ? ''
        : Buffer.from(request.body).subarray(0, 300).toString('latin1');
    throw new Error(
      `${rule}\n${request.method} ${request.path} → ${response.status}\n` +
        `request headers: ${JSON.stringify(request.headers).slice(0, 600)}\n` +
        `request body (first 300 bytes): ${body}\nanswer: ${response.text.slice(0, 600)}`,
    );
  };
  if (({} as Record<string, unknown>)['polluted'] !== undefined)
    fail('Object.prototype was polluted');
  if (Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTOTYPE_NAMES)
    fail('Object.prototype gained or lost a property');
  if (response.status >= 500) fail('a 5xx answer');
  if (response.status < 200 || (response.status >= 300 && response.status < 400))
    fail('neither a success nor a refusal');
  if (response.status < 400) return;
  if (events.after !== events.before)
    fail(`a refused request wrote events: ${events.before} → ${events.after} in the store`);
  if (!/^application\/json/.test(String(response.headers['content-type'])))
    fail('a refusal without a JSON body');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(response.text) as Record<string, unknown>;
  } catch {
    return fail('a refusal whose body does not parse as JSON');
  }
  if (body['statusCode'] !== response.status)
    fail('statusCode in the body differs from the status');
  for (const name of ['error', 'code', 'message'] as const) {
    const value = body[name];
    if (typeof value !== 'string' || value.length === 0) fail(`a refusal without a ${name}`);
  }
  if (body['code'] === 'validation_failed') {
    const errors = body['errors'];
    const named =
      Array.isArray(errors) &&
      errors.length > 0 &&
      errors.every(
        (error: { field?: unknown; reason?: unknown }) =>
          typeof error.field === 'string' &&
          typeof error.reason === 'string' &&
          error.reason !== '',
      );
    if (!named) fail('a validation failure that names no field and reason');
  }
}

/** Sends one request and checks the answer against the store's events before and after it. */
export async function sendAndCheck(
  events: EventCounter,
  baseUrl: string,
  request: HostileRequest,
): Promise<RawResponse> {
  const before = await events.count();
  const response = await send(baseUrl, request);
  checkAnswer(request, response, { before, after: await events.count() });
  return response;
}
