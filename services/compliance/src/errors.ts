import type { Problem } from '@cttech/domain';

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
  DEPENDENCY_UNAVAILABLE: 503,
} as const;

export type ComplianceErrorCode = keyof typeof complianceErrorCodes;

/**
 * The compliance service's one exception type: a code (which decides the HTTP status and the
 * problem type), a message safe to show the caller, and the fields at fault if any.
 */
export class ComplianceError extends Error {
  readonly code: ComplianceErrorCode;
  readonly problems: readonly Problem[];

  constructor(code: ComplianceErrorCode, message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'ComplianceError';
    this.code = code;
    this.problems = problems;
  }

  get status(): number {
    return complianceErrorCodes[this.code];
  }
}
