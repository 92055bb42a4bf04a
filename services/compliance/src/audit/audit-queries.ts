import { mayAccessPartnerState, type Principal } from '@cttech/auth';
import { ComplianceError } from '../errors.ts';
import type { ReviewRepository } from '../reviews/review-repository.ts';
import type { AuditTrailVerification } from './audit-chain.ts';
import type { AuditTrail } from './audit-trail.ts';

/** What the HTTP API shows of the audit trail. */
export class AuditQueries {
  private readonly auditTrail: AuditTrail;
  private readonly reviews: ReviewRepository;

  constructor(auditTrail: AuditTrail, reviews: ReviewRepository) {
    this.auditTrail = auditTrail;
    this.reviews = reviews;
  }

  /** An engagement's entries, for callers assigned to its partner state. */
  async entriesOf(principal: Principal, engagementId: string) {
    const partnerState = await this.reviews.partnerStateOf(engagementId);
    if (!partnerState || !mayAccessPartnerState(principal, partnerState)) {
      throw new ComplianceError(
        'ENGAGEMENT_NOT_FOUND',
        `there is no audit trail for engagement ${engagementId}`,
      );
    }
    const entries = await this.auditTrail.entriesOf(engagementId);
    return entries.map((entry) => ({
      ...entry,
      sequence: entry.sequence.toString(),
      at: entry.at.toISOString(),
    }));
  }

  verify(): Promise<AuditTrailVerification> {
    return this.auditTrail.verify();
  }
}
