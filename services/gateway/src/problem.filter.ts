import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isServerFault, problemContentType, problemFor } from './problem.ts';

/**
 * The one place errors become answers: every exception, from a handler, a guard, a pipe or
 * Fastify itself (body limit, rate limit, unknown route), is sent as an RFC 9457 problem
 * with the request's correlation id. The gateway's own faults are logged with their cause.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = { ...problemFor(exception), correlationId: request.id };
    if (isServerFault(problem)) {
      this.logger.error(
        `${request.method} ${request.url} failed (correlation id ${request.id})`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    void reply.status(problem.status).type(problemContentType).send(problem);
  }
}
