// The operators' routes in process, with stand-ins for Kafka and Temporal.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTokenVerifier, DevelopmentIssuer, type Role } from '@cttech/auth';
import { createGateway, type Gateway } from '../gateway.ts';
import { GatewayError } from '../problem.ts';
import type { DeadLetterSummary, MessageOperations, WorkflowOverview } from './operations.ts';
import {
  unusedActivities,
  unusedCompliance,
  unusedEngagements,
  unusedNotifications,
} from '../../test/unused-ports.ts';

const audience = 'cttech-gateway';
const issuerName = 'urn:cttech:unit-test';

const letter: DeadLetterSummary = {
  deadLetterTopic: 'cttech.compliance-events.dead-letter',
  partition: 0,
  offset: '3',
  original: { topic: 'cttech.compliance-events', partition: 1, offset: '42' },
  eventId: 'e-1',
  eventType: 'compliance.milestone-decided',
  reason: 'bad payload',
  consumer: 'engagement-bridge',
  attempts: 5,
  deadLetteredAt: '2026-01-01T00:00:00.000Z',
};

const overview: WorkflowOverview = {
  byExecutionStatus: { RUNNING: 2, FAILED: 1 },
  byStage: {
    KICK_OFF: 1,
    NEEDS_ASSESSMENT: 1,
    TAILORED_TRAINING: 0,
    STRATEGY_ADOPTION: 0,
    COMPLETED: 0,
  },
  failed: [
    {
      engagementId: 'engagement-KE-2026',
      workflowStatus: 'FAILED',
      openedAt: '2026-01-01T00:00:00.000Z',
      closedAt: '2026-01-02T00:00:00.000Z',
      lastError: {
        message: 'Activity task failed',
        type: undefined,
        causes: [{ message: 'Kafka unreachable', type: 'Error' }],
      },
    },
  ],
  stuck: [
    {
      engagementId: 'engagement-NG-2026',
      openedAt: '2026-01-01T00:00:00.000Z',
      failingActivities: [
        {
          activityType: 'publishEngagementEvents',
          activityId: '3',
          attempt: 4,
          maximumAttempts: undefined,
          lastError: { message: 'Kafka unreachable', type: 'Error', causes: [] },
          lastAttemptEndedAt: '2026-01-02T00:00:00.000Z',
          nextAttemptAt: '2026-01-02T00:00:08.000Z',
          scheduledAt: undefined,
          paused: false,
        },
      ],
      failingWorkflowTask: undefined,
    },
  ],
  stuckSearch: { examined: 2, limit: 200, complete: true },
};

describe("the operators' routes", () => {
  let gateway: Gateway;
  const tokens: Partial<Record<Role, string>> = {};
  const asked: string[] = [];

  const messages: MessageOperations = {
    deadLetters: async (topic) => {
      asked.push(`deadLetters ${topic}`);
      return [letter];
    },
    replayDeadLetter: async (topic, { partition, offset }) => {
      asked.push(`replay ${topic} ${partition}/${offset}`);
      if (offset !== '3') {
        throw new GatewayError(
          'NOT_FOUND',
          `no dead letter at partition ${partition} offset ${offset}`,
        );
      }
      return letter;
    },
    consumerLag: async () => [
      { groupId: 'compliance', topics: ['cttech.engagement-events'], lag: 0, partitions: [] },
    ],
  };

  beforeAll(async () => {
    const issuer = await DevelopmentIssuer.create({ issuer: issuerName, audience });
    gateway = await createGateway({
      ports: {
        verifyToken: createTokenVerifier({ jwks: issuer.jwks(), issuer: issuerName, audience }),
        engagements: unusedEngagements,
        compliance: unusedCompliance,
        activities: unusedActivities,
        notifications: unusedNotifications,
        operations: { messages, workflows: { overview: async () => overview } },
        dependencies: [],
      },
      bodyLimitBytes: 64 * 1024,
      rateLimitPerMinute: 10_000,
      logger: false,
    });
    for (const role of ['OPERATOR', 'PROGRAMME_MANAGER', 'PROGRAMME_OFFICER'] as const) {
      tokens[role] = await issuer.mint({
        userId: role.toLowerCase(),
        name: role,
        roles: [role],
        partnerStates: ['*'],
      });
    }
  });

  afterAll(() => gateway.app.close());

  const inject = (method: 'GET' | 'POST', url: string, role: Role, payload?: object) =>
    gateway.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[role] ?? ''}` },
      ...(payload === undefined ? {} : { payload }),
    });

  it("lists a known topic's dead letters", async () => {
    const listed = await inject(
      'GET',
      '/api/v1/operations/dead-letters?topic=cttech.compliance-events',
      'PROGRAMME_MANAGER',
    );
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ deadLetters: [letter] });
  });

  it('refuses an unknown topic with a 400 naming it', async () => {
    const refused = await inject(
      'GET',
      '/api/v1/operations/dead-letters?topic=cttech.secrets',
      'OPERATOR',
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      errors: [{ field: 'topic', message: expect.stringContaining('cttech.secrets') }],
    });
    expect(asked).not.toContain('deadLetters cttech.secrets');
  });

  it('replays a dead letter for operators only; no such letter is a 404 problem', async () => {
    const body = { topic: 'cttech.compliance-events', partition: 0, offset: '3' };
    const replayed = await inject(
      'POST',
      '/api/v1/operations/dead-letters/replay',
      'OPERATOR',
      body,
    );
    expect(replayed.statusCode).toBe(200);
    expect(replayed.json()).toEqual({ replayed: letter });

    const missing = await inject('POST', '/api/v1/operations/dead-letters/replay', 'OPERATOR', {
      ...body,
      offset: '4',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ type: 'urn:cttech:problem:not-found' });

    const byManager = await inject(
      'POST',
      '/api/v1/operations/dead-letters/replay',
      'PROGRAMME_MANAGER',
      body,
    );
    expect(byManager.statusCode).toBe(403);

    const extra = await inject('POST', '/api/v1/operations/dead-letters/replay', 'OPERATOR', {
      ...body,
      force: true,
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ errors: [{ field: 'force' }] });
  });

  it('shows consumer lag and the workflow overview to operators and managers', async () => {
    const lag = await inject('GET', '/api/v1/operations/consumer-lag', 'OPERATOR');
    expect(lag.json()).toMatchObject({ consumerGroups: [{ groupId: 'compliance', lag: 0 }] });
    const workflows = await inject('GET', '/api/v1/operations/workflows', 'PROGRAMME_MANAGER');
    expect(workflows.statusCode).toBe(200);
    expect(workflows.json()).toEqual(overview);
    const byOfficer = await inject('GET', '/api/v1/operations/workflows', 'PROGRAMME_OFFICER');
    expect(byOfficer.statusCode).toBe(403);
  });
});
