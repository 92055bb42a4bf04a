import type { Problem } from '@cttech/domain';

/** What a service error is made of; see ServiceError. */
export interface ServiceErrorDetails {
  /** A stable code in SCREAMING_SNAKE_CASE; names the problem type. */
  readonly code: string;
  /** The HTTP status it answers with. */
  readonly status: number;
  /** The problem's title: the same for every error with this code. */
  readonly title: string;
  /** What went wrong, in words safe to show the caller. */
  readonly message: string;
  /** The fields at fault, if any. */
  readonly problems?: readonly Problem[];
}

/**
 * An error a service means its caller to see: a code (which names the problem type), the HTTP
 * status, the title, a message safe to show the caller and the fields at fault if any. Each
 * service extends it with its own codes; ProblemDetailsFilter renders it.
 */
export class ServiceError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly problems: readonly Problem[];

  constructor({ code, status, title, message, problems = [] }: ServiceErrorDetails) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.status = status;
    this.title = title;
    this.problems = problems;
  }
}

/** The codes this package's guard, pipe and readiness throw, with their statuses and titles. */
export const serviceErrorCodes = {
  INVALID_REQUEST: { status: 400, title: 'The request is not valid' },
  AUTHENTICATION_REQUIRED: { status: 401, title: 'Authentication is required' },
  ROLE_NOT_ALLOWED: { status: 403, title: "The caller's role may not do this" },
  DEPENDENCY_UNAVAILABLE: { status: 503, title: 'A dependency is unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ServiceErrorCode = keyof typeof serviceErrorCodes;

/**
 * One of the generic errors every service shares (invalid request, authentication, role, a
 * dependency down).
 */
export function serviceError(
  code: ServiceErrorCode,
  message: string,
  problems: readonly Problem[] = [],
): ServiceError {
  return new ServiceError({ code, ...serviceErrorCodes[code], message, problems });
}
