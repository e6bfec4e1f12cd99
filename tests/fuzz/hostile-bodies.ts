import fc from 'fast-check';
import {
  BAD_DATES,
  type JsonTree,
  POLLUTERS,
  hostileKey,
  hostileValue,
  jsonText,
  object,
} from './json-text.js';
import { OPTIONAL_FIELDS, validBody } from './valid-bodies.js';

type Entries = readonly (readonly [string, JsonTree])[];

/** One change to a valid body: what a careless or hostile client does to one field. */
type Mutation =
  | { readonly op: 'set'; readonly field: string; readonly value: JsonTree }
  | { readonly op: 'delete'; readonly field: string }
  | { readonly op: 'add'; readonly key: string; readonly value: JsonTree }
  | { readonly op: 'repeat'; readonly field: string; readonly value: JsonTree };

function apply(entries: Entries, mutation: Mutation): Entries {
  switch (mutation.op) {
    case 'set':
      return entries.map(([key, value]) =>
        key === mutation.field ? [key, mutation.value] : [key, value],
      );
    case 'delete':
      return entries.filter(([key]) => key !== mutation.field);
    case 'add':
      return [...entries, [mutation.key, mutation.value]];
    case 'repeat':
      return [...entries, [mutation.field, mutation.value]];
    default: {
      const never: never = mutation;
      return never;
    }
  }
}

const dateFields = (fields: readonly string[]) =>
  fields.filter((field) => /occurredAt|lastDay|valid|onSite|period|asKnownAt/.test(field));

/** A field whose valid value is an object (snapshot params, a correction), faulted inside. */
function nestedMutations(valid: Entries): fc.Arbitrary<Mutation>[] {
  return valid.flatMap(([field, value]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    if (!('entries' in value)) return [];
    const inner: Entries = (value as { entries: Entries }).entries;
    if (inner.length === 0) return [];
    return [
      fc
        .tuple(fc.constantFrom(...inner.map(([key]) => key)), hostileValue)
        .map(([key, faulty]): Mutation => ({
          op: 'set',
          field,
          value: { entries: inner.map(([k, v]) => [k, k === key ? faulty : v] as const) },
        })),
      fc.tuple(hostileKey, hostileValue).map(([key, extra]): Mutation => ({
        op: 'set',
        field,
        value: { entries: [...inner, [key, extra]] },
      })),
    ];
  });
}

/** Optional fields the valid body leaves out, set to values worth trying or hostile ones. */
function optionalMutations(route: string): fc.Arbitrary<Mutation>[] {
  return Object.entries(OPTIONAL_FIELDS[route] ?? {}).map(([key, values]) =>
    fc
      .oneof(fc.constantFrom(...(values as JsonTree[])), hostileValue)
      .map((value): Mutation => ({ op: 'add', key, value })),
  );
}

function mutation(route: string, valid: Entries): fc.Arbitrary<Mutation> {
  const fields = valid.map(([key]) => key);
  const anyField = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('occurredAt');
  const dates = dateFields(fields);
  const deeper = [...nestedMutations(valid), ...optionalMutations(route)];
  return fc.oneof(
    ...deeper.map((arbitrary) => ({ arbitrary, weight: 2 })),
    {
      arbitrary: fc.record({
        op: fc.constant('set' as const),
        field: anyField,
        value: hostileValue,
      }),
      weight: 5,
    },
    ...(dates.length > 0
      ? [
          {
            arbitrary: fc.record({
              op: fc.constant('set' as const),
              field: fc.constantFrom(...dates),
              value: fc.oneof(
                fc.constantFrom<JsonTree>(...BAD_DATES),
                fc.integer({ min: 0, max: 2 ** 42 }),
              ),
            }),
            weight: 2,
          },
        ]
      : []),
    { arbitrary: fc.record({ op: fc.constant('delete' as const), field: anyField }), weight: 1 },
    {
      arbitrary: fc.record({
        op: fc.constant('add' as const),
        key: hostileKey,
        value: hostileValue,
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        op: fc.constant('repeat' as const),
        field: anyField,
        value: hostileValue,
      }),
      weight: 1,
    },
  );
}

/** A body for one route, as the bytes to send: mostly a valid body with one to three faults. */
export function hostileBody(route: string): fc.Arbitrary<string> {
  const valid = object(validBody(route)) as { entries: Entries };
  const mutated = fc
    .array(mutation(route, valid.entries), { minLength: 1, maxLength: 3 })
    .map((mutations) => jsonText({ entries: mutations.reduce(apply, valid.entries) }));
  const polluted = fc
    .constantFrom(...POLLUTERS)
    .map((polluter) =>
      jsonText(
        Array.isArray(polluter)
          ? polluter
          : { entries: [...valid.entries, ...(polluter as { entries: Entries }).entries] },
      ),
    );
  return fc.oneof(
    { arbitrary: mutated, weight: 8 },
    { arbitrary: polluted, weight: 2 },
    { arbitrary: fc.constant(jsonText(valid)), weight: 1 },
    { arbitrary: hostileValue.map(jsonText), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)), weight: 1 },
  );
}
