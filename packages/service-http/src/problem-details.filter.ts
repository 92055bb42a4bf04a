import {
  Catch,
  HttpException,
  Inject,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError } from './service-error.ts';

/** The name of the service, which names the logger of unexpected errors. */
export const ServiceName = Symbol('ServiceName');

function problemType(code: string): string {
  return `urn:cttech:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

/**
 * Every error leaves as an RFC 9457 problem (`application/problem+json`): type, title, status,
 * detail, the request's correlation id and, for invalid input, `errors` naming each field.
 * Unexpected errors are logged (under the service's name, `ServiceName`) with the correlation
 * id and described to no one.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(@Inject(ServiceName) serviceName: string) {
    this.logger = new Logger(serviceName);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const correlationId = String(request.id);
    const base = { instance: request.url, correlationId };
    let body: Record<string, unknown>;
    if (exception instanceof ServiceError) {
      body = {
        type: problemType(exception.code),
        title: exception.title,
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
