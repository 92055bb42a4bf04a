import { describe, expect, it } from '@jest/globals';
import { HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/common';
import { GatewayError, problemFor } from './problem.ts';

function refusal(type: string, message: string, problems: unknown = []) {
  return new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message, details: [problems], nonRetryable: true }),
  );
}

describe('problemFor', () => {
  it("reports the gateway's own errors with their code, status and fields", () => {
    const problem = problemFor(
      new GatewayError('INVALID_REQUEST', 'the request body has 1 problem: by is not expected', [
        { field: 'by', message: 'is not an expected field' },
      ]),
    );
    expect(problem).toEqual({
      type: 'urn:cttech:problem:invalid-request',
      title: 'The request is not valid',
      status: 400,
      detail: 'the request body has 1 problem: by is not expected',
      errors: [{ field: 'by', message: 'is not an expected field' }],
    });
  });

  it('turns a submission the workflow refused into a 400 naming its fields', () => {
    const problem = problemFor(
      refusal('INVALID_SUBMISSION', 'the submission has 1 problem', [
        { field: 'assistancePlan.periodEnd', message: 'must be after periodStart' },
      ]),
    );
    expect(problem).toMatchObject({
      type: 'urn:cttech:problem:invalid-submission',
      status: 400,
      code: 'INVALID_SUBMISSION',
      detail: 'the submission has 1 problem',
      errors: [{ field: 'assistancePlan.periodEnd', message: 'must be after periodStart' }],
    });
  });

  it.each(['ACTION_NOT_ALLOWED', 'INCONSISTENT_POSITION', 'FOUR_EYES'])(
    'turns the refused move %s into a 409',
    (code) => {
      const problem = problemFor(refusal(code, `refused: ${code}`));
      expect(problem).toMatchObject({ status: 409, code, detail: `refused: ${code}` });
      expect(problem).not.toHaveProperty('errors');
    },
  );

  it('keeps only well-formed field problems from a refusal', () => {
    const problem = problemFor(
      refusal('INVALID_SUBMISSION', 'bad', [{ field: 'a', message: 'x' }, { nonsense: true }, 3]),
    );
    expect(problem.errors).toEqual([{ field: 'a', message: 'x' }]);
  });

  it('does not pass on an update failure that is not a refusal', () => {
    const problem = problemFor(
      new WorkflowUpdateFailedError('failed', ApplicationFailure.create({ type: 'Boom' })),
    );
    expect(problem).toMatchObject({ status: 500, title: 'Something went wrong on our side' });
  });

  it('says 404 for an engagement Temporal does not know and 409 for a closed one', () => {
    expect(
      problemFor(new WorkflowNotFoundError('gone', 'engagement-KE-2026', undefined)),
    ).toMatchObject({ status: 404, type: 'urn:cttech:problem:not-found' });
    expect(
      problemFor(
        new WorkflowExecutionAlreadyStartedError(
          'started',
          'engagement-KE-2026',
          'engagementWorkflow',
        ),
      ),
    ).toMatchObject({ status: 409, type: 'urn:cttech:problem:conflict' });
  });

  it("maps Nest's and Fastify's HTTP errors by status", () => {
    expect(problemFor(new PayloadTooLargeException('Request body is too large'))).toMatchObject({
      status: 413,
      type: 'urn:cttech:problem:payload-too-large',
      detail: 'Request body is too large',
    });
    expect(problemFor(new NotFoundException('Cannot GET /nowhere'))).toMatchObject({
      status: 404,
      detail: 'Cannot GET /nowhere',
    });
    expect(problemFor(new HttpException("Unexpected token 'x' in JSON", 400))).toMatchObject({
      status: 400,
      errors: [{ field: '', message: "Unexpected token 'x' in JSON" }],
    });
  });

  it('answers anything else with a 500 that reveals nothing of the cause', () => {
    const problem = problemFor(new Error('password=secret at db.internal:5432'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toMatch(/secret|db\.internal/);
  });
});
