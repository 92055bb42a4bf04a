import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError, type Principal } from '@cttech/auth';
import { GatewayError } from '../problem.ts';
import { Public, Roles, type AuthenticatedRequest } from './access-rules.ts';
import { AccessGuard } from './access.guard.ts';

const officer: Principal = {
  userId: 'officer-ke-1',
  name: 'Officer',
  roles: ['PROGRAMME_OFFICER'],
  partnerStates: ['KE'],
};

class Routes {
  @Roles('PROGRAMME_OFFICER')
  forOfficers(this: void): void {}

  @Roles('PROGRAMME_MANAGER')
  forManagers(this: void): void {}

  noRoles(this: void): void {}

  @Public()
  open(this: void): void {}
}

@Roles('COMPLIANCE_REVIEWER', 'PROGRAMME_OFFICER')
class ReviewRoutes {
  inherited(this: void): void {}
}

function contextFor(
  target: object,
  handler: () => void,
  request: Partial<AuthenticatedRequest>,
): ExecutionContext {
  return {
    getHandler: () => handler,
    getClass: () => target,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const guard = new AccessGuard(new Reflector(), async (token) => {
  if (token === 'valid-officer') return officer;
  throw new AuthenticationError('the token has expired');
});
const routes = Routes.prototype;

function refusal(work: Promise<unknown>): Promise<GatewayError> {
  return work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof GatewayError)) throw error;
      return error;
    },
  );
}

describe('AccessGuard', () => {
  it('lets a caller with a valid token and an allowed role through, and records them', async () => {
    const request: Partial<AuthenticatedRequest> = {
      headers: { authorization: 'Bearer valid-officer' },
    };
    await expect(guard.canActivate(contextFor(Routes, routes.forOfficers, request))).resolves.toBe(
      true,
    );
    expect(request.principal).toEqual(officer);
  });

  it('refuses a missing, non-bearer or invalid token with 401 and the reason', async () => {
    for (const authorization of [undefined, 'Basic b2ZmaWNlcjpwdw==', 'Bearer', 'Bearer a b']) {
      const error = await refusal(
        guard.canActivate(contextFor(Routes, routes.forOfficers, { headers: { authorization } })),
      );
      expect(error.code).toBe('UNAUTHENTICATED');
    }
    const expired = await refusal(
      guard.canActivate(
        contextFor(Routes, routes.forOfficers, { headers: { authorization: 'Bearer expired' } }),
      ),
    );
    expect(expired).toMatchObject({ code: 'UNAUTHENTICATED', message: 'the token has expired' });
  });

  it('refuses a role the route does not name with 403', async () => {
    const error = await refusal(
      guard.canActivate(
        contextFor(Routes, routes.forManagers, {
          headers: { authorization: 'Bearer valid-officer' },
        }),
      ),
    );
    expect(error.code).toBe('FORBIDDEN');
  });

  it('refuses everyone on a route that names no roles (deny by default)', async () => {
    const error = await refusal(
      guard.canActivate(
        contextFor(Routes, routes.noRoles, { headers: { authorization: 'Bearer valid-officer' } }),
      ),
    );
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'this route is not open to any role',
    });
  });

  it("applies a controller's roles to its routes", async () => {
    await expect(
      guard.canActivate(
        contextFor(ReviewRoutes, ReviewRoutes.prototype.inherited, {
          headers: { authorization: 'Bearer valid-officer' },
        }),
      ),
    ).resolves.toBe(true);
  });

  it('opens a public route without a token', async () => {
    await expect(guard.canActivate(contextFor(Routes, routes.open, { headers: {} }))).resolves.toBe(
      true,
    );
  });
});
