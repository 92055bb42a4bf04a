// One milestone review: what it is and when it is due, the officer's submission (from the
// engagement's recorded work) with their answers to earlier findings, each criterion of the
// checklist with the evidence it needs, and the reviewer's decision form.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { StageRecordView } from '../engagements/StageRecordView.tsx';
import { useEngagementStatus } from '../engagements/useEngagementQueries.ts';
import type { ReviewDetail } from '../gateway/api-types.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { QueryState } from '../layout/QueryState.tsx';
import { hasRole } from '../session/token-claims.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { stageTitle, verdictTitles } from '../wording/engagement-words.ts';
import { deadlineWords, formatDateTime, partnerStateName } from '../wording/programme-words.ts';
import { DecisionForm } from './DecisionForm.tsx';

export const reviewKey = (reviewId: string) => ['review', reviewId] as const;

export function ReviewPage() {
  const { reviewId = '' } = useParams();
  const { gateway } = useSession();
  const review = useQuery({
    queryKey: reviewKey(reviewId),
    queryFn: ({ signal }) =>
      gateway.get<ReviewDetail>(`/reviews/${encodeURIComponent(reviewId)}`, signal),
  });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/reviews">Review queue</Link>
      </p>
      <QueryState query={review} what="the review">
        {(detail) => <ReviewView review={detail} />}
      </QueryState>
    </>
  );
}

function ReviewView({ review }: { readonly review: ReviewDetail }) {
  const { user } = useSession();
  const title = `Review of the ${stageTitle(review.stage).toLowerCase()} milestone: ${partnerStateName(review.partnerState)} ${review.cycle}`;
  return (
    <>
      <PageHeading title={title} />
      {review.status === 'DECIDED' && review.decidedBy === user.userId ? (
        <p className="notice notice-done" role="status">
          {review.outcome === 'APPROVED'
            ? 'You approved this milestone. The engagement moves to its next stage.'
            : 'You requested changes. The milestone goes back to the officer with your findings.'}
        </p>
      ) : null}
      <dl className="facts panel">
        <div>
          <dt>Engagement</dt>
          <dd>
            <Link to={`/engagements/${encodeURIComponent(review.engagementId)}`}>
              {review.engagementId}
            </Link>
          </dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd>
            {formatDateTime(review.submittedAt)} by {review.submittedBy}
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd className={review.overdue ? 'is-overdue' : undefined}>
            {formatDateTime(review.dueAt)}
            {review.status === 'OPEN' ? ` (${deadlineWords(review.dueAt)})` : null}
            {review.overdue ? <span className="mark mark-overdue">Overdue</span> : null}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {review.status === 'OPEN'
              ? 'Open'
              : `${review.outcome === 'APPROVED' ? 'Approved' : 'Changes requested'} by ${review.decidedBy ?? 'a reviewer'}${review.decidedAt ? ` on ${formatDateTime(review.decidedAt)}` : ''}`}
          </dd>
        </div>
      </dl>
      <OfficerSubmission review={review} />
      {review.status === 'OPEN' && hasRole(user, 'COMPLIANCE_REVIEWER') ? (
        <DecisionForm review={review} />
      ) : (
        <DecidedChecklist review={review} />
      )}
    </>
  );
}

function OfficerSubmission({ review }: { readonly review: ReviewDetail }) {
  const engagement = useEngagementStatus(review.engagementId);
  const answered = engagement.data?.pendingReview?.answeredFindings ?? [];
  return (
    <section aria-labelledby="submission-heading" className="panel">
      <h2 id="submission-heading">The officer&apos;s submission</h2>
      <QueryState query={engagement} what="the engagement's recorded work">
        {(status) => (
          <>
            <StageRecordView stage={review.stage} record={status.record} />
            {answered.length > 0 &&
            status.pendingReview?.reviewRequestId === review.reviewRequestId ? (
              <>
                <h3>Answers to the earlier findings</h3>
                <ol>
                  {answered.map((finding, index) => (
                    <li key={index}>
                      <p>{finding.text}</p>
                      <p className="answer">Answer: {finding.response}</p>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

function DecidedChecklist({ review }: { readonly review: ReviewDetail }) {
  return (
    <section aria-labelledby="checklist-heading" className="panel">
      <h2 id="checklist-heading">Compliance checklist</h2>
      <ol className="checklist">
        {review.checklist.map((criterion) => (
          <li key={criterion.criterionId}>
            <h3>{criterion.title}</h3>
            {criterion.evidenceRequired ? (
              <p className="hint">Evidence needed: {criterion.evidenceRequired}</p>
            ) : null}
            <p>
              {criterion.verdict === null ? 'Not answered yet' : verdictTitles[criterion.verdict]}
              {criterion.comment ? `: ${criterion.comment}` : null}
            </p>
          </li>
        ))}
      </ol>
      {review.findings.length > 0 ? (
        <>
          <h3>Findings</h3>
          <ol>
            {review.findings.map((finding, index) => (
              <li key={index}>{finding.text}</li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
