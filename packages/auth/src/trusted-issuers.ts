// Issuers trusted besides the identity provider, as a service reads them from its environment:
// `AUTH_ALSO_TRUSTED="<issuer> <jwks-url>, <issuer> <jwks-url>"`. Locally that is the gateway's
// development issuer next to the identity provider; in production, say, the old provider while
// users move to a new one.
import { z } from 'zod';
import type { TrustedIssuer } from './token-verifier.ts';

/** The name the gateway's development issuer signs with (local use only). */
export const developmentIssuerName = 'urn:cttech:development-issuer';

/** A `<issuer> <jwks-url>` list, comma-separated; empty or unset: none. */
export function trustedIssuersVariable() {
  return z
    .string()
    .optional()
    .transform((value, context): TrustedIssuer[] => {
      const entries = (value ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
      return entries.flatMap((entry) => {
        const [issuer, jwksUrl, ...rest] = entry.split(/\s+/);
        if (!issuer || !jwksUrl || rest.length > 0 || !URL.canParse(jwksUrl)) {
          context.addIssue({
            code: 'custom',
            message: `expected "<issuer> <jwks-url>" for each trusted issuer, got "${entry}"`,
          });
          return [];
        }
        return [{ issuer, jwksUrl }];
      });
    });
}
