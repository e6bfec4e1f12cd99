import fc from 'fast-check';

/** Characters node:http lets into a header value (tab, visible latin1): the rest is refused client-side. */
const headerChar = fc
  .oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.integer({ min: 0x80, max: 0xff }),
    fc.constant(0x09),
  )
  .map((code) => String.fromCharCode(code));
const headerText = (maxLength: number) => fc.string({ unit: headerChar, maxLength });
/** UTF-8 text as the raw bytes a header carries (node:http takes header values as latin1). */
const utf8Bytes = (text: string) => Buffer.from(text).toString('latin1');

export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 6 },
  {
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'Application/JSON; Charset=UTF-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json;charset="utf-8"',
      'application/json, text/plain',
      'application/json; boundary=x; charset=utf-8',
      'application/jsonx',
      'application/vnd.api+json',
      'application/merge-patch+json',
      'text/plain',
      'text/json',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----x',
      'application/octet-stream',
      '*/*',
      '',
      ';',
      'application/',
      'json',
    ),
    weight: 3,
  },
  { arbitrary: headerText(60), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

const idempotencyKey = fc.oneof(
  fc.constantFrom(
    'key-1',
    'k'.repeat(200),
    'k'.repeat(201),
    'with space',
    '',
    utf8Bytes('ключ'),
    '__proto__',
  ),
  headerText(30),
);
const ifMatch = fc.oneof(
  fc.constantFrom(
    '"0"',
    '"3"',
    'W/"2"',
    '"-1"',
    '*',
    '"99999999999999999999"',
    '"1", "2"',
    'abc',
    '""',
    '"-2"',
    '"1e3"',
  ),
  headerText(30),
);
const forwardedFor = fc.constantFrom(
  '203.0.113.9',
  'not-an-ip',
  '1.2.3.4, 5.6.7.8',
  '::1',
  '',
  '999.999.999.999',
);

/** Headers beside Authorization and Content-Type: optional, sometimes sent twice. */
export const extraHeaders: fc.Arbitrary<Record<string, string | string[]>> = fc
  .record(
    {
      'idempotency-key': fc.oneof(idempotencyKey, fc.tuple(idempotencyKey, idempotencyKey)),
      'if-match': fc.oneof(ifMatch, fc.tuple(ifMatch, ifMatch)),
      'x-correlation-id': fc.oneof(headerText(300), fc.constantFrom('corr-1', 'x'.repeat(201))),
      'content-encoding': fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'x-unknown'),
      'x-forwarded-for': forwardedFor,
      accept: fc.constantFrom('text/html', 'application/xml', '*/*', 'application/json;q=0'),
      'x-http-method-override': fc.constantFrom('DELETE', 'PUT'),
      [`x-${'h'.repeat(20)}`]: headerText(2000),
    },
    { requiredKeys: [] },
  )
  .map((headers) => {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers))
      out[name] = typeof value === 'string' ? value : [...(value as readonly string[])];
    return out;
  });

/** Bytes that are not valid UTF-8: a stray continuation byte, overlong forms, surrogates, 0xFF. */
const INVALID_UTF8 = [
  [0x80],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xff],
  [0xfe, 0xff],
  [0xf4, 0x90, 0x80, 0x80],
  [0xc3],
];

/** A JSON body with raw bytes where text goes, or bytes that are not JSON text at all. */
export function rawBytes(json: fc.Arbitrary<string>): fc.Arbitrary<Buffer> {
  const invalid = fc.constantFrom(...INVALID_UTF8).map((bytes) => Buffer.from(bytes));
  return fc.oneof(
    fc.tuple(json, invalid, fc.nat()).map(([text, bytes, at]) => {
      const quote = text.indexOf('"', at % Math.max(text.length, 1));
      const cut = quote < 0 ? text.length : quote + 1;
      return Buffer.concat([Buffer.from(text.slice(0, cut)), bytes, Buffer.from(text.slice(cut))]);
    }),
    json.map((text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    json.map((text) => Buffer.from(text, 'utf16le')),
    json.map((text) => Buffer.from(text, 'latin1')),
    json.map((text) => Buffer.from(text.slice(0, Math.floor(text.length / 2)))),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    fc.constantFrom(
      Buffer.alloc(0),
      Buffer.from(' '),
      Buffer.from('\u0000'),
      Buffer.from('{}{}'),
      Buffer.from('{"a":1}garbage'),
    ),
  );
}

/** Ways to bend a path: query strings, slashes, percent-encoding, raw bytes, length, case. */
export function bentPath(path: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: path, weight: 6 },
    { arbitrary: path.map((p) => `${p}?x=1&x=2&__proto__[polluted]=yes`), weight: 1 },
    { arbitrary: path.map((p) => `${p}/`), weight: 1 },
    { arbitrary: path.map((p) => p.replace(/\//g, '//')), weight: 1 },
    { arbitrary: path.map((p) => p.toUpperCase()), weight: 1 },
    { arbitrary: path.map((p) => `${p}%`), weight: 1 },
    { arbitrary: path.map((p) => p.replace(/\/([^/]*)$/, '/%E0%A4%A/$1')), weight: 1 },
    { arbitrary: path.map((p) => `${p}\xff\xfe`), weight: 1 },
    { arbitrary: path.map((p) => `/councils/../..${p}`), weight: 1 },
    { arbitrary: path.map((p) => `${p}/${'a'.repeat(5000)}`), weight: 1 },
    { arbitrary: path.map((p) => `${p};jsessionid=1`), weight: 1 },
    { arbitrary: path.map((p) => `${p}%00`), weight: 1 },
  );
}

/** Mostly the route's own method, sometimes another one. */
export const methodFor = (own: string) =>
  fc.oneof(
    { arbitrary: fc.constant(own), weight: 8 },
    {
      arbitrary: fc.constantFrom(
        'PUT',
        'PATCH',
        'DELETE',
        'GET',
        'OPTIONS',
        'PROPFIND',
        'TRACE',
        'FOO',
      ),
      weight: 1,
    },
  );
