export {
  demoUser,
  demoUsers,
  DevelopmentIssuer,
  type DemoUser,
  type DevelopmentIssuerOptions,
} from './development-issuer.ts';
export { hasRole, mayAccessPartnerState, roles, type Principal, type Role } from './principal.ts';
export {
  AuthenticationError,
  createTokenVerifier,
  type TokenVerifierOptions,
  type TrustedIssuer,
} from './token-verifier.ts';
export { developmentIssuerName, trustedIssuersVariable } from './trusted-issuers.ts';
