// Signing in through the organisation's identity provider with OpenID Connect: the
// authorisation code flow with PKCE (S256), as a public client (no secret), on oauth4webapi.
// Starting keeps the attempt (code verifier, state, nonce, the page the user wanted) in the
// tab's sessionStorage and sends the browser to the provider; finishing, on the page the
// provider redirects back to, takes the attempt out of storage first (so a reload cannot replay
// it), checks the answer, exchanges the code at the token endpoint, validates the ID token
// (issuer, audience, nonce) and gives the access token back. The console loads this module
// only when it is needed (dynamic import), so the library stays out of the entry chunk.
import * as oauth from 'oauth4webapi';
import type { ProviderSignOut } from '../session/provider-sign-out.ts';
import { mayUseHttp, type IdentityProvider } from './sign-in-options.ts';

/** What the flow needs from the browser; the defaults are the real ones. */
export interface SignInBrowser {
  readonly storage: Storage;
  /** `window.location.origin`. */
  readonly origin: string;
  /** Leaves the console for the provider. */
  readonly assign: (url: string) => void;
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
}

/** A sign-in that went through: the token to keep and where to go next. */
export interface FinishedSignIn {
  readonly accessToken: string;
  /** The console path the user wanted before signing in ('/engagements/…'), if any. */
  readonly wantedPath: string | undefined;
  /** How to sign out at the provider too, when its discovery offers that. */
  readonly providerSignOut: ProviderSignOut | undefined;
}

export class IdentityProviderSignInError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IdentityProviderSignInError';
  }
}

export const signInAttemptKey = 'cttech.console.signInAttempt';

/** The redirect URI registered with the provider for the console. */
export function redirectUriFor(origin: string): string {
  return `${origin}/console/signed-in`;
}

/**
 * Starts signing in: reads the provider's discovery document, keeps the attempt and sends the
 * browser to the authorisation endpoint. Resolves once the browser is on its way; throws
 * IdentityProviderSignInError (nothing kept) when the provider cannot be used.
 */
export async function startSignIn(
  provider: IdentityProvider,
  wantedPath: unknown,
  browser: SignInBrowser = realBrowser(),
): Promise<void> {
  const server = await discover(provider.issuer, browser);
  if (!isUsableEndpoint(server.authorization_endpoint)) {
    throw new IdentityProviderSignInError(
      `${providerAt(provider.issuer)} names no usable authorization_endpoint in its discovery document (an https URL, or http on this machine)`,
    );
  }
  const methods = server.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) {
    throw new IdentityProviderSignInError(
      `${providerAt(provider.issuer)} does not offer PKCE with S256 (it lists ${methods.join(', ') || 'no method'})`,
    );
  }
  const attempt: SignInAttempt = {
    issuer: provider.issuer.href,
    clientId: provider.clientId,
    redirectUri: redirectUriFor(browser.origin),
    codeVerifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    wantedPath: wantedPathOf(wantedPath),
  };
  const authorizationUrl = new URL(server.authorization_endpoint);
  for (const [name, value] of Object.entries({
    client_id: attempt.clientId,
    redirect_uri: attempt.redirectUri,
    response_type: 'code',
    scope: provider.scope,
    code_challenge: await oauth.calculatePKCECodeChallenge(attempt.codeVerifier),
    code_challenge_method: 'S256',
    state: attempt.state,
    nonce: attempt.nonce,
  })) {
    authorizationUrl.searchParams.set(name, value);
  }
  browser.storage.setItem(signInAttemptKey, JSON.stringify(attempt));
  browser.assign(authorizationUrl.href);
}

/**
 * Finishes signing in on the provider's redirect (`callbackUrl`, the page's whole URL). The
 * kept attempt is removed whatever happens. Throws IdentityProviderSignInError saying what
 * went wrong in words.
 */
