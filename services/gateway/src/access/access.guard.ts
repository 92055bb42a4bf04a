import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError, hasRole, type Role } from '@cttech/auth';
import { GatewayError } from '../problem.ts';
import {
  publicKey,
  rolesKey,
  TOKEN_VERIFIER,
  type AuthenticatedRequest,
  type TokenVerifier,
} from './access-rules.ts';

const bearer = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/;

/**
 * The global guard: a route is refused unless it is public, or the caller presents a valid
 * bearer token (401 otherwise) and holds one of the roles the route names (403 otherwise).
 * A route that names no roles is refused to everyone: access is never granted by omission.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifyToken: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(publicKey, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearer.exec(request.headers.authorization ?? '')?.[1];
    if (!token) {
      throw new GatewayError(
        'UNAUTHENTICATED',
        'send an access token as Authorization: Bearer <token>',
      );
    }
    try {
      request.principal = await this.verifyToken(token);
      request.accessToken = token;
    } catch (error) {
      if (error instanceof AuthenticationError) {
        throw new GatewayError('UNAUTHENTICATED', error.message, [], { cause: error });
      }
      throw error;
    }

    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(
      rolesKey,
      targets,
    );
    if (!allowed || allowed.length === 0) {
      throw new GatewayError('FORBIDDEN', 'this route is not open to any role');
    }
    if (!hasRole(request.principal, ...allowed)) {
      throw new GatewayError(
        'FORBIDDEN',
        `this route is for ${allowed.join(', ')}; you are ${request.principal.roles.join(', ')}`,
      );
    }
    return true;
  }
}
