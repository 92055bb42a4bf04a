// Everyone's inbox: their notifications, newest first, new ones arriving live (the console
// follows the stream while signed in); each can be marked read, or all at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import type { InboxNotification } from '../gateway/api-types.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { QueryState } from '../layout/QueryState.tsx';
import { mayOpen } from '../session/role-navigation.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { formatDateTime } from '../wording/programme-words.ts';
import { inboxKey } from './useLiveNotifications.ts';

export function InboxPage() {
  const { gateway, user } = useSession();
  const queryClient = useQueryClient();
  const inbox = useQuery({
    queryKey: inboxKey,
    queryFn: ({ signal }) => gateway.get<InboxNotification[]>('/notifications?limit=50', signal),
  });
  const afterReading = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({
    mutationFn: (id: string) =>
      gateway.send<InboxNotification>('POST', `/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: (read) => {
      queryClient.setQueryData<InboxNotification[]>(inboxKey, (list) =>
        list?.map((notification) => (notification.id === read.id ? read : notification)),
      );
      afterReading();
    },
  });
  const readAll = useMutation({
    mutationFn: () => gateway.send<{ marked: number }>('POST', '/notifications/read-all'),
    onSuccess: afterReading,
  });
  const engagementsOpen = mayOpen(user.roles, 'engagements');
  return (
    <>
      <PageHeading title="Notifications" />
      <p className="lead">
        What happened on your engagements and reviews. New ones appear as they come.
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
              <ol className="inbox">
                {notifications.map((notification) => (
                  <li
                    key={notification.id}
                    className={notification.readAt === null ? 'is-unread' : undefined}
                  >
                    <article aria-labelledby={`notification-${notification.id}`}>
                      <h2 id={`notification-${notification.id}`} className="inbox-title">
                        {notification.readAt === null ? (
                          <span className="mark mark-new">New</span>
                        ) : null}
                        {notification.title}
                      </h2>
                      <p className="inbox-when">
                        <time dateTime={notification.occurredAt}>
                          {formatDateTime(notification.occurredAt)}
                        </time>
                      </p>
                      <p>{notification.body}</p>
                      <p className="inbox-actions">
                        {notification.engagementId && engagementsOpen ? (
                          <Link
                            to={`/engagements/${encodeURIComponent(notification.engagementId)}`}
                          >
                            Open {notification.engagementId}
                          </Link>
                        ) : null}
                        {notification.readAt === null && notification.kind === 'EVENT' ? (
                          <button
                            type="button"
                            className="button link-like"
                            onClick={() => readOne.mutate(notification.id)}
                            disabled={readOne.isPending}
                          >
                            Mark as read
                            <span className="visually-hidden">: {notification.title}</span>
                          </button>
                        ) : null}
                      </p>
                    </article>
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