export async function finishSignIn(
  callbackUrl: string,
  browser: SignInBrowser = realBrowser(),
): Promise<FinishedSignIn> {
  const attempt = takeSignInAttempt(browser.storage);
  if (attempt === undefined) {
    throw new IdentityProviderSignInError(
      'No sign-in was started in this tab, or it has already been finished. Start again from the sign-in page.',
    );
  }
  const parameters = new URL(callbackUrl).searchParams;
  if (parameters.get('state') !== attempt.state) {
    throw new IdentityProviderSignInError(
      "The identity provider's answer does not belong to the sign-in started in this tab (its state does not match). Start again from the sign-in page.",
    );
  }
  const issuer = new URL(attempt.issuer);
  const host = hostOf(issuer);
  const server = await discover(issuer, browser);
  const client: oauth.Client = { client_id: attempt.clientId };

  let callbackParameters: URLSearchParams;
  try {
    callbackParameters = oauth.validateAuthResponse(server, client, parameters, attempt.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new IdentityProviderSignInError(
        `${providerAt(issuer)} did not sign you in: ${refusalWords(error.error, error.error_description)}`,
        { cause: error },
      );
    }
    throw notAccepted(host, 'answer', error);
  }

  let response: Response;
  try {
    response = await oauth.authorizationCodeGrantRequest(
      server,
      client,
      oauth.None(),
      callbackParameters,
      attempt.redirectUri,
      attempt.codeVerifier,
      requestOptions(issuer, browser),
    );
  } catch (error) {
    throw unreachable(host, 'to exchange the sign-in code', error);
  }

  let tokens: oauth.TokenEndpointResponse;
  try {
    tokens = await oauth.processAuthorizationCodeResponse(server, client, response, {
      expectedNonce: attempt.nonce,
      requireIdToken: true,
    });
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) {
      throw new IdentityProviderSignInError(
        `${providerAt(issuer)} refused to exchange the sign-in code: ${refusalWords(error.error, error.error_description)}`,
        { cause: error },
      );
    }
    throw notAccepted(host, 'tokens', error);
  }
  if (tokens.token_type !== 'bearer') {
    throw new IdentityProviderSignInError(
      `${providerAt(issuer)} issued a "${tokens.token_type}" token; the gateway accepts bearer tokens only`,
    );
  }
  const endSessionEndpoint = server.end_session_endpoint;
  return {
    accessToken: tokens.access_token,
    wantedPath: attempt.wantedPath,
    providerSignOut:
      isUsableEndpoint(endSessionEndpoint) && tokens.id_token !== undefined
        ? { endSessionEndpoint, idToken: tokens.id_token, clientId: attempt.clientId }
        : undefined,
  };
}

/**
 * A console path to return to after signing in: an absolute path inside the console, not the
 * sign-in pages themselves; anything else (another origin, '//host') is dropped.
 */
export function wantedPathOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
  if (value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (value === '/sign-in' || value === '/signed-in') return undefined;
  return value;
}

/** The attempt kept between leaving for the provider and coming back. */
interface SignInAttempt {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly wantedPath: string | undefined;
}

