// The page the identity provider sends the browser back to (`/console/signed-in?code=…&state=…`,
// the redirect URI registered for the console; its own chunk, with the OIDC library): finishes
// signing in, keeps the token in the session and goes on to the page the user wanted, or their
// role's home. When that fails, it says why and leads back to the sign-in page.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import { PageHeading } from '../layout/PageHeading.tsx';
import { homePathFor } from '../session/role-navigation.ts';
import { useSessionControl } from '../session/SessionProvider.tsx';
import { finishSignIn, type FinishedSignIn } from './identity-provider-sign-in.ts';

/**
 * Finishing runs once per callback URL, even when React runs the effect twice (strict mode):
 * the first run takes the kept attempt out of storage, so a second would find none.
 */
let finishing:
  { readonly callbackUrl: string; readonly outcome: Promise<FinishedSignIn> } | undefined;

function finishingOnce(callbackUrl: string): Promise<FinishedSignIn> {
  if (finishing?.callbackUrl !== callbackUrl) {
    finishing = { callbackUrl, outcome: finishSignIn(callbackUrl) };
  }
  return finishing.outcome;
}

export default function SignedInPage() {
  const { signInWithToken } = useSessionControl();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    let current = true;
    finishingOnce(window.location.href)
      .then((finished) => {
        if (!current) return;
        const user = signInWithToken(finished.accessToken, finished.providerSignOut);
        void navigate(finished.wantedPath ?? homePathFor(user.roles), { replace: true });
      })
      .catch((error: unknown) => {
        if (current) setFailure(error);
      });
    return () => {
      current = false;
    };
  }, [signInWithToken, navigate]);
  return (
    <main id="main" className="sign-in">
      <p className="brand">
        <span className="brand-name">CT TECH+</span> engagement console
      </p>
      <PageHeading title={failure === undefined ? 'Signing in' : 'Not signed in'} />
      {failure === undefined ? (
        <p role="status" className="loading">
          Signing you in with your organisation&apos;s account…
        </p>
      ) : (
        <>
          <ProblemNotice error={failure} context="Could not sign in" />
          <p>
            <Link to="/sign-in">Back to sign in</Link>
          </p>
        </>
      )}
    </main>
  );
}
