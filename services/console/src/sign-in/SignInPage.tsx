// Signing in as one of the seeded demo users, with a token from the gateway's development
// issuer (local use only; signing in through the identity provider with OIDC comes later).
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import { PageHeading } from '../layout/PageHeading.tsx';
import { homePathFor } from '../session/role-navigation.ts';
import { useSessionControl } from '../session/SessionProvider.tsx';

/** The development issuer's demo users (`@cttech/auth`), never real people. */
const demoUsers = [
  { userId: 'officer-gh-1', role: 'Programme officer', states: 'Ghana' },
  { userId: 'officer-iq-1', role: 'Programme officer', states: 'Iraq' },
  { userId: 'officer-ke-1', role: 'Programme officer', states: 'Kenya' },
  { userId: 'officer-ng-1', role: 'Programme officer', states: 'Nigeria' },
  { userId: 'officer-ph-1', role: 'Programme officer', states: 'Philippines' },
  { userId: 'officer-tj-1', role: 'Programme officer', states: 'Tajikistan' },
  { userId: 'officer-uz-1', role: 'Programme officer', states: 'Uzbekistan' },
  { userId: 'reviewer-1', role: 'Compliance reviewer', states: 'Kenya and Nigeria' },
  { userId: 'reviewer-2', role: 'Compliance reviewer', states: 'Kenya' },
  {
    userId: 'reviewer-3',
    role: 'Compliance reviewer',
    states: 'Ghana, Iraq, Nigeria, Philippines, Tajikistan and Uzbekistan',
  },
  {
    userId: 'reviewer-4',
    role: 'Compliance reviewer',
    states: 'Ghana, Iraq, Philippines, Tajikistan and Uzbekistan',
  },
  { userId: 'manager-1', role: 'Programme manager', states: 'every partner state' },
  { userId: 'operator-1', role: 'Operator', states: 'every partner state' },
] as const;

export function SignInPage() {
  const { session, endedBecause, signIn } = useSessionControl();
  const location = useLocation();
  const [signingIn, setSigningIn] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
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
      <ul className="demo-users">
        {demoUsers.map(({ userId, role, states }) => (
          <li key={userId}>
            <button
              type="button"
              className="demo-user"
              disabled={signingIn !== undefined}
              onClick={() => void choose(userId)}
            >
              <span className="demo-user-id">Sign in as {userId}</span>
              <span className="demo-user-detail">
                {role} · {states}
              </span>
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
