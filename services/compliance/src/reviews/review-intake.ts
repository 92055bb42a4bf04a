import type { EngagementEvent } from '@cttech/contracts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { ComplianceTransaction } from '../database.ts';
import type { ReviewRepository } from './review-repository.ts';

type MilestoneSubmitted = EngagementEvent<'engagement.milestone-submitted'>;

/**
 * Opens a review for each milestone the engagement workflow submits: each event once (the
 * inbox, see ComplianceEventIntake), and one review per review request (its unique id), each
 * opening in the audit trail.
 */
export class ReviewIntake {
  private readonly reviews: ReviewRepository;
  private readonly auditTrail: AuditTrail;

  constructor(reviews: ReviewRepository, auditTrail: AuditTrail) {
    this.reviews = reviews;
    this.auditTrail = auditTrail;
  }

  async openReview(event: MilestoneSubmitted, tx: ComplianceTransaction): Promise<void> {
    const { data } = event;
    const reviewId = await this.reviews.open(tx, {
      reviewRequestId: data.reviewRequestId,
      engagementId: event.engagementId,
      partnerState: event.partnerState,
      cycle: event.cycle,
      stage: data.stage,
      submittedBy: data.submittedBy,
      // events written before the workflow named the stage's editors name none
      editedBy: data.editedBy ?? [],
      submittedAt: new Date(event.occurredAt),
      dueAt: new Date(data.reviewDueAt),
      checklist: data.checklist,
    });
    if (reviewId === undefined) return; // this review request already has its review
    await this.auditTrail.append(tx, {
      engagementId: event.engagementId,
      workflowId: event.engagementId,
      runId: null,
      causeId: event.id,
      action: 'REVIEW_OPENED',
      actor: data.submittedBy,
      at: new Date(event.occurredAt),
      payload: {
        reviewId,
        reviewRequestId: data.reviewRequestId,
        stage: data.stage,
        dueAt: data.reviewDueAt,
        checklist: data.checklist,
      },
    });
  }
}
