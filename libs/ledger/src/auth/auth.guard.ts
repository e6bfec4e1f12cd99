import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden, Unauthenticated } from '../errors.js';
import type { Actor, Role } from './actor.js';
import { TokenVerifier } from './token-verifier.js';
import { bearerToken } from './bearer-token.js';

const ROLES_KEY = 'ledger:roles';
const PUBLIC_KEY = 'ledger:public';

/** The roles that may call a route; a route without it is refused to everyone but `@Public()`. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['authorization'];
    const token = bearerToken(header);
    if (!token) throw new Unauthenticated('missing bearer token (Authorization: Bearer <token>)');
    const actor = await this.verifier.verify(token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(actor.role)) {
      throw new Forbidden(
        `role ${actor.role} may not ${context.getHandler().name}; allowed: ${roles.join(', ') || 'none'}`,
      );
    }
    request.actor = actor;
    return true;
  }
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Unauthenticated('no authenticated caller');
  return actor;
});
