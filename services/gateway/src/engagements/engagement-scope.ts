import { mayAccessPartnerState, type Principal } from '@cttech/auth';
import { GatewayError } from '../problem.ts';

const engagementIdPattern = /^engagement-([A-Z]{2})-(\d{4})$/;

/**
 * The engagement id, if it names an engagement of one of the caller's partner states; any
 * other engagement does not exist for them (404, so that its existence is not revealed).
 */
export function scopedEngagementId(caller: Principal, engagementId: string): string {
  const partnerState = engagementIdPattern.exec(engagementId)?.[1];
  if (partnerState === undefined || !mayAccessPartnerState(caller, partnerState)) {
    throw new GatewayError('NOT_FOUND', `no engagement ${engagementId}`);
  }
  return engagementId;
}
