// Signing out at the identity provider too (OpenID Connect RP-initiated logout): when the user
// signed in through a provider whose discovery names an `end_session_endpoint`, the console
// keeps that endpoint and the ID token in the tab's sessionStorage, and on signing out sends
// the browser there with `id_token_hint`, `client_id` and `post_logout_redirect_uri`. No
// library and no network here: signing out must work even when the provider does not answer.

const providerSignOutKey = 'cttech.console.providerSignOut';

export interface ProviderSignOut {
  /** The provider's `end_session_endpoint`, from its discovery document. */
  readonly endSessionEndpoint: string;
  /** The ID token the provider issued at sign-in, sent back as `id_token_hint`. */
  readonly idToken: string;
  readonly clientId: string;
}

export function keepProviderSignOut(
  signOut: ProviderSignOut,
  storage: Storage = sessionStorage,
): void {
  storage.setItem(providerSignOutKey, JSON.stringify(signOut));
}

/** The kept provider sign-out, removed from the tab; undefined when none or unreadable. */
export function takeProviderSignOut(
  storage: Storage = sessionStorage,
): ProviderSignOut | undefined {
  const kept = storage.getItem(providerSignOutKey);
  storage.removeItem(providerSignOutKey);
  if (kept === null) return undefined;
  try {
    const value: unknown = JSON.parse(kept);
    if (typeof value !== 'object' || value === null) return undefined;
    const { endSessionEndpoint, idToken, clientId } = value as Record<string, unknown>;
    return typeof endSessionEndpoint === 'string' &&
      typeof idToken === 'string' &&
      typeof clientId === 'string'
      ? { endSessionEndpoint, idToken, clientId }
      : undefined;
  } catch {
    return undefined;
  }
}

export function forgetProviderSignOut(storage: Storage = sessionStorage): void {
  storage.removeItem(providerSignOutKey);
}

/**
 * Where to send the browser to end the provider's session; it returns the user to
 * `postLogoutRedirectUri` (registered with the provider). Throws when the kept endpoint is not
 * an http(s) URL.
 */
export function endSessionUrl(signOut: ProviderSignOut, postLogoutRedirectUri: string): string {
  const url = URL.canParse(signOut.endSessionEndpoint)
    ? new URL(signOut.endSessionEndpoint)
    : undefined;
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(
      `the identity provider's end-session endpoint (${signOut.endSessionEndpoint}) is not an http(s) URL`,
    );
  }
  url.searchParams.set('id_token_hint', signOut.idToken);
  url.searchParams.set('client_id', signOut.clientId);
  url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri);
  return url.href;
}
