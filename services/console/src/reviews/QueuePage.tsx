// The reviewer's queue: the open milestone reviews they may decide, the earliest due first
// (`GET /reviews?status=OPEN&mine=true`). Their own submissions are not in it: four eyes.
import { Link } from 'react-router';
import { PageHeading } from '../layout/PageHeading.tsx';
import { QueryState } from '../layout/QueryState.tsx';
import { stageTitle } from '../wording/engagement-words.ts';
import { deadlineWords, formatDateTime, partnerStateName } from '../wording/programme-words.ts';
import { reviewQueueOrder } from './review-decision-form.ts';
import { useReviewList } from './useReviewList.ts';

export function QueuePage() {
  // reviews open when a milestone's event reaches the compliance service: look again often
  const queue = useReviewList('mine', { refetchInterval: 5_000 });
  return (
    <>
      <PageHeading title="Review queue" />
      <p className="lead">
        Milestones waiting for your sign-off, the earliest due first. Milestones you submitted or
        edited are not listed: another reviewer signs them off (four eyes).
      </p>
      <QueryState query={queue} what="your review queue">
        {(reviews) =>
          reviews.length === 0 ? (
            <p className="notice">No milestone is waiting for your review.</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>Open reviews you may decide ({reviews.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">Milestone</th>
                    <th scope="col">Partner state</th>
                    <th scope="col">Submitted</th>
                    <th scope="col">Due</th>
                  </tr>
                </thead>
                <tbody>
                  {reviewQueueOrder(reviews).map((review) => (
                    <tr key={review.id} className={review.overdue ? 'is-overdue' : undefined}>
                      <th scope="row">
                        <Link to={`/reviews/${encodeURIComponent(review.id)}`}>
                          {stageTitle(review.stage)} of {review.engagementId}
                        </Link>
                      </th>
                      <td>
                        {partnerStateName(review.partnerState)}, cycle {review.cycle}
                      </td>
                      <td>
                        {formatDateTime(review.submittedAt)} by {review.submittedBy}
                      </td>
                      <td>
                        {formatDateTime(review.dueAt)}{' '}
                        <span className={review.overdue ? 'mark mark-overdue' : 'hint'}>
                          {deadlineWords(review.dueAt)}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </>
  );
}
