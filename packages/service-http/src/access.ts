import type { Principal, Role } from '@cttech/auth';
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const rolesKey = 'cttech:roles';
export const withoutAuthenticationKey = 'cttech:without-authentication';

/** The roles that may call a route. A route that names none is refused (deny by default). */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(rolesKey, roles);

/** A route anyone may call without a token (liveness and readiness only). */
export const WithoutAuthentication = () => SetMetadata(withoutAuthenticationKey, true);

/** A request the authentication guard let through, with who made it. */
export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
}

/** The caller, as the authentication guard verified them. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('a route reading its caller must not be WithoutAuthentication');
  return principal;
});
