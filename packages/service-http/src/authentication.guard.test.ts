import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuthenticationError, type Principal } from '@cttech/auth';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { z } from 'zod';
import { Caller, Roles, WithoutAuthentication } from './access.ts';
import { AuthenticationGuard, TokenVerifier } from './authentication.guard.ts';
import { ProblemDetailsFilter, ServiceName } from './problem-details.filter.ts';
import { RequestValidationPipe } from './request-validation.pipe.ts';

const reviewer: Principal = {
  userId: 'reviewer-1',
  name: 'Reviewer',
  roles: ['COMPLIANCE_REVIEWER'],
  partnerStates: ['KE'],
};

@Controller()
class SampleController {
  @Get('open')
  @WithoutAuthentication()
  open() {
    return { open: true };
  }

  @Get('forgotten')
  forgotten() {
    return { reached: true };
  }

  @Get('reviewers')
  @Roles('COMPLIANCE_REVIEWER')
  reviewers(@Caller() caller: Principal) {
    return { userId: caller.userId };
  }

  @Get('operators')
  @Roles('OPERATOR')
  operators() {
    return { reached: true };
  }

  @Post('echo')
  @Roles('COMPLIANCE_REVIEWER')
  echo(@Body({ schema: z.strictObject({ text: z.string().min(1) }) }) body: { text: string }) {
    return body;
  }

  @Get('broken')
  @WithoutAuthentication()
  broken() {
    throw new Error('database password is hunter2');
  }
}

describe('the global guard, validation pipe and problem filter', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [SampleController],
      providers: [
        {
          provide: TokenVerifier,
          useValue: async (token: string) => {
            if (token !== 'good')
              throw new AuthenticationError("the token's signature does not verify");
            return reviewer;
          },
        },
        { provide: ServiceName, useValue: 'sample' },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
      ],
    }).compile();
    app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: false,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  const call = (url: string, token?: string, body?: object) =>
    app.inject({
      method: body ? 'POST' : 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body ? { payload: body } : {}),
    });

  it('lets anyone reach a route marked WithoutAuthentication', async () => {
    expect((await call('/open')).json()).toEqual({ open: true });
  });

  it('refuses a route that names no roles, even with a good token', async () => {
    const response = await call('/forgotten', 'good');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('answers 401 without a token or with a bad one, 403 for another role', async () => {
    const missing = await call('/reviewers');
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({
      code: 'AUTHENTICATION_REQUIRED',
      detail: 'an Authorization: Bearer <token> header is required',
    });
    const forged = await call('/reviewers', 'forged');
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(forged.json()).toMatchObject({
      type: 'urn:cttech:problem:authentication-required',
      title: 'Authentication is required',
      status: 401,
      detail: "the token's signature does not verify",
    });
    expect((await call('/operators', 'good')).statusCode).toBe(403);
    expect((await call('/reviewers', 'good')).json()).toEqual({ userId: 'reviewer-1' });
  });

  it('validates bodies, refusing unknown properties and naming each field', async () => {
    expect((await call('/echo', 'good', { text: 'hello' })).json()).toEqual({ text: 'hello' });
    const refused = await call('/echo', 'good', { text: '', extra: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      status: 400,
      code: 'INVALID_REQUEST',
      errors: [
        { field: 'text', message: 'must be at least 1 character long' },
        { field: 'extra', message: 'is not an expected field' },
      ],
    });
  });

  it('answers a body that is not JSON with a 400 problem', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { authorization: 'Bearer good', 'content-type': 'application/json' },
      payload: '{"text": "cut sh',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('describes an unexpected error without its message, with a correlation id', async () => {
    const response = await call('/broken');
    expect(response.statusCode).toBe(500);
    const body = response.json<{ detail: string; correlationId: string }>();
    expect(body.detail).not.toContain('hunter2');
    expect(body.detail).toContain(body.correlationId);
  });

  it('answers an unknown route with a problem', async () => {
    const response = await call('/nowhere', 'good');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
