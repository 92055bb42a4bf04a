// The signed-in session for the whole console: who is signed in (from the token's claims),
// the gateway client bound to their token, signing in (with a demo user, or with the token the
// identity provider issued) and signing out, at the identity provider too when signed in there.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { developmentToken, gatewayClient, type GatewayClient } from '../gateway/gateway-client.ts';
import {
  endSessionUrl,
  forgetProviderSignOut,
  keepProviderSignOut,
  takeProviderSignOut,
  type ProviderSignOut,
} from './provider-sign-out.ts';
import { forgetSession, keepSession, restoreSession } from './session-storage.ts';
import type { SignedInUser } from './token-claims.ts';

export interface Session {
  readonly user: SignedInUser;
  readonly gateway: GatewayClient;
}

interface SessionContextValue {
  readonly session: Session | undefined;
  /** Why the last session ended, when it was not the user signing out. */
  readonly endedBecause: string | undefined;
  /** Signs in as a demo user of the development issuer. */
  readonly signIn: (userId: string) => Promise<void>;
  /**
   * Signs in with an access token the identity provider issued (throws TokenClaimsError when
   * it cannot be read); `providerSignOut` lets signing out end the provider's session too.
   */
  readonly signInWithToken: (
    accessToken: string,
    providerSignOut: ProviderSignOut | undefined,
  ) => SignedInUser;
  /** Ends the session; `reason` when it was not the user signing out (then only locally). */
  readonly signOut: (reason?: string) => void;
}

/** Where the identity provider returns the browser after signing out (registered there). */
const postLogoutRedirectUri = () => `${window.location.origin}/console/`;

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(() => {
    const restored = restoreSession();
    // an ended session's provider sign-out is of no more use
    if (restored === undefined) forgetProviderSignOut();
    return restored;
  });
  const [endedBecause, setEndedBecause] = useState<string>();

  const signOut = useCallback(
    (reason?: string) => {
      const providerSignOut = takeProviderSignOut();
      forgetSession();
      queryClient.clear();
      setEndedBecause(reason);
      setToken(undefined);
      // the user signing out also ends the provider's session; if that cannot be done, the
      // console's own session has ended all the same
      if (reason === undefined && providerSignOut !== undefined) {
        try {
          window.location.assign(endSessionUrl(providerSignOut, postLogoutRedirectUri()));
        } catch (error) {
          console.warn('signed out of the console, not of the identity provider:', error);
        }
      }
    },
    [queryClient],
  );

  const signIn = useCallback(async (userId: string) => {
    const accessToken = await developmentToken(userId);
    forgetProviderSignOut();
    setEndedBecause(undefined);
    setToken(keepSession(accessToken));
  }, []);

  const signInWithToken = useCallback(
    (accessToken: string, providerSignOut: ProviderSignOut | undefined) => {
      const kept = keepSession(accessToken);
      if (providerSignOut === undefined) forgetProviderSignOut();
      else keepProviderSignOut(providerSignOut);
      setEndedBecause(undefined);
      setToken(kept);
      return kept.user;
    },
    [],
  );

  const value = useMemo<SessionContextValue>(() => {
    const session =
      token === undefined
        ? undefined
        : {
            user: token.user,
            gateway: gatewayClient(token.accessToken, () =>
              signOut('Your session has ended. Sign in again to continue.'),
            ),
          };
    return { session, endedBecause, signIn, signInWithToken, signOut };
  }, [token, endedBecause, signIn, signInWithToken, signOut]);

  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSessionControl(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error('useSessionControl is used outside SessionProvider');
  return value;
}

/** The signed-in session; only for pages behind RequireSession. */
export function useSession(): Session {
  const { session } = useSessionControl();
  if (session === undefined) throw new Error('useSession is used without a signed-in session');
  return session;
}
