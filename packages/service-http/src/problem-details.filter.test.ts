import 'reflect-metadata';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter.ts';
import { ServiceError } from './service-error.ts';

class SampleError extends ServiceError {
  constructor(message: string) {
    super({ code: 'SAMPLE_NOT_READY', status: 409, title: 'The sample is not ready', message });
  }
}

/** Where every rendered problem says it happened: the request's url and id. */
const where = { instance: '/samples/1', correlationId: 'req-7' };

/** Runs the filter on one error; what it sent, with which status and content type. */
function render(exception: unknown) {
  const sent: { status?: number; contentType?: string; body?: Record<string, unknown> } = {};
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      if (name === 'content-type') sent.contentType = value;
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  const request = { id: where.correlationId, url: where.instance, method: 'GET' };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter('sample').catch(exception, host);
  return sent;
}

describe('the problem filter', () => {
  // the unknown error's stack would be logged; these tests look only at the reply
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it("renders a service error with its code's type, title, status and fields", () => {
    const sent = render(
      new ServiceError({
        code: 'INVALID_REQUEST',
        status: 400,
        title: 'The request is not valid',
        message: 'the request body is not valid: name is required',
        problems: [{ field: 'name', message: 'is required' }],
      }),
    );
    expect(sent.status).toBe(400);
    expect(sent.contentType).toBe('application/problem+json; charset=utf-8');
    expect(sent.body).toEqual({
      type: 'urn:cttech:problem:invalid-request',
      title: 'The request is not valid',
      status: 400,
      detail: 'the request body is not valid: name is required',
      code: 'INVALID_REQUEST',
      ...where,
      errors: [{ field: 'name', message: 'is required' }],
    });
  });

  it("renders a service's own subclass, without errors when no field is at fault", () => {
    const { status, body } = render(new SampleError('still processing'));
    expect(status).toBe(409);
    expect(body).toMatchObject({ type: 'urn:cttech:problem:sample-not-ready', ...where });
    expect(body).toMatchObject({ title: 'The sample is not ready', code: 'SAMPLE_NOT_READY' });
    expect(body).not.toHaveProperty('errors');
  });

  it("renders Nest's HTTP exceptions with their status", () => {
    expect(render(new NotFoundException('no such sample')).body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'no such sample',
      ...where,
    });
  });

  it('describes an unknown error only by its correlation id', () => {
    const sent = render(new Error('secret detail'));
    expect(sent.status).toBe(500);
    expect(sent.body).toMatchObject({ title: 'Internal Server Error', correlationId: 'req-7' });
    expect(JSON.stringify(sent.body)).not.toContain('secret detail');
  });
});
