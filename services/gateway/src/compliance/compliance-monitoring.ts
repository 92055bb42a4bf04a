// The gateway's port to the compliance service: reviews, human-rights holds, the audit trail
// and the programme's result indicators. The gateway
// forwards the caller's own access token (the compliance service checks roles and partner
// states again) and relays the answer as it came: status, content type and body.

/** The compliance service's answer, relayed to the caller unchanged. */
export interface ComplianceAnswer {
  readonly status: number;
  /** `application/json`, or `application/problem+json` for a refusal. */
  readonly contentType: string;
  /** The body as the compliance service sent it (text, not re-encoded). */
  readonly body: string;
  /** For a download (the indicators' CSV): the file name the service gave it. */
  readonly contentDisposition?: string | undefined;
}

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
  ): Promise<ComplianceAnswer>;
  review(accessToken: string, reviewId: string): Promise<ComplianceAnswer>;
  decide(
    accessToken: string,
    reviewId: string,
    decision: ReviewDecisionRequest,
  ): Promise<ComplianceAnswer>;
  auditTrail(accessToken: string, engagementId: string): Promise<ComplianceAnswer>;
  verifyAuditTrail(accessToken: string): Promise<ComplianceAnswer>;
  holds(accessToken: string, engagementId: string): Promise<ComplianceAnswer>;
  placeHold(
    accessToken: string,
    engagementId: string,
    hold: { readonly concern: string },
  ): Promise<ComplianceAnswer>;
  liftHold(
    accessToken: string,
    engagementId: string,
    holdId: string,
    lifting: { readonly resolution: string },
  ): Promise<ComplianceAnswer>;
  /** The programme's result indicators, as JSON or as CSV. */
  indicators(accessToken: string, format: 'json' | 'csv'): Promise<ComplianceAnswer>;
}

export const COMPLIANCE_MONITORING = Symbol('ComplianceMonitoring');
