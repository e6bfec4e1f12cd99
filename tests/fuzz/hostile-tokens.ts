import fc from 'fast-check';
import { SignJWT } from 'jose';
import { TEST_SECRET } from '../support/test-app.js';

const ISSUER = 'council-engagement-ledger';
const encode = (text: string) => new TextEncoder().encode(text);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

interface SignOptions {
  readonly claims?: Record<string, unknown>;
  readonly secret?: string;
  readonly alg?: 'HS256' | 'HS384' | 'HS512';
  readonly iss?: string;
  readonly sub?: string | null;
  readonly exp?: number;
  readonly nbf?: number;
}

function sign(options: SignOptions): Promise<string> {
  let jwt = new SignJWT({ role: 'admin', ...options.claims })
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setIssuer(options.iss ?? ISSUER)
    .setIssuedAt(now() - 120)
    .setExpirationTime(options.exp ?? now() + 3600);
  if (options.sub !== null) jwt = jwt.setSubject(options.sub ?? 'fuzz-admin');
  if (options.nbf !== undefined) jwt = jwt.setNotBefore(options.nbf);
  return jwt.sign(encode(options.secret ?? TEST_SECRET));
}

/** A valid token with its payload swapped for another: the signature no longer matches. */
function tampered(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const original = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
  return [header, base64url({ ...original, ...claims }), signature].join('.');
}

function withHeader(token: string, header: Record<string, unknown>): string {
  const [, payload, signature] = token.split('.') as [string, string, string];
  return [base64url(header), payload, signature].join('.');
}

/** Tokens by name: the ones that must pass, and every way of forging one. */
export async function tokenPool(): Promise<Readonly<Record<string, string>>> {
  const admin = await sign({});
  const unsignedPayload = base64url({ iss: ISSUER, sub: 'x', role: 'admin', exp: now() + 3600 });
  return {
    admin,
    manager: await sign({ claims: { role: 'manager' }, sub: 'fuzz-manager' }),
    board: await sign({ claims: { role: 'board' }, sub: 'fuzz-board' }),
    adviserInPatch: await sign({
      claims: { role: 'adviser', patch: ['London', 'E09000007'] },
      sub: 'fuzz-adviser',
    }),
    adviserElsewhere: await sign({
      claims: { role: 'adviser', patch: ['North East'] },
      sub: 'fuzz-adviser-ne',
    }),
    expired: await sign({ exp: now() - 10 }),
    notYetValid: await sign({ nbf: now() + 3600 }),
    wrongSecret: await sign({ secret: 'another-secret-0123456789-abcdefghijklmnop' }),
    hs512: await sign({ alg: 'HS512' }),
    wrongIssuer: await sign({ iss: 'someone-else' }),
    noSubject: await sign({ sub: null }),
    longSubject: await sign({ sub: 's'.repeat(201) }),
    unknownRole: await sign({ claims: { role: 'superadmin' } }),
    roleList: await sign({ claims: { role: ['admin'] } }),
    patchString: await sign({ claims: { role: 'adviser', patch: 'London' } }),
    patchNumbers: await sign({ claims: { role: 'adviser', patch: [1, 2] } }),
    adviserNoPatch: await sign({ claims: { role: 'adviser' } }),
    protoClaims: await sign({
      claims: JSON.parse('{"__proto__":{"polluted":"yes"},"role":"admin"}'),
    }),
    escalated: tampered(await sign({ claims: { role: 'board' } }), { role: 'admin' }),
    algNone: `${base64url({ alg: 'none', typ: 'JWT' })}.${unsignedPayload}.`,
    algNoneUpper: `${base64url({ alg: 'NONE', typ: 'JWT' })}.${unsignedPayload}.`,
    algRs256: withHeader(admin, { alg: 'RS256', typ: 'JWT' }),
    critHeader: withHeader(admin, { alg: 'HS256', crit: ['exp'], typ: 'JWT' }),
    twoParts: admin.split('.').slice(0, 2).join('.'),
    notBase64: 'a$b.c$d.e$f',
    empty: '',
    huge: 'a'.repeat(9000),
  };
}

/** The Authorization header a caller sends (undefined: none), from a pool of tokens. */
export function authorization(
  pool: Readonly<Record<string, string>>,
): fc.Arbitrary<string | undefined> {
  const name = fc.constantFrom(...Object.keys(pool));
  const token = name.map((key) => pool[key]!);
  return fc.oneof(
    { arbitrary: token.map((value) => `Bearer ${value}`), weight: 6 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom('bearer', 'BEARER', 'Bearer ', 'Bearer\t', 'Basic', 'Token', 'Bearer:'),
          token,
        )
        .map(([scheme, value]) => `${scheme} ${value}`),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom(
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        `Bearer ${'é'.repeat(10)}`,
        'Bearer null',
        'Bearer undefined',
      ),
      weight: 1,
    },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}
