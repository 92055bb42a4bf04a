import { randomUUID } from 'node:crypto';
import type { Principal } from '@cttech/auth';
import { mayAccessPartnerState } from '@cttech/auth';
import { toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import {
  checkFourEyes,
  isMilestoneStage,
  refusalForProblems,
  validateReviewDecision,
} from '@cttech/domain';
import { appendToOutbox, outboxMessage } from '@cttech/messaging';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { ComplianceDatabase } from '../database.ts';
import { ComplianceError } from '../errors.ts';
import type { ReviewRepository } from './review-repository.ts';
import { reviewDetail, type ReviewDetail } from './review-views.ts';

export interface ReviewDecisionsOptions {
  readonly database: ComplianceDatabase;
  readonly reviews: ReviewRepository;
  readonly auditTrail: AuditTrail;
  /** Where `compliance.milestone-decided` goes. */
  readonly complianceEventsTopic: string;
  /** Called after a decision commits: the outbox relay looks at once. */
  readonly decided?: () => void;
}

/**
 * A compliance reviewer's decision on a review: checked against the stage's checklist and
 * four eyes, then recorded with its audit entry and its `compliance.milestone-decided` event
 * in one transaction.
 */
export class ReviewDecisions {
  private readonly options: ReviewDecisionsOptions;

  constructor(options: ReviewDecisionsOptions) {
    this.options = options;
  }

  async decideReview(reviewId: string, principal: Principal, body: unknown): Promise<ReviewDetail> {
    const { database, reviews, auditTrail, complianceEventsTopic, decided } = this.options;
    const review = await reviews.find(reviewId);
    // another partner state's review does not exist as far as this reviewer can tell
    if (!review || !mayAccessPartnerState(principal, review.partnerState)) {
      throw new ComplianceError('REVIEW_NOT_FOUND', `there is no review ${reviewId}`);
    }
    if (!isMilestoneStage(review.stage)) {
      throw new Error(`review ${review.id} is at ${review.stage}, which is not a milestone stage`);
    }
    const validated = validateReviewDecision(review.stage, body);
    if (!validated.ok) {
      const refusal = refusalForProblems('INVALID_REVIEW_DECISION', validated.problems);
      throw new ComplianceError('INVALID_REVIEW_DECISION', refusal.message, validated.problems);
    }
    const fourEyes = checkFourEyes({
      submittedBy: review.submittedBy,
      decidedBy: principal.userId,
      editedBy: review.editedBy,
    });
    if (!fourEyes.ok) throw new ComplianceError('FOUR_EYES', fourEyes.refusal.message);
    if (review.status !== 'OPEN') throw alreadyDecided(review.id);

    const decision = validated.value;
    const decidedAt = new Date();
    const event: EngagementEvent<'compliance.milestone-decided'> = {
      id: `decision-${randomUUID()}`,
      type: 'compliance.milestone-decided',
      version: 1,
      engagementId: review.engagementId,
      partnerState: review.partnerState,
      cycle: review.cycle,
      occurredAt: decidedAt.toISOString(),
      data: {
        reviewRequestId: review.reviewRequestId,
        stage: review.stage,
        decidedBy: principal.userId,
        decision,
      },
    };
    await database.$transaction(async (tx) => {
      const recorded = await reviews.recordDecision(tx, review.id, {
        decidedBy: principal.userId,
        decidedAt,
        decision,
      });
      // another reviewer decided it since it was read: the transaction rolls back
      if (!recorded) throw alreadyDecided(review.id);
      await auditTrail.append(tx, {
        engagementId: review.engagementId,
        workflowId: review.engagementId,
        runId: null,
        causeId: event.id,
        action: 'MILESTONE_DECIDED',
        actor: principal.userId,
        at: decidedAt,
        payload: {
          reviewId: review.id,
          reviewRequestId: review.reviewRequestId,
          stage: review.stage,
          outcome: decision.outcome,
          answers: decision.answers,
          findings: decision.findings,
        },
      });
      await appendToOutbox(tx, [outboxMessage(complianceEventsTopic, toKafkaRecord(event))]);
    });
    decided?.();
    const stored = await reviews.find(review.id);
    if (!stored) throw new Error(`review ${review.id} vanished after its decision`);
    return reviewDetail(stored);
  }
}

function alreadyDecided(reviewId: string): ComplianceError {
  return new ComplianceError(
    'REVIEW_ALREADY_DECIDED',
    `review ${reviewId} has already been decided; a decision is final`,
  );
}
