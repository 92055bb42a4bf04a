// The compliance service over HTTP (Node's fetch). A service that cannot be reached, or does
// not answer in time, is a 503 problem naming it; every answer it gives is relayed as it is.
import { GatewayError } from '../problem.ts';
import type {
  ComplianceAnswer,
  ComplianceMonitoring,
  ReviewDecisionRequest,
  ReviewStatus,
} from './compliance-monitoring.ts';

export interface HttpComplianceMonitoringOptions {
  /** Where the compliance service listens, e.g. `http://127.0.0.1:53010`. */
  readonly baseUrl: string;
  /** How long one call may take before it counts as unavailable. */
  readonly timeoutMs?: number;
}

function holdsPath(engagementId: string): string {
  return `/engagements/${encodeURIComponent(engagementId)}/holds`;
}

export class HttpComplianceMonitoring implements ComplianceMonitoring {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor({ baseUrl, timeoutMs = 10_000 }: HttpComplianceMonitoringOptions) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = timeoutMs;
  }

  reviewQueue(
    accessToken: string,
    { status, mine }: { status?: ReviewStatus | undefined; mine?: boolean | undefined } = {},
  ): Promise<ComplianceAnswer> {
    const query = new URLSearchParams();
    if (status !== undefined) query.set('status', status);
    if (mine !== undefined) query.set('mine', String(mine));
    const search = query.size > 0 ? `?${query.toString()}` : '';
    return this.call('GET', `/reviews${search}`, accessToken);
  }

  review(accessToken: string, reviewId: string): Promise<ComplianceAnswer> {
    return this.call('GET', `/reviews/${encodeURIComponent(reviewId)}`, accessToken);
  }

  decide(
    accessToken: string,
    reviewId: string,
    decision: ReviewDecisionRequest,
  ): Promise<ComplianceAnswer> {
    return this.call(
      'POST',
      `/reviews/${encodeURIComponent(reviewId)}/decision`,
      accessToken,
      decision,
    );
  }

  auditTrail(accessToken: string, engagementId: string): Promise<ComplianceAnswer> {
    return this.call('GET', `/engagements/${encodeURIComponent(engagementId)}/audit`, accessToken);
  }

  verifyAuditTrail(accessToken: string): Promise<ComplianceAnswer> {
    return this.call('GET', '/audit/verification', accessToken);
  }

  holds(accessToken: string, engagementId: string): Promise<ComplianceAnswer> {
    return this.call('GET', holdsPath(engagementId), accessToken);
  }

  placeHold(
    accessToken: string,
    engagementId: string,
    hold: { readonly concern: string },
  ): Promise<ComplianceAnswer> {
    return this.call('POST', holdsPath(engagementId), accessToken, hold);
  }

  liftHold(
    accessToken: string,
    engagementId: string,
    holdId: string,
    lifting: { readonly resolution: string },
  ): Promise<ComplianceAnswer> {
    return this.call(
      'POST',
      `${holdsPath(engagementId)}/${encodeURIComponent(holdId)}/lift`,
      accessToken,
      lifting,
    );
  }

  indicators(accessToken: string, format: 'json' | 'csv'): Promise<ComplianceAnswer> {
    return this.call('GET', format === 'csv' ? '/indicators.csv' : '/indicators', accessToken);
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    accessToken: string,
    body?: unknown,
  ): Promise<ComplianceAnswer> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${accessToken}`,
      accept: 'application/json, text/csv, application/problem+json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const contentDisposition = response.headers.get('content-disposition');
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? 'application/json',
        body: await response.text(),
        ...(contentDisposition ? { contentDisposition } : {}),
      };
    } catch (error) {
      throw new GatewayError(
        'DEPENDENCY_UNAVAILABLE',
        'the compliance service cannot be reached; try again later',
        [],
        { cause: error },
      );
    }
  }
}
