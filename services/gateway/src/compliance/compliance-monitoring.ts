// The gateway's port to the compliance service: reviews, human-rights holds, the audit trail
// and the programme's result indicators. The gateway
// forwards the caller's own access token (the compliance service checks roles and partner
// states again) and relays the answer as it came: status, content type and body.
import type { ServiceAnswer } from '../services/service-client.ts';

/** The reviewer's queue filter, as the compliance service takes it. */
export type ReviewStatus = 'OPEN' | 'DECIDED';

/** A reviewer's decision on a milestone; the stage's checklist is checked by compliance. */
export interface ReviewDecisionRequest {
  readonly outcome: string;
  readonly answers: readonly {
    readonly criterionId: string;
    readonly verdict: string;
    readonly comment?: string | undefined;
  }[];
  readonly findings: readonly {
    readonly criterionId?: string | undefined;
    readonly text: string;
  }[];
}

export interface ComplianceMonitoring {
  reviewQueue(
    accessToken: string,
    filter?: { readonly status?: ReviewStatus | undefined; readonly mine?: boolean | undefined },
  ): Promise<ServiceAnswer>;
  review(accessToken: string, reviewId: string): Promise<ServiceAnswer>;
  decide(
    accessToken: string,
    reviewId: string,
    decision: ReviewDecisionRequest,
  ): Promise<ServiceAnswer>;
  auditTrail(accessToken: string, engagementId: string): Promise<ServiceAnswer>;
  verifyAuditTrail(accessToken: string): Promise<ServiceAnswer>;
  holds(accessToken: string, engagementId: string): Promise<ServiceAnswer>;
  placeHold(
    accessToken: string,
    engagementId: string,
    hold: { readonly concern: string },
  ): Promise<ServiceAnswer>;
  liftHold(
    accessToken: string,
    engagementId: string,
    holdId: string,
    lifting: { readonly resolution: string },
  ): Promise<ServiceAnswer>;
  /** The programme's result indicators, as JSON or as CSV. */
  indicators(accessToken: string, format: 'json' | 'csv'): Promise<ServiceAnswer>;
}

export const COMPLIANCE_MONITORING = Symbol('ComplianceMonitoring');
