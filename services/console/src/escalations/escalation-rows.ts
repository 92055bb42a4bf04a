// The programme manager's escalations: the open reviews past their deadline (the engagement
// workflow escalates a review to the programme managers when its deadline passes), each in
// words, with when its escalation reached the manager, if it did.
import type { InboxNotification, ReviewSummary } from '../gateway/api-types.ts';
import { overdueReviews } from '../operations/system-overview.ts';
import { stageTitle } from '../wording/engagement-words.ts';
import { deadlineWords, partnerStateName } from '../wording/programme-words.ts';

/** The event type of a review's escalation, as the notifications list filters on it. */
export const escalationType = 'engagement.review-escalated';

/** One overdue review as the escalations table shows it. */
export interface OverdueReviewRow {
  readonly reviewId: string;
  readonly engagementId: string;
  /** 'Kenya'. */
  readonly partnerState: string;
  readonly cycle: number;
  /** 'Kick-off'. */
  readonly stage: string;
  /** When the milestone was submitted: waiting for a decision since then. */
  readonly waitingSince: string;
  readonly dueAt: string;
  /** '3 days overdue'. */
  readonly overdueBy: string;
  /** When the manager was told of its escalation; null when no such notification is theirs. */
  readonly escalatedAt: string | null;
}

/**
 * The open reviews past their deadline, the longest overdue first. A review's escalation is the
 * earliest escalation notification of its engagement since the milestone was submitted (an
 * engagement has one review open at a time).
 */
export function overdueReviewRows(
  reviews: readonly ReviewSummary[],
  escalations: readonly InboxNotification[],
  now: Date = new Date(),
): OverdueReviewRow[] {
  return overdueReviews(reviews).map((review) => {
    const escalatedAt = escalations
      .filter(
        (notification) =>
          notification.eventType === escalationType &&
          notification.engagementId === review.engagementId &&
          notification.occurredAt >= review.submittedAt,
      )
      .map(({ occurredAt }) => occurredAt)
      .sort()[0];
    return {
      reviewId: review.id,
      engagementId: review.engagementId,
      partnerState: partnerStateName(review.partnerState),
      cycle: review.cycle,
      stage: stageTitle(review.stage),
      waitingSince: review.submittedAt,
      dueAt: review.dueAt,
      overdueBy: deadlineWords(review.dueAt, now),
      escalatedAt: escalatedAt ?? null,
    };
  });
}
