// The shared health routes in an application with the global guard and problem filter, its
// readiness probing fakes: liveness and readiness without a token, 200 when every dependency
// answers, a 503 problem naming each one that fails or hangs past the limit.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuthenticationError } from '@cttech/auth';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AuthenticationGuard, TokenVerifier } from './authentication.guard.ts';
import { HealthController } from './health.controller.ts';
import { ProblemDetailsFilter, ServiceName } from './problem-details.filter.ts';
import { Readiness, ServiceReadiness, type DependencyProbe } from './service-readiness.ts';

const answers: DependencyProbe = async () => undefined;
const refused: DependencyProbe = async () => {
  throw new Error('Connection error: connect ECONNREFUSED 127.0.0.1:59092');
};
const hangs: DependencyProbe = () => new Promise(() => {});

describe('the health routes', () => {
  let app: NestFastifyApplication;
  // what each fake dependency does when probed; each test sets them
  let postgres = answers;
  let kafka = answers;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [HealthController],
      providers: [
        {
          provide: Readiness,
          useValue: new ServiceReadiness({
            probes: { postgres: () => postgres(), kafka: () => kafka() },
            limitMs: 50,
          }),
        },
        // no token verifies: the health routes must not ask for one
        {
          provide: TokenVerifier,
          useValue: async () => {
            throw new AuthenticationError('no token verifies here');
          },
        },
        { provide: ServiceName, useValue: 'sample' },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
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

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('answers liveness at /health and /health/live, whatever the dependencies', async () => {
    postgres = hangs;
    kafka = refused;
    for (const url of ['/health', '/health/live']) {
      const live = await get(url);
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'live' });
    }
  });

  it('answers 200 ready, naming each dependency up, when every probe answers', async () => {
    postgres = answers;
    kafka = answers;
    const ready = await get('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      dependencies: { postgres: 'up', kafka: 'up' },
    });
  });

  it('answers a 503 problem naming the dependency that fails and the one that hangs', async () => {
    postgres = hangs;
    kafka = refused;
    const down = await get('/health/ready');
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.json()).toEqual({
      type: 'urn:cttech:problem:dependency-unavailable',
      title: 'A dependency is unavailable',
      status: 503,
      detail:
        'not ready: postgres is down: no answer within 50 ms; ' +
        'kafka is down: Connection error: connect ECONNREFUSED 127.0.0.1:59092',
      code: 'DEPENDENCY_UNAVAILABLE',
      instance: '/health/ready',
      correlationId: expect.any(String),
      errors: [
        { field: 'postgres', message: 'down: no answer within 50 ms' },
        {
          field: 'kafka',
          message: 'down: Connection error: connect ECONNREFUSED 127.0.0.1:59092',
        },
      ],
    });
  });
});
