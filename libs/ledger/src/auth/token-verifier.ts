import { Inject, Injectable } from '@nestjs/common';
import {
  SignJWT,
  createRemoteJWKSet,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { AuthConfig, LedgerConfig } from '../config/ledger-config.js';
import { LEDGER_CONFIG } from '../tokens.js';
import { Unauthenticated } from '../errors.js';
import { type Actor, isRole, type Role } from './actor.js';

const DEVELOPMENT_ISSUER = 'council-engagement-ledger';

/** Verifies bearer tokens: HS256 with a shared secret in development, a JWKS in production. */
@Injectable()
export class TokenVerifier {
  private readonly auth: AuthConfig;
  private readonly jwks: JWTVerifyGetKey | undefined;

  constructor(@Inject(LEDGER_CONFIG) config: LedgerConfig) {
    this.auth = config.auth;
    this.jwks = config.auth.mode === 'jwks' ? createRemoteJWKSet(config.auth.jwksUrl) : undefined;
  }

  async verify(token: string): Promise<Actor> {
    let payload: JWTPayload;
    try {
      if (this.auth.mode === 'secret') {
        ({ payload } = await jwtVerify(token, this.auth.secret, {
          algorithms: ['HS256'],
          issuer: DEVELOPMENT_ISSUER,
        }));
      } else {
        ({ payload } = await jwtVerify(token, this.jwks!, {
          algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'],
          ...(this.auth.issuer ? { issuer: this.auth.issuer } : {}),
          ...(this.auth.audience ? { audience: this.auth.audience } : {}),
        }));
      }
    } catch (error) {
      throw new Unauthenticated(`invalid bearer token: ${(error as Error).message}`);
    }
    return actorFromClaims(payload);
  }
}

export function actorFromClaims(payload: JWTPayload): Actor {
  const { sub, role, patch } = payload as JWTPayload & { role?: unknown; patch?: unknown };
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) {
    throw new Unauthenticated('token has no subject');
  }
  if (!isRole(role))
    throw new Unauthenticated('token role must be adviser, manager, board or admin');
  const entries = patch === undefined ? [] : patch;
  if (!Array.isArray(entries) || !entries.every((e): e is string => typeof e === 'string')) {
    throw new Unauthenticated('token patch must be a list of regions or GSS codes');
  }
  if (role === 'adviser' && entries.length === 0)
    throw new Unauthenticated('an adviser token needs a patch');
  return { subject: sub, role, patch: entries };
}

export interface DevelopmentTokenRequest {
  readonly subject: string;
  readonly role: Role;
  readonly patch?: readonly string[];
  readonly expiresIn?: string;
}

export function issueDevelopmentToken(
  secret: Uint8Array,
  request: DevelopmentTokenRequest,
): Promise<string> {
  return new SignJWT({
    role: request.role,
    ...(request.patch?.length ? { patch: [...request.patch] } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(DEVELOPMENT_ISSUER)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '12h')
    .sign(secret);
}
