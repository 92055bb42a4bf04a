import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ComplianceError, type ComplianceErrorCode } from '../errors.ts';

const titles: Record<ComplianceErrorCode, string> = {
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
  DEPENDENCY_UNAVAILABLE: 'A dependency is unavailable',
};

function problemType(code: string): string {
  return `urn:cttech:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

/**
 * Every error leaves as an RFC 9457 problem (`application/problem+json`): type, title, status,
 * detail, the request's correlation id and, for invalid input, `errors` naming each field.
 * Unexpected errors are logged with the correlation id and described to no one.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('compliance');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const correlationId = String(request.id);
    const base = { instance: request.url, correlationId };
    let body: Record<string, unknown>;
    if (exception instanceof ComplianceError) {
      body = {
        type: problemType(exception.code),
        title: titles[exception.code],
        status: exception.status,
        detail: exception.message,
        code: exception.code,
        ...base,
        ...(exception.problems.length > 0
          ? { errors: exception.problems.map(({ field, message }) => ({ field, message })) }
          : {}),
      };
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      body = {
        type: 'about:blank',
        title: exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
        status,
        detail: exception.message,
        ...base,
      };
    } else {
      this.logger.error(
        `request ${correlationId} ${request.method} ${request.url} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
      body = {
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: `the request failed; quote correlation id ${correlationId}`,
        ...base,
      };
    }
    void reply
      .status(body.status as number)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(body);
  }
}
