// Who may call what. Deny by default: every route needs a valid access token and names the
// roles allowed on it; only the routes marked public (health, the OpenAPI document, the
// development issuer) are open.
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from '@cttech/auth';
import type { FastifyRequest } from 'fastify';

export const rolesKey = 'cttech:roles';
export const publicKey = 'cttech:public';

/** The roles allowed on a route (or on every route of a controller). */
export const Roles = (...allowed: readonly [Role, ...Role[]]) => SetMetadata(rolesKey, allowed);

/** A route open without a token: liveness, readiness, the API document, local tokens. */
export const Public = () => SetMetadata(publicKey, true);

/** Checks an access token: the caller, or an AuthenticationError saying why not. */
export type TokenVerifier = (token: string) => Promise<Principal>;
export const TOKEN_VERIFIER = Symbol('TokenVerifier');

/** The request as the access guard leaves it: with the caller it verified. */
export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
  /** The bearer token the principal was verified from, for services that check it again. */
  accessToken?: string;
}

/** The authenticated caller of the route (the access guard has verified them). */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!principal) throw new Error('Caller used on a route the access guard did not verify');
  return principal;
});

/** The caller's own access token, to pass on to a service that checks it again. */
export const CallerToken = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const { accessToken } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!accessToken) throw new Error('CallerToken used on a route the access guard did not verify');
  return accessToken;
});
