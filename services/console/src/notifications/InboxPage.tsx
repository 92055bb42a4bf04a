// Everyone's inbox: their notifications, newest first, new ones arriving live (the console
// follows the stream while signed in); each can be marked read, or all at once.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import type { InboxNotification } from '../gateway/api-types.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { QueryState } from '../layout/QueryState.tsx';
import { useSession } from '../session/SessionProvider.tsx';
import { NotificationList } from './NotificationList.tsx';
import { inboxKey } from './useLiveNotifications.ts';
import { useNotificationReading } from './useNotificationReading.ts';

export function InboxPage() {
  const { gateway } = useSession();
  const inbox = useQuery({
    queryKey: inboxKey,
    queryFn: ({ signal }) => gateway.get<InboxNotification[]>('/notifications?limit=50', signal),
  });
  const { readOne, readAll } = useNotificationReading(inboxKey);
  return (
    <>
      <PageHeading title="Notifications" />
      <p className="lead">
        What happened on your engagements and reviews. New ones appear as they come.{' '}
        <Link to="settings">Choose where else you are told</Link> (e-mail, webhooks).
      </p>
      {readOne.isError ? (
        <ProblemNotice error={readOne.error} context="Could not mark it read" />
      ) : null}
      {readAll.isError ? (
        <ProblemNotice error={readAll.error} context="Could not mark them read" />
      ) : null}
      <QueryState query={inbox} what="your notifications">
        {(notifications) => {
          const unread = notifications.filter(
            (notification) => notification.readAt === null,
          ).length;
          return notifications.length === 0 ? (
            <p className="notice">You have no notification yet.</p>
          ) : (
            <>
              <div className="toolbar">
                <p>
                  {unread} unread of {notifications.length}
                </p>
                {unread > 0 ? (
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => readAll.mutate()}
                    disabled={readAll.isPending}
                  >
                    Mark all as read
                  </button>
                ) : null}
              </div>
              <NotificationList
                notifications={notifications}
                onRead={(id) => readOne.mutate(id)}
                reading={readOne.isPending}
              />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
