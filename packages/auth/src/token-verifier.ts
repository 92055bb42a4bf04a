import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
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

/** An issuer whose tokens are accepted, with where its signing keys come from. */
export interface TrustedIssuer {
  readonly issuer: string;
  /** Where the issuer publishes its signing keys (fetched and cached, refreshed on a new kid). */
  readonly jwksUrl?: string | URL | undefined;
  /** Or the keys themselves (tests, the development issuer in the same process). */
  readonly jwks?: JSONWebKeySet | undefined;
}

export interface TokenVerifierOptions extends TrustedIssuer {
  readonly audience: string;
  /**
   * Further issuers trusted beside the first (locally: the development issuer next to the
   * identity provider). A token is checked against the keys of the issuer its `iss` names.
   */
  readonly alsoTrusted?: readonly TrustedIssuer[] | undefined;
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
export function createTokenVerifier(
  options: TokenVerifierOptions,
): (token: string) => Promise<Principal> {
  const { audience, alsoTrusted = [] } = options;
  const trusted = [options, ...alsoTrusted].map(({ issuer, jwksUrl, jwks }) => {
    const keys = jwks
      ? createLocalJWKSet(jwks)
      : jwksUrl
        ? createRemoteJWKSet(new URL(jwksUrl))
        : undefined;
    if (!keys) throw new Error(`a token verifier needs ${issuer}'s keys: jwksUrl or jwks`);
    return { issuer, keys };
  });
  const [first] = trusted as [(typeof trusted)[number]];
  /** The trusted issuer the token names (read unverified, only to pick the keys). */
  const issuerOf = (token: string) => {
    if (trusted.length === 1) return first;
    let named: unknown;
    try {
      named = decodeJwt(token).iss;
    } catch {
      return first;
    }
    const found = trusted.find(({ issuer }) => issuer === named);
    if (!found) {
      throw new AuthenticationError("the token's iss claim is not accepted (not a trusted issuer)");
    }
    return found;
  };
  return async (token) => {
    const { issuer, keys } = issuerOf(token);
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
