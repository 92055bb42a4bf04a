// The signed-in session for the whole console: who is signed in (from the token's claims),
// the gateway client bound to their token, signing in with a demo user and signing out.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { developmentToken, gatewayClient, type GatewayClient } from '../gateway/gateway-client.ts';
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
  readonly signIn: (userId: string) => Promise<void>;
  readonly signOut: (reason?: string) => void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(() => restoreSession());
  const [endedBecause, setEndedBecause] = useState<string>();

  const signOut = useCallback(
    (reason?: string) => {
      forgetSession();
      queryClient.clear();
      setEndedBecause(reason);
      setToken(undefined);
    },
    [queryClient],
  );

  const signIn = useCallback(async (userId: string) => {
    const accessToken = await developmentToken(userId);
    setEndedBecause(undefined);
    setToken(keepSession(accessToken));
  }, []);

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
    return { session, endedBecause, signIn, signOut };
  }, [token, endedBecause, signIn, signOut]);

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
