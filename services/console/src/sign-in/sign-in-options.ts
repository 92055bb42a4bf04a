// The ways to sign in the gateway offers (`GET /console/sign-in-options.json`, no token): the
// organisation's identity provider (OIDC), the development issuer's demo users, or both. The
// answer is checked here, at the edge, so that a malformed one is named on the sign-in page
// instead of failing somewhere in the flow.

/** The identity provider the console signs in with, as a public client. */
export interface IdentityProvider {
  /** The issuer identifier, exactly as the provider's discovery document and tokens name it. */
  readonly issuer: URL;
  readonly clientId: string;
  /** Space-separated; always includes `openid`. */
  readonly scope: string;
}

export interface SignInOptions {
  /** Undefined when the console offers no sign-in through an identity provider. */
  readonly identityProvider: IdentityProvider | undefined;
  /** Whether the development issuer's demo users are offered (`GET /dev/users`). */
  readonly developmentUsers: boolean;
}

export class SignInOptionsError extends Error {
  constructor(reason: string) {
    super(`The sign-in options cannot be used: ${reason}`);
    this.name = 'SignInOptionsError';
  }
}

/** Reads the gateway's answer (already parsed from JSON); throws SignInOptionsError naming the fault. */
export function signInOptionsOf(body: unknown): SignInOptions {
  if (!isObject(body)) throw new SignInOptionsError('the answer is not a JSON object');
  if (typeof body.developmentUsers !== 'boolean') {
    throw new SignInOptionsError('"developmentUsers" is not true or false');
  }
  if (!('identityProvider' in body)) {
    throw new SignInOptionsError('"identityProvider" is missing (null when there is none)');
  }
  return {
    identityProvider:
      body.identityProvider === null ? undefined : identityProviderOf(body.identityProvider),
    developmentUsers: body.developmentUsers,
  };
}

/**
 * Whether requests to the provider may go over plain http: only to this machine (the local
 * start's provider), never across a network.
 */
export function mayUseHttp(url: URL): boolean {
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
}

/** How the sign-in page names the provider: its host ('login.example.org', '127.0.0.1:53040'). */
export function providerName(provider: IdentityProvider): string {
  return provider.issuer.host;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

function identityProviderOf(value: unknown): IdentityProvider {
  if (!isObject(value)) throw new SignInOptionsError('"identityProvider" is not an object or null');
  const { issuer, clientId, scope } = value;
  if (typeof issuer !== 'string' || !URL.canParse(issuer)) {
    throw new SignInOptionsError('"identityProvider.issuer" is not an absolute URL');
  }
  const issuerUrl = new URL(issuer);
  if (issuerUrl.protocol !== 'https:' && !mayUseHttp(issuerUrl)) {
    throw new SignInOptionsError(
      `"identityProvider.issuer" (${issuer}) is not an https URL (plain http only on this machine)`,
    );
  }
  if (issuerUrl.search !== '' || issuerUrl.hash !== '') {
    throw new SignInOptionsError(
      `"identityProvider.issuer" (${issuer}) has a query or fragment, which an issuer may not`,
    );
  }
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw new SignInOptionsError('"identityProvider.clientId" is not a non-empty string');
  }
  if (typeof scope !== 'string' || !scope.split(/\s+/).includes('openid')) {
    throw new SignInOptionsError('"identityProvider.scope" is not a list of scopes with "openid"');
  }
  return { issuer: issuerUrl, clientId, scope: scope.trim() };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