/** The kept attempt, removed from the tab; undefined when none or unreadable. */
function takeSignInAttempt(storage: Storage): SignInAttempt | undefined {
  const kept = storage.getItem(signInAttemptKey);
  storage.removeItem(signInAttemptKey);
  if (kept === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(kept);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const fields = value as Record<string, unknown>;
  const text = (name: keyof SignInAttempt) => {
    const field = fields[name];
    return typeof field === 'string' && field !== '' ? field : undefined;
  };
  const [issuer, clientId, redirectUri, codeVerifier, state, nonce] = [
    text('issuer'),
    text('clientId'),
    text('redirectUri'),
    text('codeVerifier'),
    text('state'),
    text('nonce'),
  ];
  if (
    issuer === undefined ||
    !URL.canParse(issuer) ||
    clientId === undefined ||
    redirectUri === undefined ||
    codeVerifier === undefined ||
    state === undefined ||
    nonce === undefined
  ) {
    return undefined;
  }
  return {
    issuer,
    clientId,
    redirectUri,
    codeVerifier,
    state,
    nonce,
    wantedPath: wantedPathOf(fields.wantedPath),
  };
}

/** The provider's metadata from its discovery document, checked against the issuer. */
async function discover(issuer: URL, browser: SignInBrowser): Promise<oauth.AuthorizationServer> {
  const host = hostOf(issuer);
  let response: Response;
  try {
    response = await oauth.discoveryRequest(issuer, requestOptions(issuer, browser));
  } catch (error) {
    throw unreachable(host, 'for its discovery document', error);
  }
  const documentUrl = `${issuer.href.replace(/\/$/, '')}/.well-known/openid-configuration`;
  if (response.status !== 200) {
    throw new IdentityProviderSignInError(
      `${providerAt(issuer)} answered HTTP ${response.status} for its discovery document (${documentUrl})`,
    );
  }
  try {
    return await oauth.processDiscoveryResponse(issuer, response);
  } catch (error) {
    throw new IdentityProviderSignInError(
      `The discovery document of the identity provider at ${host} (${documentUrl}) cannot be used: ${messageOf(error)}`,
      { cause: error },
    );
  }
}

/** The library's request options: the browser's fetch, plain http only to this machine, a time limit. */
function requestOptions(
  issuer: URL,
  browser: SignInBrowser,
): oauth.DiscoveryRequestOptions & oauth.TokenEndpointRequestOptions {
  return {
    [oauth.customFetch]: (url: string, init: RequestInit) => browser.fetch(url, init),
    // deprecated to stand out: allowed only for a provider on this machine (the local start)
    [oauth.allowInsecureRequests]: mayUseHttp(issuer),
    signal: () => AbortSignal.timeout(requestTimeoutMs),
  };
}

const requestTimeoutMs = 20_000;

function realBrowser(): SignInBrowser {
  return {
    storage: window.sessionStorage,
    origin: window.location.origin,
    assign: (url) => window.location.assign(url),
    fetch: (url, init) => window.fetch(url, init),
  };
}

/** The provider's refusal codes in words (RFC 6749 §4.1.2.1, §5.2; OIDC Core §3.1.2.6). */
const refusalCodeWords: Readonly<Record<string, string>> = {
  access_denied: 'access was denied, or the sign-in was cancelled',
  login_required: 'you need to sign in at the identity provider first',
  interaction_required: 'the identity provider needs you to take a further step',
  consent_required: 'the identity provider needs your consent first',
  invalid_grant: 'the sign-in code has expired or was already used',
  invalid_client: 'the identity provider does not know the console as a client',
  unauthorized_client: 'the console is not allowed to sign in this way',
  invalid_scope: 'the requested scopes are not allowed',
  server_error: 'the identity provider failed',
  temporarily_unavailable: 'the identity provider is unavailable for now; try again shortly',
};

function refusalWords(code: string, description: string | undefined): string {
  const words = description?.trim() || refusalCodeWords[code] || 'no reason given';
  return `${words} (${code})`;
}

function unreachable(host: string, why: string, error: unknown): IdentityProviderSignInError {
  return new IdentityProviderSignInError(
    `The identity provider at ${host} could not be reached ${why}: ${messageOf(error)}`,
    { cause: error },
  );
}

function notAccepted(host: string, what: string, error: unknown): IdentityProviderSignInError {
  return new IdentityProviderSignInError(
    `The ${what} from ${host} could not be accepted: ${messageOf(error)}`,
    { cause: error },
  );
}

/** An endpoint the browser may be sent to: https, or plain http on this machine. */
function isUsableEndpoint(value: unknown): value is string {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || mayUseHttp(url);
}

function hostOf(issuer: URL): string {
  return issuer.host;
}

/** 'The identity provider at login.example.org', to begin a message. */
function providerAt(issuer: URL): string {
  return `The identity provider at ${hostOf(issuer)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
