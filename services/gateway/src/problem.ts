// Every error the gateway answers with, as an RFC 9457 problem (application/problem+json):
// one error type with a code per kind of failure, and one mapping from whatever was thrown
// (the gateway's own errors, a workflow's refusal, Temporal, Nest, Fastify) to a problem.
import { HttpException } from '@nestjs/common';
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { refusalCodes, type Problem as FieldProblem, type RefusalCode } from '@cttech/domain';

export const problemContentType = 'application/problem+json';

/** What the gateway can answer besides success, with its status and title. */
export const gatewayErrorCodes = {
  INVALID_REQUEST: { status: 400, title: 'The request is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication is required' },
  FORBIDDEN: { status: 403, title: 'Not allowed for your role' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'Conflicts with the current state' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The request body must be JSON' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
  DEPENDENCY_UNAVAILABLE: { status: 503, title: 'A service the gateway depends on is unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type GatewayErrorCode = keyof typeof gatewayErrorCodes;

/** A failure the gateway means to report: a code, words for the caller, the fields at fault. */
export class GatewayError extends Error {
  readonly code: GatewayErrorCode;
  readonly errors: readonly FieldProblem[];

  constructor(
    code: GatewayErrorCode,
    detail: string,
    errors: readonly FieldProblem[] = [],
    options?: ErrorOptions,
  ) {
    super(detail, options);
    this.name = 'GatewayError';
    this.code = code;
    this.errors = errors;
  }
}

/** An RFC 9457 problem document as the gateway sends it. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The fields at fault: dotted paths ('assistancePlan.periodEnd'), '' for the whole body. */
  readonly errors?: readonly FieldProblem[];
  /** The workflow's refusal code, when the engagement refused the action. */
  readonly code?: string;
  /** Ties the answer to the gateway's log line and trace. */
  readonly correlationId?: string;
}

function problemType(code: string): string {
  return `urn:cttech:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

function fromCode(code: GatewayErrorCode, detail: string, errors: readonly FieldProblem[] = []) {
  const { status, title } = gatewayErrorCodes[code];
  return {
    type: problemType(code),
    title,
    status,
    detail,
    ...(errors.length > 0 ? { errors } : {}),
  } satisfies ProblemDocument;
}

/** How a workflow's refusal reads to the caller: bad input is 400, a refused move 409. */
const refusalStatus: Readonly<Record<RefusalCode, 400 | 409>> = {
  INVALID_SUBMISSION: 400,
  INVALID_REVIEW_DECISION: 400,
  ACTION_NOT_ALLOWED: 409,
  INCONSISTENT_POSITION: 409,
  FOUR_EYES: 409,
  HUMAN_RIGHTS_HOLD: 409,
};

function isRefusalCode(type: string | null | undefined): type is RefusalCode {
  return (refusalCodes as readonly (string | null | undefined)[]).includes(type);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldProblem).field === 'string' &&
    typeof (value as FieldProblem).message === 'string'
  );
}

/** The refusal a workflow update's validator or handler gave, when that is what failed. */
function refusalProblem(error: WorkflowUpdateFailedError): ProblemDocument | undefined {
  const { cause } = error;
  if (!(cause instanceof ApplicationFailure) || !isRefusalCode(cause.type)) return undefined;
  const details: unknown = cause.details?.[0];
  const errors = Array.isArray(details) ? details.filter(isFieldProblem) : [];
  const status = refusalStatus[cause.type];
  return {
    type: problemType(cause.type),
    title:
      status === 400 ? 'The engagement refused the input' : 'The engagement refused the action',
    status,
    detail: cause.message,
    code: cause.type,
    ...(errors.length > 0 ? { errors } : {}),
  };
}

const codeByStatus: Readonly<Record<number, GatewayErrorCode>> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'DEPENDENCY_UNAVAILABLE',
};

/** The words of an HttpException: Nest's own ones carry them in `message`. */
function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}

/**
 * The problem to answer for anything thrown while serving a request. Unknown errors become
 * a 500 whose detail says nothing about the inside; the caller logs them.
 */
export function problemFor(error: unknown): ProblemDocument {
  if (error instanceof GatewayError) return fromCode(error.code, error.message, error.errors);
  if (error instanceof WorkflowUpdateFailedError) {
    const refusal = refusalProblem(error);
    if (refusal) return refusal;
  }
  if (error instanceof WorkflowNotFoundError) {
    return fromCode('NOT_FOUND', 'no such engagement');
  }
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return fromCode(
      'CONFLICT',
      'the engagement for this partner state and cycle is closed and cannot be opened again',
    );
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = codeByStatus[status];
    if (code) {
      const detail = httpExceptionDetail(error);
      // a body that is not JSON, or not an object: name the body as the field at fault
      const errors = code === 'INVALID_REQUEST' ? [{ field: '', message: detail }] : [];
      return fromCode(code, detail, errors);
    }
  }
  return fromCode('INTERNAL', 'the request could not be completed; quote the correlation id');
}

/** Whether a problem is the gateway's fault (logged with its cause) rather than the caller's. */
export function isServerFault(problem: ProblemDocument): boolean {
  return problem.status >= 500;
}
