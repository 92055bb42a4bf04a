import { AuthenticationError, hasRole, type Principal, type Role } from '@cttech/auth';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { rolesKey, withoutAuthenticationKey, type AuthenticatedRequest } from './access.ts';
import { serviceError } from './service-error.ts';

/** Verifies a bearer token: the caller, or an AuthenticationError saying why not. */
export type TokenVerifier = (token: string) => Promise<Principal>;
export const TokenVerifier = Symbol('TokenVerifier');

/**
 * The global guard: every route requires a verified bearer token and names the roles that may
 * call it; a route that names none is refused. Only routes marked WithoutAuthentication
 * (health) are open.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly reflector: Reflector;
  private readonly verifyToken: TokenVerifier;

  constructor(
    @Inject(Reflector) reflector: Reflector,
    @Inject(TokenVerifier) verifyToken: TokenVerifier,
  ) {
    this.reflector = reflector;
    this.verifyToken = verifyToken;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(withoutAuthenticationKey, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request.headers.authorization);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(rolesKey, targets) ?? [];
    if (allowed.length === 0) {
      throw serviceError('ROLE_NOT_ALLOWED', 'this route names no roles: it is closed to everyone');
    }
    if (!hasRole(principal, ...allowed)) {
      throw serviceError(
        'ROLE_NOT_ALLOWED',
        `this route is for ${allowed.join(', ')}; the caller is ${principal.roles.join(', ')}`,
      );
    }
    request.principal = principal;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Principal> {
    const token = /^Bearer ([^\s]+)$/i.exec(header ?? '')?.[1];
    if (!token) {
      throw serviceError(
        'AUTHENTICATION_REQUIRED',
        'an Authorization: Bearer <token> header is required',
      );
    }
    try {
      return await this.verifyToken(token);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        throw serviceError('AUTHENTICATION_REQUIRED', error.message);
      }
      throw error;
    }
  }
}
