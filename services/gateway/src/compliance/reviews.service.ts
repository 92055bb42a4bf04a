import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@cttech/auth';
import { scopedEngagementId } from '../engagements/engagement-scope.ts';
import type { ServiceAnswer } from '../services/service-client.ts';
import {
  COMPLIANCE_MONITORING,
  type ComplianceMonitoring,
  type ReviewDecisionRequest,
  type ReviewStatus,
} from './compliance-monitoring.ts';

/**
 * Reviews and the audit trail, answered by the compliance service with the caller's own
 * token: it checks roles and partner states again. The gateway scopes what it can itself
 * (an engagement of another partner state is a 404 before anything is forwarded).
 */
@Injectable()
export class ReviewsService {
  constructor(@Inject(COMPLIANCE_MONITORING) private readonly compliance: ComplianceMonitoring) {}

  reviewQueue(
    accessToken: string,
    filter: { status?: ReviewStatus | undefined; mine?: boolean | undefined },
  ): Promise<ServiceAnswer> {
    return this.compliance.reviewQueue(accessToken, filter);
  }

  review(accessToken: string, reviewId: string): Promise<ServiceAnswer> {
    return this.compliance.review(accessToken, reviewId);
  }

  decide(
    accessToken: string,
    reviewId: string,
    decision: ReviewDecisionRequest,
  ): Promise<ServiceAnswer> {
    return this.compliance.decide(accessToken, reviewId, decision);
  }

  auditTrail(caller: Principal, accessToken: string, engagementId: string) {
    return this.compliance.auditTrail(accessToken, scopedEngagementId(caller, engagementId));
  }

  verifyAuditTrail(accessToken: string): Promise<ServiceAnswer> {
    return this.compliance.verifyAuditTrail(accessToken);
  }
}
