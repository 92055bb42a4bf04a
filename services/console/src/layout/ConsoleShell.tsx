// The frame of every signed-in page: a skip link, the banner with the navigation the user's
// roles allow and their identity, the main landmark where the page loads, and a polite live
// region for new notifications.
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import type { InboxNotification } from '../gateway/api-types.ts';
import { unreadKey, useLiveNotifications } from '../notifications/useLiveNotifications.ts';
import { navigationFor } from '../session/role-navigation.ts';
import { useSession, useSessionControl } from '../session/SessionProvider.tsx';
import { partnerStatesWords, roleTitles } from '../wording/programme-words.ts';

export function ConsoleShell() {
  const { user, gateway } = useSession();
  const { signOut } = useSessionControl();
  const announcement = useLiveNotifications(gateway);
  const unread = useQuery({
    queryKey: unreadKey,
    queryFn: ({ signal }) =>
      gateway.get<InboxNotification[]>('/notifications?unread=true&limit=200', signal),
    refetchInterval: 60_000,
  });
  const unreadCount = unread.data?.length ?? 0;
  return (
    <div className="console">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="console-banner">
        <p className="brand">
          <span className="brand-name">CT TECH+</span> engagement console
        </p>
        <nav aria-label="Main" className="console-navigation">
          <ul>
            {navigationFor(user.roles).map((entry) => (
              <li key={entry.area}>
                <NavLink to={entry.path}>
                  {entry.label}
                  {entry.area === 'notifications' && unreadCount > 0 ? (
                    <span className="count">
                      {unreadCount}
                      <span className="visually-hidden"> unread</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="signed-in">
          <p>
            <span className="signed-in-name">{user.name}</span>{' '}
            <span className="signed-in-detail">
              {user.roles.map((role) => roleTitles[role]).join(', ')} ·{' '}
              {partnerStatesWords(user.partnerStates)}
            </span>
          </p>
          <button type="button" className="button secondary" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="console-main">
        <Suspense
          fallback={
            <p role="status" className="loading">
              Loading the page…
            </p>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
