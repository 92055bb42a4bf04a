import { findComplianceCriterion } from '@cttech/domain';
import type { Review, ReviewRecord } from './review-repository.ts';

/** A review in the queue, as the HTTP API returns it; overdue once open past its due time. */
export function reviewSummary(review: Review, now: Date = new Date()) {
  return {
    id: review.id,
    reviewRequestId: review.reviewRequestId,
    engagementId: review.engagementId,
    partnerState: review.partnerState,
    cycle: review.cycle,
    stage: review.stage,
    submittedBy: review.submittedBy,
    submittedAt: review.submittedAt.toISOString(),
    dueAt: review.dueAt.toISOString(),
    overdue: review.status === 'OPEN' && review.dueAt.getTime() < now.getTime(),
    status: review.status,
    decidedBy: review.decidedBy,
    decidedAt: review.decidedAt?.toISOString() ?? null,
    outcome: review.outcome,
  };
}

export type ReviewSummary = ReturnType<typeof reviewSummary>;

/** A review with its checklist (each criterion's title and the evidence it needs) and answers. */
export function reviewDetail(review: ReviewRecord) {
  return {
    ...reviewSummary(review),
    checklist: review.checklist.map((criterionId) => {
      const criterion = findComplianceCriterion(criterionId);
      const answer = review.answers.find((candidate) => candidate.criterionId === criterionId);
      return {
        criterionId,
        title: criterion?.title ?? criterionId,
        evidenceRequired: criterion?.evidenceRequired ?? null,
        outcomes: criterion?.outcomes ?? [],
        verdict: answer?.verdict ?? null,
        comment: answer?.comment ?? null,
      };
    }),
    findings: review.findings.map(({ criterionId, text }) => ({ criterionId, text })),
  };
}

export type ReviewDetail = ReturnType<typeof reviewDetail>;
