/**
 * The token of an `Authorization: Bearer <token>` header, or undefined. The scheme is
 * case-insensitive (RFC 7235 §2.1: `bearer` and `BEARER` are the same scheme) and is followed
 * by one or more spaces; the token is RFC 6750's b64token.
 */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  return /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(header)?.[1];
}
