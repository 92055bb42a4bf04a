import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import { z } from 'zod';
import { roles, type Principal } from './principal.ts';

/** Why a token was refused, in words safe to return to the caller. */
export class AuthenticationError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AuthenticationError';
  }
}

export interface TokenVerifierOptions {
  /** Where the issuer publishes its signing keys (fetched and cached, refreshed on a new kid). */
  readonly jwksUrl?: string | URL;
  /** Or the keys themselves (tests, the development issuer in the same process). */
  readonly jwks?: JSONWebKeySet;
  readonly issuer: string;
  readonly audience: string;
}

/** The claims the programme's tokens carry beside the registered ones. */
const programmeClaims = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(z.enum(roles)).min(1),
  partner_states: z.array(z.string().regex(/^([A-Z]{2}|\*)$/)),
});

/** Only asymmetric signatures: `none` and shared-secret algorithms are refused. */
const algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `the token's ${error.claim} claim is not accepted (${error.reason})`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return "the token's signature does not verify";
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "the token's algorithm is not accepted";
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed with an unknown key';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return 'the token is malformed';
  }
  if (error instanceof errors.JOSENotSupported) return "the token's algorithm is not accepted";
  return 'the token could not be verified';
}

/**
 * Verifies access tokens: signature against the issuer's keys (asymmetric algorithms only),
 * issuer, audience, expiry, and the programme's claims (roles, partner states). Resolves with
 * the caller, or rejects with an {@link AuthenticationError} saying why.
 */
export function createTokenVerifier({
  jwksUrl,
  jwks,
  issuer,
  audience,
}: TokenVerifierOptions): (token: string) => Promise<Principal> {
  const keys = jwks
    ? createLocalJWKSet(jwks)
    : jwksUrl
      ? createRemoteJWKSet(new URL(jwksUrl))
      : undefined;
  if (!keys) throw new Error('a token verifier needs the issuer keys: jwksUrl or jwks');
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new AuthenticationError(reasonFor(error));
    }
    const claims = programmeClaims.safeParse(payload);
    if (!claims.success) {
      const fields = [...new Set(claims.error.issues.map((issue) => String(issue.path[0])))];
      throw new AuthenticationError(`the token lacks valid claims: ${fields.join(', ')}`);
    }
    const { sub, name, roles: granted, partner_states } = claims.data;
    return { userId: sub, name, roles: granted, partnerStates: partner_states };
  };
}
