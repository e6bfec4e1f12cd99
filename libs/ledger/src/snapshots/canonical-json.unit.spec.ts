import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical-json.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonicalJson', () => {
  it('sorts keys at every depth, so the order a document was built in does not matter', () => {
    const a = { b: 1, a: { z: [3, { y: true, x: null }], c: 'x' } };
    const b = { a: { c: 'x', z: [3, { x: null, y: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","z":[3,{"x":null,"y":true}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(sha256Hex(b)).toBe(sha256Hex(a));
  });

  it('keeps array order, at any nesting', () => {
    expect(canonicalJson([[2, 1], [], [[{ b: 0, a: 0 }]]])).toBe('[[2,1],[],[[{"a":0,"b":0}]]]');
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('sorts keys by UTF-16 code unit and writes unicode as itself, hashing its UTF-8 bytes', () => {
    const value = { é: 'Tŵr', Z: '🏛', a: 'Ünïcode', '\u0000': 'line\nbreak "quoted"' };
    const text = canonicalJson(value);
    expect(text).toBe('{"\\u0000":"line\\nbreak \\"quoted\\"","Z":"🏛","a":"Ünïcode","é":"Tŵr"}');
    expect(JSON.parse(text)).toEqual(value);
    expect(sha256Hex(value)).toBe(sha256(text));
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(text.length);
  });

  it('writes numbers as JavaScript prints them and leaves undefined properties out', () => {
    expect(canonicalJson({ n: [1.5, 0.1 + 0.2, 1e21, -0, 100] })).toBe(
      '{"n":[1.5,0.30000000000000004,1e+21,0,100]}',
    );
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('refuses what JSON cannot carry faithfully, naming where it is', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('$.a[1]');
    expect(() => canonicalJson({ a: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow('bigint');
    expect(() => canonicalJson([undefined])).toThrow('undefined');
    expect(() => canonicalJson({ when: new Date(0) })).toThrow('plain objects');
    expect(() => canonicalJson(new Map())).toThrow('plain objects');
  });

  it('gives the known SHA-256 of a small document', () => {
    expect(sha256Hex({ b: [1, 'two'], a: null })).toBe(sha256('{"a":null,"b":[1,"two"]}'));
    expect(sha256Hex({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });
});
