// The console's pages. Each role's area is its own chunk (React.lazy), loaded the first time
// it is opened, so that signing in stays quick on a slow link; so is the page the identity
// provider returns to (`/signed-in`), with the OpenID Connect library.
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { ConsoleShell } from './layout/ConsoleShell.tsx';
import { PageHeading } from './layout/PageHeading.tsx';
import { homePathFor, mayOpen, type ConsoleArea } from './session/role-navigation.ts';
import { useSession, useSessionControl } from './session/SessionProvider.tsx';
import { SignInPage } from './sign-in/SignInPage.tsx';

const EngagementsArea = lazy(() => import('./engagements/EngagementsArea.tsx'));
const ReviewsArea = lazy(() => import('./reviews/ReviewsArea.tsx'));
const OperationsArea = lazy(() => import('./operations/OperationsArea.tsx'));
const ResultsArea = lazy(() => import('./results/ResultsArea.tsx'));
const EscalationsArea = lazy(() => import('./escalations/EscalationsArea.tsx'));
const NotificationsArea = lazy(() => import('./notifications/NotificationsArea.tsx'));
const SignedInPage = lazy(() => import('./sign-in/SignedInPage.tsx'));

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route
        path="signed-in"
        element={
          <Suspense
            fallback={
              <p role="status" className="loading">
                Signing you in…
              </p>
            }
          >
            <SignedInPage />
          </Suspense>
        }
      />
      <Route element={<SignedIn />}>
        <Route index element={<Home />} />
        <Route
          path="engagements/*"
          element={
            <Area area="engagements">
              <EngagementsArea />
            </Area>
          }
        />
        <Route
          path="reviews/*"
          element={
            <Area area="reviews">
              <ReviewsArea />
            </Area>
          }
        />
        <Route
          path="operations/*"
          element={
            <Area area="operations">
              <OperationsArea />
            </Area>
          }
        />
        <Route
          path="results/*"
          element={
            <Area area="results">
              <ResultsArea />
            </Area>
          }
        />
        <Route
          path="escalations/*"
          element={
            <Area area="escalations">
              <EscalationsArea />
            </Area>
          }
        />
        <Route
          path="notifications/*"
          element={
            <Area area="notifications">
              <NotificationsArea />
            </Area>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** The signed-in pages, in the console's frame; without a session, the sign-in page. */
function SignedIn() {
  const { session } = useSessionControl();
  const location = useLocation();
  if (session === undefined) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  return <ConsoleShell />;
}

function Home() {
  const { user } = useSession();
  return <Navigate to={homePathFor(user.roles)} replace />;
}

/** An area opens only for the roles that reach it (the API checks again on every call). */
function Area({ area, children }: { readonly area: ConsoleArea; readonly children: ReactNode }) {
  const { user } = useSession();
  if (!mayOpen(user.roles, area)) {
    return (
      <>
        <PageHeading title="Not available for your role" />
        <p>
          This part of the console is for other roles. <Link to="/">Go to your own pages</Link>.
        </p>
      </>
    );
  }
  return <>{children}</>;
}

function NotFound() {
  return (
    <>
      <PageHeading title="Page not found" />
      <p>
        There is no such page in the console. <Link to="/">Go to your own pages</Link>.
      </p>
    </>
  );
}
