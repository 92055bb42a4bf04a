// The review and audit routes in process, with a stand-in for the compliance service: the
// caller's own token is passed on, the answer is relayed as it came, the decision's shape is
// checked at the edge, and another partner state's audit trail is not asked for (404).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createTokenVerifier, DevelopmentIssuer, type Principal } from '@cttech/auth';
import { createGateway, type Gateway } from '../gateway.ts';
import { GatewayError } from '../problem.ts';
import type { ServiceAnswer } from '../services/service-client.ts';
import type { ComplianceMonitoring } from './compliance-monitoring.ts';
import {
  unusedActivities,
  unusedEngagements,
  unusedMessages,
  unusedNotifications,
  unusedWorkflows,
} from '../../test/unused-ports.ts';

const audience = 'cttech-gateway';
const issuerName = 'urn:cttech:unit-test';

interface Forwarded {
  readonly call: string;
  readonly token: string;
  readonly args: readonly unknown[];
}

describe('the review and audit routes, forwarded to the compliance service', () => {
  let issuer: DevelopmentIssuer;
  let gateway: Gateway;
  const forwarded: Forwarded[] = [];
  let answer: ServiceAnswer | GatewayError;

  const reply = async (call: string, token: string, ...args: unknown[]) => {
    forwarded.push({ call, token, args });
    if (answer instanceof GatewayError) throw answer;
    return answer;
  };
  const compliance: ComplianceMonitoring = {
    reviewQueue: (token, filter) => reply('reviewQueue', token, filter),
    review: (token, id) => reply('review', token, id),
    decide: (token, id, decision) => reply('decide', token, id, decision),
    auditTrail: (token, id) => reply('auditTrail', token, id),
    verifyAuditTrail: (token) => reply('verifyAuditTrail', token),
    holds: (token, id) => reply('holds', token, id),
    placeHold: (token, id, hold) => reply('placeHold', token, id, hold),
    liftHold: (token, id, holdId, lifting) => reply('liftHold', token, id, holdId, lifting),
    indicators: (token, format) => reply('indicators', token, format),
  };

  const person = (role: Principal['roles'][number], partnerStates: string[]): Principal => ({
    userId: `${role.toLowerCase()}-1`,
    name: role,
    roles: [role],
    partnerStates,
  });
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    issuer = await DevelopmentIssuer.create({ issuer: issuerName, audience });
    gateway = await createGateway({
      ports: {
        verifyToken: createTokenVerifier({ jwks: issuer.jwks(), issuer: issuerName, audience }),
        engagements: unusedEngagements,
        compliance,
        activities: unusedActivities,
        notifications: unusedNotifications,
        operations: { messages: unusedMessages, workflows: unusedWorkflows },
        dependencies: [],
      },
      bodyLimitBytes: 64 * 1024,
      rateLimitPerMinute: 10_000,
      logger: false,
    });
    tokens.reviewer = await issuer.mint(person('COMPLIANCE_REVIEWER', ['KE']));
    tokens.officer = await issuer.mint(person('PROGRAMME_OFFICER', ['KE']));
    tokens.operator = await issuer.mint(person('OPERATOR', ['*']));
  });

  afterAll(() => gateway.app.close());

  beforeEach(() => {
    forwarded.length = 0;
    answer = { status: 200, contentType: 'application/json; charset=utf-8', body: '[]' };
  });

  const inject = (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) =>
    gateway.app.inject({
      method,
      url,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it("passes the caller's own token on and relays status, content type and body", async () => {
    answer = {
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: '[{"id":"r-1","stage":"KICK_OFF"}]',
    };
    const queue = await inject('GET', '/api/v1/reviews?status=OPEN', tokens.reviewer);
    expect(queue.statusCode).toBe(200);
    expect(queue.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(queue.body).toBe('[{"id":"r-1","stage":"KICK_OFF"}]');
    expect(forwarded).toEqual([
      { call: 'reviewQueue', token: tokens.reviewer, args: [{ status: 'OPEN', mine: undefined }] },
    ]);
    forwarded.length = 0;
    await inject('GET', '/api/v1/reviews?mine=true', tokens.reviewer);
    expect(forwarded).toEqual([
      { call: 'reviewQueue', token: tokens.reviewer, args: [{ status: undefined, mine: true }] },
    ]);
  });

  it("relays the compliance service's refusal unchanged", async () => {
    const problem = JSON.stringify({
      type: 'urn:cttech:problem:four-eyes',
      title: 'Four eyes',
      status: 409,
      detail: 'you submitted this milestone',
      code: 'FOUR_EYES',
    });
    answer = { status: 409, contentType: 'application/problem+json', body: problem };
    const decision = { outcome: 'APPROVED', answers: [], findings: [] };
    const decided = await inject('POST', '/api/v1/reviews/r-1/decision', tokens.reviewer, decision);
    expect(decided.statusCode).toBe(409);
    expect(decided.headers['content-type']).toBe('application/problem+json');
    expect(decided.body).toBe(problem);
    expect(forwarded).toEqual([
      { call: 'decide', token: tokens.reviewer, args: ['r-1', decision] },
    ]);
  });

  it("checks the decision's shape at the edge, naming the fields, and forwards nothing", async () => {
    const refused = await inject('POST', '/api/v1/reviews/r-1/decision', tokens.reviewer, {
      outcome: 'MAYBE',
      answers: [{ criterionId: 'c-1', verdict: 'MET', by: 'someone-else' }],
      findings: [{ text: '' }],
      decidedBy: 'someone-else',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(
      refused
        .json<{ errors: { field: string }[] }>()
        .errors.map(({ field }) => field)
        .sort(),
    ).toEqual(['answers.0.by', 'decidedBy', 'findings.0.text', 'outcome']);
    expect(forwarded).toEqual([]);
  });

  it('lets only compliance reviewers decide', async () => {
    const decision = { outcome: 'APPROVED', answers: [], findings: [] };
    const byOperator = await inject(
      'POST',
      '/api/v1/reviews/r-1/decision',
      tokens.operator,
      decision,
    );
    expect(byOperator.statusCode).toBe(403);
    expect((await inject('GET', '/api/v1/reviews', tokens.officer)).statusCode).toBe(403);
    expect((await inject('GET', '/api/v1/reviews')).statusCode).toBe(401);
    expect(forwarded).toEqual([]);
  });

  it("scopes the audit trail: another partner state's engagement is 404, not forwarded", async () => {
    const other = await inject(
      'GET',
      '/api/v1/engagements/engagement-NG-2026/audit',
      tokens.reviewer,
    );
    expect(other.statusCode).toBe(404);
    expect(forwarded).toEqual([]);

    answer = { status: 200, contentType: 'application/json', body: '{"entries":[]}' };
    const own = await inject(
      'GET',
      '/api/v1/engagements/engagement-KE-2026/audit',
      tokens.reviewer,
    );
    expect(own.statusCode).toBe(200);
    expect(forwarded).toEqual([
      { call: 'auditTrail', token: tokens.reviewer, args: ['engagement-KE-2026'] },
    ]);
  });

  it('forwards holds for engagements of the caller’s states only, checking their shape first', async () => {
    const holdId = '6f1c2a9e-3d4b-4c55-9a61-0d2f8e7b1c34';
    const concern = { concern: 'Detainees held incommunicado by the unit to be trained.' };
    const other = await inject(
      'POST',
      '/api/v1/engagements/engagement-NG-2026/holds',
      tokens.reviewer,
      concern,
    );
    expect(other.statusCode).toBe(404);
    const extra = await inject(
      'POST',
      '/api/v1/engagements/engagement-KE-2026/holds',
      tokens.reviewer,
      {
        ...concern,
        placedBy: 'someone-else',
      },
    );
    expect(extra.statusCode).toBe(400);
    expect(extra.json<{ errors: { field: string }[] }>().errors.map(({ field }) => field)).toEqual([
      'placedBy',
    ]);
    const notAHold = await inject(
      'POST',
      '/api/v1/engagements/engagement-KE-2026/holds/not-a-hold/lift',
      tokens.reviewer,
      { resolution: 'resolved' },
    );
    expect(notAHold.statusCode).toBe(400);
    expect(
      (
        await inject(
          'POST',
          '/api/v1/engagements/engagement-KE-2026/holds',
          tokens.officer,
          concern,
        )
      ).statusCode,
    ).toBe(403);
    expect(forwarded).toEqual([]);

    answer = { status: 201, contentType: 'application/json', body: `{"id":"${holdId}"}` };
    const placed = await inject(
      'POST',
      '/api/v1/engagements/engagement-KE-2026/holds',
      tokens.reviewer,
      concern,
    );
    expect(placed.statusCode).toBe(201);
    const lifted = await inject(
      'POST',
      `/api/v1/engagements/engagement-KE-2026/holds/${holdId}/lift`,
      tokens.reviewer,
      { resolution: 'resolved' },
    );
    expect(lifted.statusCode).toBe(201);
    expect(forwarded).toEqual([
      { call: 'placeHold', token: tokens.reviewer, args: ['engagement-KE-2026', concern] },
      {
        call: 'liftHold',
        token: tokens.reviewer,
        args: ['engagement-KE-2026', holdId, { resolution: 'resolved' }],
      },
    ]);
  });

  it('relays the indicators as JSON, and as a CSV download with its file name', async () => {
    answer = {
      status: 200,
      contentType: 'text/csv; charset=utf-8',
      body: 'indicator,scope,target,actual\n',
      contentDisposition: 'attachment; filename="indicators.csv"',
    };
    const csv = await inject('GET', '/api/v1/indicators.csv', tokens.officer);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="indicators.csv"');
    expect(csv.body).toBe('indicator,scope,target,actual\n');
    expect((await inject('GET', '/api/v1/indicators', tokens.operator)).statusCode).toBe(200);
    expect(forwarded.map(({ call, args }) => ({ call, args }))).toEqual([
      { call: 'indicators', args: ['csv'] },
      { call: 'indicators', args: ['json'] },
    ]);
  });

  it("serves each outcome's monitoring plan to every role, stage by stage, without the compliance service", async () => {
    const plans = await inject('GET', '/api/v1/monitoring-plans', tokens.officer);
    expect(plans.statusCode).toBe(200);
    const body = plans.json<
      {
        outcome: string;
        stages: { stage: string; criteria: { criterionId: string; evidenceRequired: string }[] }[];
      }[]
    >();
    expect(body.map(({ outcome }) => outcome)).toEqual([
      'POLICY_AND_OPERATIONAL_CAPACITY',
      'NEW_TECHNOLOGIES_IN_COUNTER_TERRORISM',
    ]);
    const trainingForTechnologies = body[1]?.stages.find(
      ({ stage }) => stage === 'TAILORED_TRAINING',
    );
    expect(trainingForTechnologies?.criteria.map(({ criterionId }) => criterionId)).toContain(
      'DATA_PROTECTION_ASSESSMENT_E_EVIDENCE',
    );
    expect((await inject('GET', '/api/v1/monitoring-plans')).statusCode).toBe(401);
    expect(forwarded).toEqual([]);
  });

  it('answers 503 naming the compliance service when it cannot be reached', async () => {
    answer = new GatewayError(
      'DEPENDENCY_UNAVAILABLE',
      'the compliance service cannot be reached; try again later',
    );
    const verification = await inject('GET', '/api/v1/audit/verification', tokens.operator);
    expect(verification.statusCode).toBe(503);
    expect(verification.json()).toMatchObject({
      type: 'urn:cttech:problem:dependency-unavailable',
      detail: expect.stringContaining('compliance service'),
    });
  });
});
