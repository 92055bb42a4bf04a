import type { Problem } from '@cttech/domain';
import { ServiceError } from '@cttech/service-http';

/** Why the compliance service refused or failed a request. */
export const complianceErrorCodes = {
  INVALID_REQUEST: 400,
  INVALID_REVIEW_DECISION: 400,
  AUTHENTICATION_REQUIRED: 401,
  ROLE_NOT_ALLOWED: 403,
  FOUR_EYES: 403,
  REVIEW_NOT_FOUND: 404,
  ENGAGEMENT_NOT_FOUND: 404,
  HOLD_NOT_FOUND: 404,
  REVIEW_ALREADY_DECIDED: 409,
  HOLD_ALREADY_OPEN: 409,
  HOLD_ALREADY_LIFTED: 409,
  ENGAGEMENT_CLOSED: 409,
} as const;

export type ComplianceErrorCode = keyof typeof complianceErrorCodes;

/** Each code's problem title. */
export const complianceErrorTitles: Record<ComplianceErrorCode, string> = {
  INVALID_REQUEST: 'The request is not valid',
  INVALID_REVIEW_DECISION: 'The review decision is not valid',
  AUTHENTICATION_REQUIRED: 'Authentication is required',
  ROLE_NOT_ALLOWED: "The caller's role may not do this",
  FOUR_EYES: 'Four eyes: the submitter cannot decide',
  REVIEW_NOT_FOUND: 'No such review',
  ENGAGEMENT_NOT_FOUND: 'No such engagement',
  HOLD_NOT_FOUND: 'No such hold',
  REVIEW_ALREADY_DECIDED: 'The review has already been decided',
  HOLD_ALREADY_OPEN: 'The engagement is already on hold',
  HOLD_ALREADY_LIFTED: 'The hold has already been lifted',
  ENGAGEMENT_CLOSED: 'The engagement is closed',
};

/**
 * The compliance service's one exception type: a code (which decides the HTTP status, the title
 * and the problem type), a message safe to show the caller, and the fields at fault if any.
 */
export class ComplianceError extends ServiceError {
  declare readonly code: ComplianceErrorCode;

  constructor(code: ComplianceErrorCode, message: string, problems: readonly Problem[] = []) {
    super({
      code,
      status: complianceErrorCodes[code],
      title: complianceErrorTitles[code],
      message,
      problems,
    });
    this.name = 'ComplianceError';
  }
}
