// The access token lives in the tab's sessionStorage: it survives a reload, not the tab, and
// is never shared with another tab or written to disk by the console.
import { hasExpired, signedInUserOf, type SignedInUser } from './token-claims.ts';

const tokenKey = 'cttech.console.accessToken';

export interface StoredSession {
  readonly accessToken: string;
  readonly user: SignedInUser;
}

/** The session kept in this tab, unless it is missing, unreadable or expired. */
export function restoreSession(storage: Storage = sessionStorage): StoredSession | undefined {
  const accessToken = storage.getItem(tokenKey);
  if (accessToken === null) return undefined;
  try {
    const user = signedInUserOf(accessToken);
    if (!hasExpired(user)) return { accessToken, user };
  } catch {
    // an unreadable token is dropped like an expired one
  }
  storage.removeItem(tokenKey);
  return undefined;
}

export function keepSession(accessToken: string, storage: Storage = sessionStorage): StoredSession {
  const user = signedInUserOf(accessToken);
  storage.setItem(tokenKey, accessToken);
  return { accessToken, user };
}

export function forgetSession(storage: Storage = sessionStorage): void {
  storage.removeItem(tokenKey);
}
