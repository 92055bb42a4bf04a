import { mayAccessPartnerState, type Principal } from '@cttech/auth';
import { ComplianceError } from '../errors.ts';
import type { ReviewRepository, ReviewStatus } from './review-repository.ts';
import {
  reviewDetail,
  reviewSummary,
  type ReviewDetail,
  type ReviewSummary,
} from './review-views.ts';

/** What a caller may see of the reviews: only those of their partner states. */
export class ReviewQueue {
  private readonly reviews: ReviewRepository;

  constructor(reviews: ReviewRepository) {
    this.reviews = reviews;
  }

  /** With `mine`, only the open reviews the caller may decide (four eyes), most urgent first. */
  async list(
    principal: Principal,
    status: ReviewStatus | undefined,
    mine = false,
  ): Promise<ReviewSummary[]> {
    const everyState = principal.partnerStates.includes('*');
    const found = await this.reviews.list({
      status,
      partnerStates: everyState ? undefined : principal.partnerStates,
      decidableBy: mine ? principal.userId : undefined,
    });
    const now = new Date();
    return found.map((review) => reviewSummary(review, now));
  }

  async review(principal: Principal, reviewId: string): Promise<ReviewDetail> {
    const review = await this.reviews.find(reviewId);
    if (!review || !mayAccessPartnerState(principal, review.partnerState)) {
      throw new ComplianceError('REVIEW_NOT_FOUND', `there is no review ${reviewId}`);
    }
    return reviewDetail(review);
  }
}
