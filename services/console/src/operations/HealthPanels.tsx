// The overview's service health (the gateway's readiness) and overdue reviews panels.
import type { Readiness, ReviewSummary } from '../gateway/api-types.ts';
import { stageTitle } from '../wording/engagement-words.ts';
import { deadlineWords, formatDateTime } from '../wording/programme-words.ts';
import { overdueReviews } from './system-overview.ts';

export function ServiceHealthPanel({ readiness }: { readonly readiness: Readiness }) {
  const ready = readiness.status === 'ready';
  return (
    <section className="panel" aria-labelledby="health-heading">
      <h2 id="health-heading">Service health</h2>
      <p className={ready ? 'mark mark-ok' : 'mark mark-overdue'}>
        {ready ? 'Ready: every dependency answers' : 'Not ready'}
      </p>
      <ul className="health">
        {Object.entries(readiness.dependencies).map(([name, state]) => (
          <li key={name} className={state === 'up' ? 'is-up' : 'is-down'}>
            <span aria-hidden="true">{state === 'up' ? '●' : '▲'}</span> {name}: {state}
          </li>
        ))}
      </ul>
      {readiness.problems?.map(({ field, message }) => (
        <p key={field} className="is-overdue">
          {field}: {message}
        </p>
      ))}
    </section>
  );
}

export function OverdueReviewsPanel({ reviews }: { readonly reviews: readonly ReviewSummary[] }) {
  const overdue = overdueReviews(reviews);
  return (
    <section className="panel" aria-labelledby="overdue-heading">
      <h2 id="overdue-heading">Overdue reviews</h2>
      {overdue.length === 0 ? (
        <p>None of the {reviews.length} open reviews is overdue.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>
              {overdue.length} of {reviews.length} open reviews are past their deadline
            </caption>
            <thead>
              <tr>
                <th scope="col">Engagement</th>
                <th scope="col">Milestone</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {overdue.map((review) => (
                <tr key={review.id}>
                  <th scope="row">{review.engagementId}</th>
                  <td>{stageTitle(review.stage)}</td>
                  <td>
                    {formatDateTime(review.dueAt)}{' '}
                    <span className="mark mark-overdue">{deadlineWords(review.dueAt)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
