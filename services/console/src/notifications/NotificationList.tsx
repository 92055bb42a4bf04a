// A list of the user's notifications, newest first as given: each with its title (a heading of
// the level the page needs), when it happened, its text, a link to its engagement (for those
// who may open engagements) and, while unread, a button marking it read.
import { Link } from 'react-router';
import type { InboxNotification } from '../gateway/api-types.ts';
import { mayOpen } from '../session/role-navigation.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { formatDateTime } from '../wording/programme-words.ts';

export function NotificationList({
  notifications,
  onRead,
  reading,
  headingLevel = 2,
}: {
  readonly notifications: readonly InboxNotification[];
  readonly onRead: (id: string) => void;
  /** A mark is being sent: the buttons wait. */
  readonly reading: boolean;
  /** The level of each notification's title: 2 on a page of notifications, 3 in a section. */
  readonly headingLevel?: 2 | 3;
}) {
  const { user } = useSession();
  const engagementsOpen = mayOpen(user.roles, 'engagements');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol className="inbox">
      {notifications.map((notification) => (
        <li
          key={notification.id}
          className={notification.readAt === null ? 'is-unread' : undefined}
        >
          <article aria-labelledby={`notification-${notification.id}`}>
            <Heading id={`notification-${notification.id}`} className="inbox-title">
              {notification.readAt === null ? <span className="mark mark-new">New</span> : null}
              {notification.title}
            </Heading>
            <p className="inbox-when">
              <time dateTime={notification.occurredAt}>
                {formatDateTime(notification.occurredAt)}
              </time>
            </p>
            <p>{notification.body}</p>
            <p className="inbox-actions">
              {notification.engagementId && engagementsOpen ? (
                <Link to={`/engagements/${encodeURIComponent(notification.engagementId)}`}>
                  Open {notification.engagementId}
                </Link>
              ) : null}
              {notification.readAt === null && notification.kind === 'EVENT' ? (
                <button
                  type="button"
                  className="button link-like"
                  onClick={() => onRead(notification.id)}
                  disabled={reading}
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
  );
}
