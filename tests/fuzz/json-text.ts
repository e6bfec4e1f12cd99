import fc from 'fast-check';

/**
 * JSON as an attacker writes it, not as JSON.stringify would: objects are lists of entries, so
 * a body can repeat a key or carry `__proto__` as an own key, and `raw` emits tokens verbatim
 * (1e999, -0, a number with 400 digits) that no JavaScript value serialises to.
 */
export type JsonTree =
  | null
  | boolean
  | number
  | string
  | readonly JsonTree[]
  | { readonly entries: readonly (readonly [string, JsonTree])[] }
  | { readonly raw: string };

const isEntries = (tree: object): tree is { entries: readonly (readonly [string, JsonTree])[] } =>
  'entries' in tree;

export function jsonText(tree: JsonTree): string {
  if (tree === null || typeof tree !== 'object') return JSON.stringify(tree) ?? 'null';
  if (Array.isArray(tree)) return `[${tree.map(jsonText).join(',')}]`;
  if (isEntries(tree as object)) {
    const { entries } = tree as { entries: readonly (readonly [string, JsonTree])[] };
    return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${jsonText(value)}`).join(',')}}`;
  }
  return (tree as { raw: string }).raw;
}

export const object = (record: Readonly<Record<string, unknown>>): JsonTree => ({
  entries: Object.entries(record).map(([key, value]) => [key, value as JsonTree]),
});

/** Payloads that would set Object.prototype.polluted if anything merged them naively. */
export const POLLUTERS: readonly JsonTree[] = [
  { entries: [['__proto__', { entries: [['polluted', 'yes']] }]] },
  { entries: [['constructor', { entries: [['prototype', { entries: [['polluted', 'yes']] }]] }]] },
  { entries: [['prototype', { entries: [['polluted', 'yes']] }]] },
  [{ entries: [['__proto__', { entries: [['polluted', 'yes']] }]] }],
];

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
] as const;

export const BAD_DATES = [
  '2020-02-30',
  '2020-13-01',
  '2019-00-10',
  '2019-06-31',
  '2019-02-29',
  '',
  ' ',
  '20190612',
  '2019-6-12',
  '2019-06-12T00:00:00Z',
  '2019-06-12 ',
  '+2019-06-12',
  '+002019-06-12',
  '0000-01-01',
  '9999-12-31',
  '1899-12-31',
  '2100-01-01',
  '2030-01-01',
  '2019-06-12\u0000',
  '２０１９-06-12',
  'yesterday',
  'Invalid Date',
] as const;

export const BAD_GSS_CODES = [
  'e08000003',
  'E0800000',
  'E080000031',
  'W06000023',
  'S12000033',
  'E08 000003',
  'Ｅ08000003',
  'E08000003 ',
  'E08000003\n',
  'E٠٨000003',
  '',
] as const;

const WEIRD_STRINGS = [
  '\u0000',
  'null',
  'undefined',
  'NaN',
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
  '../../etc/passwd',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '%00%2e%2e%2f',
  '\uFEFFx',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Egnp.exe',
  'x\r\nX-Injected: 1',
  '🏛️'.repeat(50),
  ...PROTOTYPE_KEYS,
];

/** Numbers past what JavaScript holds, or spelt as JSON allows but parsers disagree on. */
const RAW_NUMBERS = [
  '1e999',
  '-1e999',
  '-0',
  '1e-7',
  '5e-324',
  '9007199254740993',
  '1'.repeat(400),
  '0.1000000000000000055511151231257827',
  '1E2',
  '2.50',
] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...WEIRD_STRINGS, ...BAD_DATES, ...BAD_GSS_CODES), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(100, 201, 2001, 70_000, 300_000), fc.constantFrom('x', 'é', '\u0000'))
      .map(([length, char]) => char.repeat(length)),
    weight: 1,
  },
);

const hostileNumber: fc.Arbitrary<JsonTree> = fc.oneof(
  fc.constantFrom<JsonTree>(0, -1, 1, 2.5, 0.3, 1.005, 2 ** 31, 2 ** 53, -(2 ** 53), 1e21, 1.5e300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(...RAW_NUMBERS).map((raw): JsonTree => ({ raw })),
);

/** n levels of arrays or objects around a leaf: past and below the parser's depth limit. */
export const deepNesting: fc.Arbitrary<JsonTree> = fc
  .tuple(fc.constantFrom(5, 20, 31, 32, 33, 200, 5000), fc.boolean())
  .map(([depth, arrays]) => ({
    raw: arrays
      ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  }));

const hugeArray: fc.Arbitrary<JsonTree> = fc
  .tuple(
    fc.constantFrom(51, 1000, 30_000),
    fc.constantFrom<JsonTree>('E08000003', 1, null, { entries: [] }),
  )
  .map(([length, item]) => ({ raw: `[${Array(length).fill(jsonText(item)).join(',')}]` }));

const key: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS, 'polluted', 'gss', 'recordedBy', 'eventId', '', ' ', 'a.b'),
  fc.string({ maxLength: 12 }),
);

/** Any JSON value an attacker might put where a field's value goes. */
export const hostileValue: fc.Arbitrary<JsonTree> = fc.letrec<{ value: JsonTree }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: hostileString, weight: 5 },
    { arbitrary: hostileNumber, weight: 3 },
    { arbitrary: fc.constantFrom<JsonTree>(null, true, false, [], { entries: [] }), weight: 2 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    {
      arbitrary: fc
        .array(fc.tuple(key, tie('value')), { maxLength: 4 })
        .map((entries): JsonTree => ({ entries })),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(...POLLUTERS), weight: 1 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: hugeArray, weight: 1 },
  ),
})).value;

export { key as hostileKey };
