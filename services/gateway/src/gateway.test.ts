// The HTTP pipeline in process (Fastify's inject, no socket) with stubbed ports: the parts
// that do not need Temporal. The engagement routes against the real server are in test/.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DevelopmentIssuer, createTokenVerifier } from '@cttech/auth';
import type { InjectOptions } from 'fastify';
import {
  unusedActivities,
  unusedCompliance,
  unusedNotifications,
  unusedEngagements,
  unusedMessages,
  unusedWorkflows,
} from '../test/unused-ports.ts';
import { createGateway, openApiPath, type Gateway } from './gateway.ts';

const audience = 'cttech-gateway';
const issuerName = 'urn:cttech:unit-test';

describe('the gateway over HTTP, with stubbed dependencies', () => {
  let issuer: DevelopmentIssuer;
  let gateway: Gateway;
  let temporalUp = true;

  const inject = (options: InjectOptions) => gateway.app.inject(options);

  beforeAll(async () => {
    issuer = await DevelopmentIssuer.create({ issuer: issuerName, audience });
    gateway = await createGateway({
      ports: {
        verifyToken: createTokenVerifier({ jwks: issuer.jwks(), issuer: issuerName, audience }),
        engagements: unusedEngagements,
        compliance: unusedCompliance,
        activities: unusedActivities,
        notifications: unusedNotifications,
        operations: { messages: unusedMessages, workflows: unusedWorkflows },
        dependencies: [
          {
            name: 'temporal',
            check: async () => {
              if (!temporalUp) throw new Error('connection refused');
            },
          },
        ],
        developmentIssuer: issuer,
      },
      bodyLimitBytes: 1_024,
      rateLimitPerMinute: 20,
      logger: false,
    });
  });

  afterAll(() => gateway.app.close());

  it('serves liveness, and readiness naming a dependency that does not answer (503)', async () => {
    expect((await inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    temporalUp = false;
    const notReady = await inject({ method: 'GET', url: '/health/ready' });
    temporalUp = true;
    expect(notReady.statusCode).toBe(503);
    expect(notReady.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(notReady.json()).toMatchObject({
      status: 503,
      type: 'urn:cttech:problem:dependency-unavailable',
      errors: [{ field: 'temporal', message: 'connection refused' }],
    });
  });

  it('serves the OpenAPI document without a token, describing every API route', async () => {
    const response = await inject({ method: 'GET', url: openApiPath });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/engagements',
        '/api/v1/engagements/{id}',
        '/api/v1/engagements/{id}/submissions/{kind}',
        '/api/v1/engagements/{id}/audit',
        '/api/v1/reviews',
        '/api/v1/reviews/{id}',
        '/api/v1/reviews/{id}/decision',
        '/api/v1/audit/verification',
        '/api/v1/operations/dead-letters',
        '/api/v1/operations/dead-letters/replay',
        '/api/v1/operations/consumer-lag',
        '/api/v1/operations/workflows',
        '/api/v1/engagements/{id}/holds',
        '/api/v1/engagements/{id}/holds/{holdId}/lift',
        '/api/v1/indicators',
        '/api/v1/indicators.csv',
        '/api/v1/monitoring-plans',
        '/api/v1/engagements/{id}/activities',
        '/api/v1/engagements/{id}/activities/{activityId}/close',
        '/api/v1/engagements/{id}/activities/{activityId}/participants',
        '/api/v1/engagements/{id}/activities/{activityId}/sessions/{sessionId}/attendance',
        '/api/v1/notifications',
        '/api/v1/notifications/stream',
        '/api/v1/me/preferences',
        '/api/v1/me/webhooks',
        '/api/v1/operations/notification-deliveries',
      ]),
    );
    const participants = JSON.stringify(
      document.paths['/api/v1/engagements/{id}/activities/{activityId}/participants'],
    );
    expect(participants).toContain('agency');
    const milestone = JSON.stringify(document.paths['/api/v1/engagements/{id}/milestone']);
    expect(milestone).toContain('findingResponses');
  });

  it('sends security headers and a correlation id with every answer', async () => {
    const response = await inject({ method: 'GET', url: '/api/v1/engagements' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.json<{ correlationId: string }>().correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await inject({ method: 'GET', url: '/api/v1/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('mints local tokens for demo users only, and refuses unknown fields', async () => {
    const minted = await inject({
      method: 'POST',
      url: '/dev/tokens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ userId: 'officer-ke-1' }),
    });
    expect(minted.statusCode).toBe(201);
    const unknownUser = await inject({
      method: 'POST',
      url: '/dev/tokens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ userId: 'mallory' }),
    });
    expect(unknownUser.json()).toMatchObject({ status: 400, errors: [{ field: 'userId' }] });
    const extra = await inject({
      method: 'POST',
      url: '/dev/tokens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ userId: 'officer-ke-1', roles: ['PROGRAMME_MANAGER'] }),
    });
    expect(extra.json()).toMatchObject({ status: 400, errors: [{ field: 'roles' }] });
  });

  it('lists the demo users to sign in as, without a token', async () => {
    const listed = await inject({ method: 'GET', url: '/dev/users' });
    expect(listed.statusCode).toBe(200);
    const { users } = listed.json<{
      users: { userId: string; roles: string[]; partnerStates: string[] }[];
    }>();
    expect(users).toContainEqual(
      expect.objectContaining({
        userId: 'officer-ke-1',
        roles: ['PROGRAMME_OFFICER'],
        partnerStates: ['KE'],
      }),
    );
    expect(new Set(users.flatMap((user) => user.roles))).toEqual(
      new Set(['PROGRAMME_OFFICER', 'COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER', 'OPERATOR']),
    );
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await inject({
      method: 'POST',
      url: '/dev/tokens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ userId: 'x'.repeat(2_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ type: 'urn:cttech:problem:payload-too-large' });
  });

  it('limits the rate of requests per client (429)', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < 25; request += 1) {
      statuses.push((await inject({ method: 'GET', url: '/health' })).statusCode);
    }
    expect(statuses).toContain(429);
    const limited = await inject({ method: 'GET', url: '/health' });
    expect(limited.json()).toMatchObject({ status: 429, type: 'urn:cttech:problem:rate-limited' });
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
