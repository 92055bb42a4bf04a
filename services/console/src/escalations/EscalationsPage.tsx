// The programme manager's escalations in one place: the open reviews past their deadline
// (`GET /reviews?status=OPEN`: partner state, stage, waiting since, deadline, how overdue, when
// escalated, a link to the engagement) and the escalation notifications they received
// (`GET /notifications?type=engagement.review-escalated`), each to be marked read.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import type { InboxNotification, ReviewSummary } from '../gateway/api-types.ts';
import { ColumnHeadings } from '../layout/ColumnHeadings.tsx';
import { PageHeading } from '../layout/PageHeading.tsx';
import { QueryState } from '../layout/QueryState.tsx';
import { NotificationList } from '../notifications/NotificationList.tsx';
import { notificationsOfTypeKey } from '../notifications/useLiveNotifications.ts';
import { useNotificationReading } from '../notifications/useNotificationReading.ts';
import { useReviewList } from '../reviews/useReviewList.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { formatDateTime } from '../wording/programme-words.ts';
import { escalationType, overdueReviewRows } from './escalation-rows.ts';

const escalationsKey = notificationsOfTypeKey(escalationType);

export function EscalationsPage() {
  const { gateway } = useSession();
  // a review becomes overdue as time passes, not on an event: look again now and then
  const reviews = useReviewList('open', { refetchInterval: 60_000 });
  const escalations = useQuery({
    queryKey: escalationsKey,
    queryFn: ({ signal }) =>
      gateway.get<InboxNotification[]>(
        `/notifications?type=${encodeURIComponent(escalationType)}&limit=100`,
        signal,
      ),
  });
  const { readOne } = useNotificationReading(escalationsKey);
  return (
    <>
      <PageHeading title="Escalations" />
      <p className="lead">
        Milestone reviews not decided by their deadline are escalated to you. Each stays here until
        a reviewer decides it.
      </p>
      <section className="panel" aria-labelledby="overdue-reviews-heading">
        <h2 id="overdue-reviews-heading">Overdue reviews</h2>
        <QueryState query={reviews} what="the open reviews">
          {(open) => <OverdueReviewsTable reviews={open} escalations={escalations.data ?? []} />}
        </QueryState>
      </section>
      <section className="panel" aria-labelledby="escalation-notifications-heading">
        <h2 id="escalation-notifications-heading">Escalation notifications</h2>
        {readOne.isError ? (
          <ProblemNotice error={readOne.error} context="Could not mark it read" />
        ) : null}
        <QueryState query={escalations} what="your escalation notifications">
          {(notifications) =>
            notifications.length === 0 ? (
              <p className="notice">No review has been escalated to you.</p>
            ) : (
              <>
                <p>
                  {notifications.filter(({ readAt }) => readAt === null).length} unread of{' '}
                  {notifications.length}, the newest first.
                </p>
                <NotificationList
                  notifications={notifications}
                  onRead={(id) => readOne.mutate(id)}
                  reading={readOne.isPending}
                  headingLevel={3}
                />
              </>
            )
          }
        </QueryState>
      </section>
    </>
  );
}

function OverdueReviewsTable({
  reviews,
  escalations,
}: {
  readonly reviews: readonly ReviewSummary[];
  readonly escalations: readonly InboxNotification[];
}) {
  const rows = overdueReviewRows(reviews, escalations);
  if (rows.length === 0) {
    return (
      <p className="notice">
        No review is overdue{reviews.length > 0 ? ` (${reviews.length} open, all in time)` : ''}.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table>
        <caption>
          {rows.length} of {reviews.length} open reviews are past their deadline, the longest
          overdue first
        </caption>
        <ColumnHeadings
          columns={['Engagement', 'Stage', 'Waiting since', 'Deadline', 'Escalated']}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.reviewId} className="is-overdue">
              <th scope="row">
                <Link to={`/engagements/${encodeURIComponent(row.engagementId)}`}>
                  {row.partnerState}, cycle {row.cycle}
                  <span className="visually-hidden">: engagement {row.engagementId}</span>
                </Link>
              </th>
              <td>{row.stage}</td>
              <td>
                <time dateTime={row.waitingSince}>{formatDateTime(row.waitingSince)}</time>
              </td>
              <td>
                <time dateTime={row.dueAt}>{formatDateTime(row.dueAt)}</time>{' '}
                <span className="mark mark-overdue">{row.overdueBy}</span>
              </td>
              <td>
                {row.escalatedAt === null ? (
                  <span className="hint">no notification to you</span>
                ) : (
                  <time dateTime={row.escalatedAt}>{formatDateTime(row.escalatedAt)}</time>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
