// The sign-in page, offering what the gateway's sign-in options allow: the organisation's
// identity provider (OpenID Connect; the flow's code is loaded only when the user chooses it)
// and, for local use, the seeded demo users of the gateway's development issuer.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import { developmentUsers, signInOptions } from '../gateway/gateway-client.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { homePathFor } from '../session/role-navigation.ts';
import { useSessionControl } from '../session/SessionProvider.tsx';
import { signInChoices } from './demo-users.ts';
import { providerName, SignInOptionsError, type IdentityProvider } from './sign-in-options.ts';

interface SignInFailure {
  readonly context: string;
  readonly error: unknown;
}

export function SignInPage() {
  const { session, endedBecause, signIn } = useSessionControl();
  const location = useLocation();
  const wanted = (location.state as { from?: string } | null)?.from;
  const [signingIn, setSigningIn] = useState<string>();
  const [leavingFor, setLeavingFor] = useState<string>();
  const [failure, setFailure] = useState<SignInFailure>();
  const options = useQuery({
    queryKey: ['sign-in-options'],
    queryFn: ({ signal }) => signInOptions(signal),
    staleTime: Infinity,
    // a malformed answer will not mend by asking again
    retry: (failures, error) => failures < 2 && !(error instanceof SignInOptionsError),
  });
  const users = useQuery({
    queryKey: ['development-users'],
    queryFn: ({ signal }) => developmentUsers(signal),
    staleTime: Infinity,
    enabled: options.data?.developmentUsers === true,
  });
  // back from the provider's page without signing in (the page restored from the browser's
  // cache): the buttons work again
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) setLeavingFor(undefined);
    };
    window.addEventListener('pageshow', restored);
    return () => window.removeEventListener('pageshow', restored);
  }, []);
  if (session !== undefined) {
    return <Navigate to={wanted ?? homePathFor(session.user.roles)} replace />;
  }
  const busy = signingIn !== undefined || leavingFor !== undefined;
  const choose = async (userId: string) => {
    setSigningIn(userId);
    setFailure(undefined);
    try {
      await signIn(userId);
    } catch (error) {
      setFailure({ context: 'Could not sign in', error });
      setSigningIn(undefined);
    }
  };
  const leaveFor = async (provider: IdentityProvider) => {
    setLeavingFor(providerName(provider));
    setFailure(undefined);
    try {
      const { startSignIn } = await import('./identity-provider-sign-in.ts');
      await startSignIn(provider, wanted);
      // the browser is on its way to the provider: the status stays until the page goes
    } catch (error) {
      setFailure({ context: `Could not sign in with ${providerName(provider)}`, error });
      setLeavingFor(undefined);
    }
  };
  const provider = options.data?.identityProvider;
  const offersDemoUsers = options.data?.developmentUsers === true;
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
      {failure !== undefined ? (
        <ProblemNotice error={failure.error} context={failure.context} />
      ) : null}
      {options.isPending ? (
        <p role="status" className="loading">
          Finding out how to sign in…
        </p>
      ) : null}
      {options.isError ? (
        <ProblemNotice error={options.error} context="Could not find out how to sign in" />
      ) : null}
      {provider !== undefined ? (
        <section aria-labelledby="organisation-account" className="sign-in-choice">
          <h2 id="organisation-account">Your organisation&apos;s account</h2>
          <p>
            Sign in at your organisation&apos;s identity provider, {providerName(provider)}; it
            sends you back here signed in. The console keeps your access token in this tab only.
          </p>
          <button
            type="button"
            className="button sign-in-provider"
            disabled={busy}
            onClick={() => void leaveFor(provider)}
          >
            Sign in with your organisation&apos;s account{' '}
            <span className="sign-in-provider-host">at {providerName(provider)}</span>
          </button>
        </section>
      ) : null}
      {offersDemoUsers ? (
        <section aria-labelledby="demo-users" className="sign-in-choice">
          <h2 id="demo-users">Demo users</h2>
          <p>
            For local use, choose a demo user. Their token comes from the gateway&apos;s development
            issuer and is kept in this tab only.
          </p>
          <p>
            The local start seeds a demo programme: an engagement for each partner state at a
            different point, from a draft kick-off report to an adopted strategy, each waiting on
            one of these users.
          </p>
          {users.isError ? (
            <ProblemNotice error={users.error} context="Could not list the demo users" />
          ) : null}
          {users.isLoading ? (
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
                  disabled={busy}
                  onClick={() => void choose(userId)}
                >
                  <span className="demo-user-id">Sign in as {userId}</span>
                  <span className="demo-user-detail">{description}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {options.isSuccess && provider === undefined && !offersDemoUsers ? (
        <p className="notice">
          The gateway offers no way to sign in: it names no identity provider and its demo users are
          off. Ask an operator to configure the identity provider.
        </p>
      ) : null}
      {leavingFor ? (
        <p role="status" className="loading">
          Taking you to {leavingFor}…
        </p>
      ) : null}
      {signingIn ? (
        <p role="status" className="loading">
          Signing in as {signingIn}…
        </p>
      ) : null}
    </main>
  );
}
