// Signing in as one of the seeded demo users the gateway's development issuer lists, with a
// token from it (local use only; signing in through the identity provider with OIDC comes
// later).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import { developmentUsers } from '../gateway/gateway-client.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { homePathFor } from '../session/role-navigation.ts';
import { useSessionControl } from '../session/SessionProvider.tsx';
import { signInChoices } from './demo-users.ts';

export function SignInPage() {
  const { session, endedBecause, signIn } = useSessionControl();
  const location = useLocation();
  const [signingIn, setSigningIn] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const users = useQuery({
    queryKey: ['development-users'],
    queryFn: ({ signal }) => developmentUsers(signal),
    staleTime: Infinity,
  });
  if (session !== undefined) {
    const wanted = (location.state as { from?: string } | null)?.from;
    return <Navigate to={wanted ?? homePathFor(session.user.roles)} replace />;
  }
  const choose = async (userId: string) => {
    setSigningIn(userId);
    setFailure(undefined);
    try {
      await signIn(userId);
    } catch (error) {
      setFailure(error);
      setSigningIn(undefined);
    }
  };
  return (
    <main id="main" className="sign-in">
      <p className="brand">
        <span className="brand-name">CT TECH+</span> engagement console
      </p>
      <PageHeading title="Sign in" />
      {endedBecause ? (
        <p className="notice" role="status">
          {endedBecause}
        </p>
      ) : null}
      <p>
        Choose a demo user. Their token comes from the gateway&apos;s development issuer and is kept
        in this tab only; signing in with your organisation&apos;s account (OIDC) will replace this.
      </p>
      <p>
        The local start seeds a demo programme: an engagement for each partner state at a different
        point, from a draft kick-off report to an adopted strategy, each waiting on one of these
        users.
      </p>
      {failure !== undefined ? <ProblemNotice error={failure} context="Could not sign in" /> : null}
      {users.isError ? (
        <ProblemNotice error={users.error} context="Could not list the demo users" />
      ) : null}
      {users.isPending ? (
        <p role="status" className="loading">
          Listing the demo users…
        </p>
      ) : null}
      <ul className="demo-users">
        {signInChoices(users.data ?? []).map(({ userId, description }) => (
          <li key={userId}>
            <button
              type="button"
              className="demo-user"
              disabled={signingIn !== undefined}
              onClick={() => void choose(userId)}
            >
              <span className="demo-user-id">Sign in as {userId}</span>
              <span className="demo-user-detail">{description}</span>
            </button>
          </li>
        ))}
      </ul>
      {signingIn ? (
        <p role="status" className="loading">
          Signing in as {signingIn}…
        </p>
      ) : null}
    </main>
  );
}
