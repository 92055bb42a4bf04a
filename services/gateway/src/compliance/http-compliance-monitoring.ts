// The compliance service over HTTP (the gateway's ServiceClient): every answer it gives is
// relayed as it is; a compliance service that cannot be reached is a 503 naming it.
import type { ServiceAnswer, ServiceClient, ServiceMethod } from '../services/service-client.ts';
import type {
  ComplianceMonitoring,
  ReviewDecisionRequest,
  ReviewStatus,
} from './compliance-monitoring.ts';

function holdsPath(engagementId: string): string {
  return `/engagements/${encodeURIComponent(engagementId)}/holds`;
}

export class HttpComplianceMonitoring implements ComplianceMonitoring {
  private readonly client: ServiceClient;

  constructor(client: ServiceClient) {
    this.client = client;
  }

  reviewQueue(
    accessToken: string,
    { status, mine }: { status?: ReviewStatus | undefined; mine?: boolean | undefined } = {},
  ): Promise<ServiceAnswer> {
    const query = new URLSearchParams();
    if (status !== undefined) query.set('status', status);
    if (mine !== undefined) query.set('mine', String(mine));
    const search = query.size > 0 ? `?${query.toString()}` : '';
    return this.call('GET', `/reviews${search}`, accessToken);
  }

  review(accessToken: string, reviewId: string): Promise<ServiceAnswer> {
    return this.call('GET', `/reviews/${encodeURIComponent(reviewId)}`, accessToken);
  }

  decide(
    accessToken: string,
    reviewId: string,
    decision: ReviewDecisionRequest,
  ): Promise<ServiceAnswer> {
    return this.call(
      'POST',
      `/reviews/${encodeURIComponent(reviewId)}/decision`,
      accessToken,
      decision,
    );
  }

  auditTrail(accessToken: string, engagementId: string): Promise<ServiceAnswer> {
    return this.call('GET', `/engagements/${encodeURIComponent(engagementId)}/audit`, accessToken);
  }

  verifyAuditTrail(accessToken: string): Promise<ServiceAnswer> {
    return this.call('GET', '/audit/verification', accessToken);
  }

  holds(accessToken: string, engagementId: string): Promise<ServiceAnswer> {
    return this.call('GET', holdsPath(engagementId), accessToken);
  }

  placeHold(
    accessToken: string,
    engagementId: string,
    hold: { readonly concern: string },
  ): Promise<ServiceAnswer> {
    return this.call('POST', holdsPath(engagementId), accessToken, hold);
  }

  liftHold(
    accessToken: string,
    engagementId: string,
    holdId: string,
    lifting: { readonly resolution: string },
  ): Promise<ServiceAnswer> {
    return this.call(
      'POST',
      `${holdsPath(engagementId)}/${encodeURIComponent(holdId)}/lift`,
      accessToken,
      lifting,
    );
  }

  indicators(accessToken: string, format: 'json' | 'csv'): Promise<ServiceAnswer> {
    return this.call('GET', format === 'csv' ? '/indicators.csv' : '/indicators', accessToken);
  }

  private call(
    method: ServiceMethod,
    path: string,
    accessToken: string,
    body?: unknown,
  ): Promise<ServiceAnswer> {
    return this.client.call(method, path, accessToken, body);
  }
}
