// The gateway against the real Temporal dev server, with a real engagement worker on the
// suite's task queue. Workflow ids are production ids on a shared, persistent server: each run
// uses random partner states and cycles, and terminates its engagements afterwards.
import { randomInt } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createTokenVerifier,
  demoUsers,
  DevelopmentIssuer,
  roles,
  type Principal,
  type Role,
} from '@cttech/auth';
import { kickOffReport } from '@cttech/domain/samples';
import type { EngagementStatus } from '@cttech/engagement-workflow';
import { openTestSuite, quietTemporalRuntime, waitFor, type TestSuite } from '@cttech/testing';
import type { Client } from '@temporalio/client';
import { createEngagementClient } from '@cttech/engagement-workflow/client';
import type { ComplianceMonitoring } from '../src/compliance/compliance-monitoring.ts';
import { HttpComplianceMonitoring } from '../src/compliance/http-compliance-monitoring.ts';
import { TemporalEngagementWorkflows } from '../src/engagements/temporal-engagement-workflows.ts';
import { createGateway, type Gateway } from '../src/gateway.ts';
import { KafkajsBroker } from '@cttech/messaging';
import { kafkaCheck, serviceCheck, temporalCheck } from '../src/health/dependency-checks.ts';
import { ServiceClient } from '../src/services/service-client.ts';
import type { MessageOperations, WorkflowOverview } from '../src/operations/operations.ts';
import { TemporalWorkflowOperations } from '../src/operations/temporal-workflow-operations.ts';
import { GatewayError } from '../src/problem.ts';
import {
  startEngagementWorker,
  type EngagementWorkerProcess,
} from './engagement-worker-process.ts';

const issuerName = 'urn:cttech:gateway-test';
const audience = 'cttech-gateway';

/**
 * Two distinct random ISO-like codes, avoiding the demo users' states (the running system's
 * engagements, the demo programme's among them, share this Temporal namespace).
 */
function randomPartnerStates(): [string, string] {
  const code = () => String.fromCharCode(65 + randomInt(26), 65 + randomInt(26));
  const taken = new Set(demoUsers.flatMap(({ partnerStates }) => partnerStates));
  const first = codeNotIn(code, taken);
  taken.add(first);
  return [first, codeNotIn(code, taken)];
}
function codeNotIn(code: () => string, taken: Set<string>): string {
  for (;;) {
    const candidate = code();
    if (!taken.has(candidate)) return candidate;
  }
}

interface Answer<Body = unknown> {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Body;
  /** Absent for event streams. */
  readonly headers?: Headers;
}

/** A request the stand-in compliance service received. */
interface Forwarded {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly authorization: string | undefined;
  readonly body: string;
}

/**
 * A loopback HTTP server standing in for a service behind the gateway: it records what the gateway
 * forwards and answers with whatever the test sets (by default 200 and a small JSON body).
 */
async function startServiceStandIn(): Promise<{
  server: Server;
  url: string;
  forwarded: Forwarded[];
  answer: { status: number; contentType: string; body: string };
  /** Server-sent event streams still open to the gateway. */
  streams: { open: number };
}> {
  const forwarded: Forwarded[] = [];
  const answer = { status: 200, contentType: 'application/json', body: '{"forwarded":true}' };
  const streams = { open: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: IncomingHttpHeaders = request.headers;
      forwarded.push({
        method: request.method,
        url: request.url,
        authorization: headers.authorization,
        body: Buffer.concat(chunks).toString(),
      });
      if (request.url?.endsWith('/stream')) {
        // a stream of server-sent events that lasts until the gateway lets go of it
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(`data: ${answer.body}\n\n`);
        streams.open += 1;
        response.once('close', () => {
          streams.open -= 1;
        });
        return;
      }
      response.writeHead(answer.status, { 'content-type': answer.contentType });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, forwarded, answer, streams };
}

/** A loopback address where nothing listens. */
async function closedAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly { field: string; message: string }[];
  readonly code?: string;
}

describe('the gateway with the real Temporal server and engagement worker', () => {
  const [stateA, stateB] = randomPartnerStates();
  const cycle = 2000 + randomInt(101);
  const matrixCycle = cycle === 2100 ? 2000 : cycle + 1;
  const engagementA = `engagement-${stateA}-${cycle}`;
  const engagementB = `engagement-${stateB}-${cycle}`;
  const matrixEngagement = `engagement-${stateA}-${matrixCycle}`;

  let suite: TestSuite;
  let worker: EngagementWorkerProcess;
  let client: Client;
  let issuer: DevelopmentIssuer;
  /** Same issuer name, another audience; its keys are trusted too, so only the audience is wrong. */
  let otherAudience: DevelopmentIssuer;
  /** Keys the gateway does not trust. */
  let stranger: DevelopmentIssuer;
  let gateway: Gateway;
  let baseUrl: string;
  let complianceStandIn: Awaited<ReturnType<typeof startServiceStandIn>>;
  let activitiesStandIn: Awaited<ReturnType<typeof startServiceStandIn>>;
  let notificationsStandIn: Awaited<ReturnType<typeof startServiceStandIn>>;
  /** Where the gateway's compliance port points; a test may swap it for an unreachable one. */
  let complianceClient: ComplianceMonitoring;
  let broker: KafkajsBroker;
  const compliance: ComplianceMonitoring = {
    reviewQueue: (...args) => complianceClient.reviewQueue(...args),
    review: (...args) => complianceClient.review(...args),
    decide: (...args) => complianceClient.decide(...args),
    auditTrail: (...args) => complianceClient.auditTrail(...args),
    verifyAuditTrail: (...args) => complianceClient.verifyAuditTrail(...args),
    holds: (...args) => complianceClient.holds(...args),
    placeHold: (...args) => complianceClient.placeHold(...args),
    liftHold: (...args) => complianceClient.liftHold(...args),
    indicators: (...args) => complianceClient.indicators(...args),
  };
  /** Kafka's part stands in here (the broker adapter is unit-tested over a stand-in broker). */
  const messages: MessageOperations = {
    deadLetters: async () => [],
    replayDeadLetter: async (topic, { partition, offset }) => {
      throw new GatewayError('NOT_FOUND', `no dead letter at ${topic} ${partition}/${offset}`);
    },
    consumerLag: async () => [],
  };

  const people: Record<string, Principal> = {};
  const tokens: Record<string, string> = {};

  async function call<Body = unknown>(
    method: string,
    path: string,
    {
      token,
      body,
      raw,
      prefer,
    }: { token?: string | undefined; body?: unknown; raw?: string; prefer?: string } = {},
  ): Promise<Answer<Body>> {
    const headers: Record<string, string> = {};
    if (prefer !== undefined) headers.prefer = prefer;
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const leaving = new AbortController();
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: payload,
      signal: leaving.signal,
    });
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      // a stream does not end by itself: the status is all a caller here needs
      leaving.abort();
      return { status: response.status, contentType: 'text/event-stream', body: undefined as Body };
    }
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (text ? JSON.parse(text) : undefined) as Body,
      headers: response.headers,
    };
  }

  const as = (who: string) => tokens[who];

  beforeAll(async () => {
    quietTemporalRuntime();
    suite = openTestSuite('gateway');
    worker = await startEngagementWorker(suite);
    client = createEngagementClient({
      connection: await suite.temporalConnection(),
      namespace: suite.infrastructure.temporalNamespace,
    });
    issuer = await DevelopmentIssuer.create({ issuer: issuerName, audience });
    otherAudience = await DevelopmentIssuer.create({ issuer: issuerName, audience: 'another-api' });
    stranger = await DevelopmentIssuer.create({ issuer: issuerName, audience });
    complianceStandIn = await startServiceStandIn();
    activitiesStandIn = await startServiceStandIn();
    notificationsStandIn = await startServiceStandIn();
    broker = new KafkajsBroker({ brokers: suite.infrastructure.kafkaBrokers, clientId: suite.id });
    complianceClient = new HttpComplianceMonitoring(
      new ServiceClient({ service: 'compliance', baseUrl: complianceStandIn.url }),
    );
    gateway = await createGateway({
      ports: {
        verifyToken: createTokenVerifier({
          jwks: { keys: [...issuer.jwks().keys, ...otherAudience.jwks().keys] },
          issuer: issuerName,
          audience,
        }),
        engagements: new TemporalEngagementWorkflows(client, worker.taskQueue),
        compliance,
        activities: new ServiceClient({ service: 'activities', baseUrl: activitiesStandIn.url }),
        notifications: new ServiceClient({
          service: 'notifications',
          baseUrl: notificationsStandIn.url,
        }),
        operations: {
          messages,
          workflows: new TemporalWorkflowOperations(client, worker.taskQueue),
        },
        dependencies: [
          temporalCheck(client),
          kafkaCheck(broker),
          serviceCheck(
            new ServiceClient({ service: 'compliance', baseUrl: complianceStandIn.url }),
          ),
        ],
      },
      bodyLimitBytes: 256 * 1024,
      rateLimitPerMinute: 100_000,
      logger: ['error'],
    });
    await gateway.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = gateway.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;

    const person = (userId: string, role: Role, partnerStates: string[]): Principal => ({
      userId: `${userId}-${suite.id}`,
      name: userId,
      roles: [role],
      partnerStates,
    });
    people.officerA = person('officer-a', 'PROGRAMME_OFFICER', [stateA]);
    people.officerB = person('officer-b', 'PROGRAMME_OFFICER', [stateB]);
    people.reviewer = person('reviewer', 'COMPLIANCE_REVIEWER', [stateA, stateB]);
    people.reviewerA = person('reviewer-a', 'COMPLIANCE_REVIEWER', [stateA]);
    people.manager = person('manager', 'PROGRAMME_MANAGER', ['*']);
    people.operator = person('operator', 'OPERATOR', ['*']);
    for (const [who, principal] of Object.entries(people)) {
      tokens[who] = await issuer.mint(principal);
    }
  });

  afterAll(async () => {
    for (const engagementId of [engagementA, engagementB, matrixEngagement]) {
      await client?.workflow
        .getHandle(engagementId)
        .terminate('gateway test done')
        .catch(() => undefined);
    }
    await gateway?.app.close();
    for (const standIn of [complianceStandIn, activitiesStandIn, notificationsStandIn]) {
      await new Promise((resolve) => standIn?.server.close(resolve));
    }
    await broker?.disconnect();
    await worker?.stop();
    await suite?.close();
  });

  it('lets an officer open an engagement, record the kick-off report and submit it', async () => {
    const opened = await call<EngagementStatus>('POST', '/api/v1/engagements', {
      token: as('officerA'),
      body: { partnerState: stateA, cycle },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      engagementId: engagementA,
      stage: 'KICK_OFF',
      state: 'ACTIVE',
    });

    // idempotent: the same request finds the same engagement
    const again = await call<EngagementStatus>('POST', '/api/v1/engagements', {
      token: as('officerA'),
      body: { partnerState: stateA, cycle },
    });
    expect(again.status).toBe(201);
    expect(again.body.history).toHaveLength(1);
    expect(again.headers?.get('location')).toBe(`/api/v1/engagements/${engagementA}`);

    // asked for the minimal answer: which engagement, without waiting for its workflow
    const minimal = await call('POST', '/api/v1/engagements', {
      token: as('officerA'),
      body: { partnerState: stateA, cycle },
      prefer: 'return=minimal',
    });
    expect(minimal.status).toBe(201);
    expect(minimal.body).toEqual({ engagementId: engagementA, partnerState: stateA, cycle });
    expect(minimal.headers?.get('preference-applied')).toBe('return=minimal');
    expect(minimal.headers?.get('location')).toBe(`/api/v1/engagements/${engagementA}`);

    const recorded = await call<EngagementStatus>(
      'PUT',
      `/api/v1/engagements/${engagementA}/submissions/KICK_OFF_REPORT`,
      { token: as('officerA'), body: kickOffReport },
    );
    expect(recorded.status).toBe(200);
    expect(recorded.body.record.kickOffReport).toEqual(kickOffReport);

    const submitted = await call<EngagementStatus>(
      'POST',
      `/api/v1/engagements/${engagementA}/milestone`,
      { token: as('officerA') },
    );
    expect(submitted.status).toBe(200);

    const status = await call<EngagementStatus>('GET', `/api/v1/engagements/${engagementA}`, {
      token: as('officerA'),
    });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      stage: 'KICK_OFF',
      state: 'AWAITING_REVIEW',
      pendingReview: { stage: 'KICK_OFF', submittedBy: people.officerA?.userId },
    });
    // who acted is the authenticated caller, never something the body says
    expect(status.body.history.map((transition) => transition.by)).toEqual([
      people.officerA?.userId,
      people.officerA?.userId,
      people.officerA?.userId,
    ]);

    const history = await call<{ history: unknown[] }>(
      'GET',
      `/api/v1/engagements/${engagementA}/history`,
      { token: as('reviewer') },
    );
    expect(history.body.history).toHaveLength(3);

    // the list comes from Temporal's visibility, which follows a moment later
    const awaiting = await waitFor(
      async () => {
        const list = await call<{ engagements: { engagementId: string; stage: string }[] }>(
          'GET',
          `/api/v1/engagements?awaitingReview=true&cycle=${cycle}`,
          { token: as('officerA') },
        );
        return list.body.engagements.length > 0 ? list.body.engagements : undefined;
      },
      { what: `${engagementA} listed as awaiting review` },
    );
    expect(awaiting).toEqual([
      expect.objectContaining({
        engagementId: engagementA,
        partnerState: stateA,
        cycle,
        stage: 'KICK_OFF',
        state: 'AWAITING_REVIEW',
        awaitingReview: true,
      }),
    ]);
  });

  it("passes the workflow's refusal on as a problem: submitting twice is a 409", async () => {
    const twice = await call<ProblemBody>('POST', `/api/v1/engagements/${engagementA}/milestone`, {
      token: as('officerA'),
    });
    expect(twice.status).toBe(409);
    expect(twice.contentType).toMatch(/^application\/problem\+json/);
    expect(twice.body).toMatchObject({ code: 'ACTION_NOT_ALLOWED', status: 409 });
  });

  it("hides another partner state's engagement from an officer (404, not 403)", async () => {
    const opened = await call('POST', '/api/v1/engagements', {
      token: as('manager'),
      body: { partnerState: stateB, cycle },
    });
    expect(opened.status).toBe(201);

    for (const [method, path, body] of [
      ['GET', `/api/v1/engagements/${engagementB}`, undefined],
      ['GET', `/api/v1/engagements/${engagementB}/history`, undefined],
      ['PUT', `/api/v1/engagements/${engagementB}/submissions/KICK_OFF_REPORT`, kickOffReport],
      ['POST', `/api/v1/engagements/${engagementB}/milestone`, undefined],
    ] as const) {
      const answer = await call<ProblemBody>(method, path, { token: as('officerA'), body });
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 404 });
    }
    const seenByB = await call('GET', `/api/v1/engagements/${engagementB}`, {
      token: as('officerB'),
    });
    expect(seenByB.status).toBe(200);

    // nor is it listed for them, even when asked for by partner state
    const list = await call<{ engagements: unknown[] }>(
      'GET',
      `/api/v1/engagements?partnerState=${stateB}`,
      { token: as('officerA') },
    );
    expect(list.body.engagements).toEqual([]);

    const forbiddenOpen = await call<ProblemBody>('POST', '/api/v1/engagements', {
      token: as('officerA'),
      body: { partnerState: stateB, cycle: matrixCycle },
    });
    expect(forbiddenOpen.status).toBe(403);
  });

  it('refuses missing and forged tokens with 401', async () => {
    const path = `/api/v1/engagements/${engagementA}`;
    const officer = people.officerA as Principal;
    const valid = await issuer.mint(officer);
    const [header = '', payload = '', signature = ''] = valid.split('.');
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
    const flipped = `${signature.at(0) === 'A' ? 'B' : 'A'}${signature.slice(1)}`;

    const forged: Record<string, string | undefined> = {
      missing: undefined,
      'not a JWT': 'not-a-token',
      'wrong signature': `${header}.${payload}.${flipped}`,
      'elevated claims with the original signature': `${header}.${encode({ ...claims, roles: ['PROGRAMME_MANAGER'], partner_states: ['*'] })}.${signature}`,
      'alg none': `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'unknown key': await stranger.mint(officer),
      expired: await issuer.mint(officer, { expiresInSeconds: -60 }),
      'wrong audience': await otherAudience.mint(officer),
    };
    for (const [what, token] of Object.entries(forged)) {
      const answer = await call<ProblemBody>('GET', path, { token });
      expect({ what, status: answer.status, type: answer.body.type }).toEqual({
        what,
        status: 401,
        type: 'urn:cttech:problem:unauthenticated',
      });
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
    }
    expect((await call('GET', path, { token: valid })).status).toBe(200);
  });

  it('refuses a role the route is not for with 403', async () => {
    const byReviewer = await call<ProblemBody>(
      'PUT',
      `/api/v1/engagements/${engagementA}/submissions/KICK_OFF_REPORT`,
      { token: as('reviewer'), body: kickOffReport },
    );
    expect(byReviewer.status).toBe(403);
    const suspendByOfficer = await call<ProblemBody>(
      'POST',
      `/api/v1/engagements/${engagementA}/suspend`,
      { token: as('officerA'), body: { reason: 'no' } },
    );
    expect(suspendByOfficer.status).toBe(403);
    expect(suspendByOfficer.body.type).toBe('urn:cttech:problem:forbidden');
  });

  it('refuses malformed, mass-assigning and oversized bodies, naming the field, and changes nothing', async () => {
    const before = await call<EngagementStatus>('GET', `/api/v1/engagements/${engagementB}`, {
      token: as('officerB'),
    });
    const record = `/api/v1/engagements/${engagementB}/submissions/KICK_OFF_REPORT`;
    const token = as('officerB');

    const malformed = await call<ProblemBody>('PUT', record, { token, raw: '{"stakeholders": [' });
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toMatch(/^application\/problem\+json/);

    const massAssigned = await call<ProblemBody>('PUT', record, {
      token,
      body: { ...kickOffReport, by: people.manager?.userId },
    });
    expect(massAssigned.status).toBe(400);
    expect(massAssigned.body.errors).toEqual([
      { field: 'by', message: 'is not an expected field' },
    ]);

    const wrongField = await call<ProblemBody>('PUT', record, {
      token,
      body: { ...kickOffReport, assistancePlan: { ...kickOffReport.assistancePlan, periodEnd: 3 } },
    });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.errors?.map((error) => error.field)).toContain(
      'assistancePlan.periodEnd',
    );

    const openedBy = await call<ProblemBody>('POST', '/api/v1/engagements', {
      token,
      body: { partnerState: stateB, cycle, openedBy: 'someone-else' },
    });
    expect(openedBy.status).toBe(400);
    expect(openedBy.body.errors).toEqual([
      { field: 'openedBy', message: 'is not an expected field' },
    ]);

    const suspendAs = await call<ProblemBody>(
      'POST',
      `/api/v1/engagements/${engagementB}/suspend`,
      {
        token: as('manager'),
        body: { reason: 'review', by: 'someone-else' },
      },
    );
    expect(suspendAs.status).toBe(400);
    expect(suspendAs.body.errors).toEqual([{ field: 'by', message: 'is not an expected field' }]);

    const badQuery = await call<ProblemBody>('GET', '/api/v1/engagements?stage=LUNCH&colour=red', {
      token,
    });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors?.map((error) => error.field).sort()).toEqual(['colour', 'stage']);

    const oversized = await call<ProblemBody>('PUT', record, {
      token,
      body: { ...kickOffReport, needsIdentified: ['x'.repeat(300 * 1024)] },
    });
    expect(oversized.status).toBe(413);
    expect(oversized.body.type).toBe('urn:cttech:problem:payload-too-large');

    const after = await call<EngagementStatus>('GET', `/api/v1/engagements/${engagementB}`, {
      token: as('officerB'),
    });
    expect(after.body.history).toEqual(before.body.history);
    expect(after.body.record).toEqual(before.body.record);
  });

  it('is ready when Temporal, Kafka and the compliance service answer, and names the one that does not', async () => {
    const ready = await call<{ status: string }>('GET', '/health/ready');
    expect(ready).toMatchObject({
      status: 200,
      body: {
        status: 'ready',
        dependencies: { temporal: 'up', kafka: 'up', compliance: 'up' },
      },
    });

    Object.assign(complianceStandIn.answer, {
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ status: 503, detail: 'not ready: postgres is down: timeout' }),
    });
    try {
      const notReady = await call<ProblemBody>('GET', '/health/ready');
      expect(notReady.status).toBe(503);
      expect(notReady.body.detail).toBe(
        'not ready: compliance (answered 503: not ready: postgres is down: timeout)',
      );
      expect(notReady.body.errors?.map(({ field }) => field)).toEqual(['compliance']);
    } finally {
      Object.assign(complianceStandIn.answer, {
        status: 200,
        contentType: 'application/json',
        body: '{"forwarded":true}',
      });
    }
  });

  describe('reviews and the audit trail, forwarded to the compliance service', () => {
    it("passes the caller's own token on and relays the status and body as they came", async () => {
      complianceStandIn.forwarded.length = 0;
      Object.assign(complianceStandIn.answer, {
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: '[{"id":"review-1","stage":"KICK_OFF"}]',
      });
      const queue = await fetch(`${baseUrl}/api/v1/reviews?status=OPEN`, {
        headers: { authorization: `Bearer ${as('reviewer')}` },
      });
      expect(queue.status).toBe(200);
      expect(queue.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await queue.text()).toBe('[{"id":"review-1","stage":"KICK_OFF"}]');
      expect(complianceStandIn.forwarded).toEqual([
        {
          method: 'GET',
          url: '/reviews?status=OPEN',
          authorization: `Bearer ${as('reviewer')}`,
          body: '',
        },
      ]);

      const refusal = JSON.stringify({
        type: 'urn:cttech:problem:four-eyes',
        title: 'The review refused the decision',
        status: 409,
        detail: 'you submitted this milestone yourself',
        code: 'FOUR_EYES',
        correlationId: 'from-compliance',
      });
      Object.assign(complianceStandIn.answer, {
        status: 409,
        contentType: 'application/problem+json',
        body: refusal,
      });
      const decision = {
        outcome: 'CHANGES_REQUESTED',
        answers: [{ criterionId: 'kick-off.stakeholders', verdict: 'NOT_MET', comment: 'who?' }],
        findings: [{ text: 'name the stakeholders' }],
      };
      const decided = await fetch(`${baseUrl}/api/v1/reviews/review-1/decision`, {
        method: 'POST',
        headers: { authorization: `Bearer ${as('reviewer')}`, 'content-type': 'application/json' },
        body: JSON.stringify(decision),
      });
      expect(decided.status).toBe(409);
      expect(decided.headers.get('content-type')).toBe('application/problem+json');
      expect(await decided.text()).toBe(refusal);
      expect(complianceStandIn.forwarded[1]).toEqual({
        method: 'POST',
        url: '/reviews/review-1/decision',
        authorization: `Bearer ${as('reviewer')}`,
        body: JSON.stringify(decision),
      });
    });

    it("refuses a malformed decision at the edge, and another state's audit trail is 404", async () => {
      complianceStandIn.forwarded.length = 0;
      Object.assign(complianceStandIn.answer, {
        status: 200,
        contentType: 'application/json',
        body: '{"entries":[]}',
      });
      const malformed = await call<ProblemBody>('POST', '/api/v1/reviews/review-1/decision', {
        token: as('reviewer'),
        body: { outcome: 'APPROVED', answers: [], findings: [], decidedBy: 'someone-else' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([
        { field: 'decidedBy', message: 'is not an expected field' },
      ]);

      const other = await call<ProblemBody>('GET', `/api/v1/engagements/${engagementB}/audit`, {
        token: as('reviewerA'),
      });
      expect(other.status).toBe(404);
      expect(complianceStandIn.forwarded).toEqual([]);

      const own = await call('GET', `/api/v1/engagements/${engagementA}/audit`, {
        token: as('reviewerA'),
      });
      expect(own).toMatchObject({ status: 200, body: { entries: [] } });
      expect(complianceStandIn.forwarded.map(({ url }) => url)).toEqual([
        `/engagements/${engagementA}/audit`,
      ]);
    });

    it('answers 503 naming the compliance service when it cannot be reached', async () => {
      const standIn = complianceClient;
      complianceClient = new HttpComplianceMonitoring(
        new ServiceClient({ service: 'compliance', baseUrl: await closedAddress() }),
      );
      try {
        const answer = await call<ProblemBody>('GET', '/api/v1/audit/verification', {
          token: as('operator'),
        });
        expect(answer.status).toBe(503);
        expect(answer.contentType).toMatch(/^application\/problem\+json/);
        expect(answer.body).toMatchObject({
          type: 'urn:cttech:problem:dependency-unavailable',
          detail: expect.stringContaining('compliance service'),
        });
      } finally {
        complianceClient = standIn;
      }
    });
  });

  describe('activities, forwarded to the activities service', () => {
    const activityId = 'activity-0b6f4b8e-5f1d-4a7e-9c3a-2d1e0f9a8b7c';

    it("passes the path, the caller's token and the participant on, and relays the answer", async () => {
      activitiesStandIn.forwarded.length = 0;
      Object.assign(activitiesStandIn.answer, {
        status: 201,
        contentType: 'application/json; charset=utf-8',
        body: '{"id":"participant-1","sex":"WOMAN"}',
      });
      const participant = {
        sex: 'WOMAN',
        agency: 'CT police unit',
        role: 'analyst',
        name: 'A. N.',
      };
      const registered = await call(
        'POST',
        `/api/v1/engagements/${engagementA}/activities/${activityId}/participants`,
        {
          token: as('officerA'),
          body: participant,
        },
      );
      expect(registered.status).toBe(201);
      expect(registered.body).toEqual({ id: 'participant-1', sex: 'WOMAN' });
      expect(activitiesStandIn.forwarded).toEqual([
        {
          method: 'POST',
          url: `/engagements/${engagementA}/activities/${activityId}/participants`,
          authorization: `Bearer ${as('officerA')}`,
          body: JSON.stringify(participant),
        },
      ]);
    });

    it("refuses another state's activities (404) and a malformed participant (400) without forwarding", async () => {
      activitiesStandIn.forwarded.length = 0;
      const elsewhere = await call('GET', `/api/v1/engagements/${engagementB}/activities`, {
        token: as('officerA'),
      });
      expect(elsewhere.status).toBe(404);
      const malformed = await call<ProblemBody>(
        'POST',
        `/api/v1/engagements/${engagementA}/activities/${activityId}/participants`,
        { token: as('officerA'), body: { sex: 'W', agency: 'CT police unit', role: 'analyst' } },
      );
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors?.map(({ field }) => field)).toEqual(['sex']);
      expect(activitiesStandIn.forwarded).toEqual([]);
    });
  });

  describe('notifications, forwarded to the notifications service', () => {
    it('relays the live stream while the caller stays, and lets go of it when they leave', async () => {
      notificationsStandIn.forwarded.length = 0;
      notificationsStandIn.answer.body = '{"id":"n-1","title":"A milestone awaits your review"}';
      const leaving = new AbortController();
      const stream = await fetch(`${baseUrl}/api/v1/notifications/stream`, {
        headers: { authorization: `Bearer ${as('reviewer')}` },
        signal: leaving.signal,
      });
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
      const { value } = await reader.read();
      expect(new TextDecoder().decode(value)).toBe(
        'data: {"id":"n-1","title":"A milestone awaits your review"}\n\n',
      );
      expect(notificationsStandIn.forwarded).toEqual([
        expect.objectContaining({
          method: 'GET',
          url: '/notifications/stream',
          authorization: `Bearer ${as('reviewer')}`,
        }),
      ]);
      expect(notificationsStandIn.streams.open).toBe(1);
      leaving.abort();
      await waitFor(() => notificationsStandIn.streams.open === 0, {
        what: "the notifications service's stream closed after the caller left",
      });
    });

    it('passes the query on as the caller gave it', async () => {
      notificationsStandIn.forwarded.length = 0;
      notificationsStandIn.answer.body = '[]';
      const unread = await call('GET', '/api/v1/notifications?unread=true&limit=20', {
        token: as('officerA'),
      });
      expect(unread.status).toBe(200);
      expect(notificationsStandIn.forwarded.map(({ url }) => url)).toEqual([
        '/notifications?unread=true&limit=20',
      ]);

      notificationsStandIn.forwarded.length = 0;
      const escalations = await call(
        'GET',
        '/api/v1/notifications?type=engagement.review-escalated&limit=100',
        { token: as('manager') },
      );
      expect(escalations.status).toBe(200);
      expect(notificationsStandIn.forwarded.map(({ url }) => url)).toEqual([
        '/notifications?limit=100&type=engagement.review-escalated',
      ]);
    });

    it('refuses a type that is not an event type’s form, naming it, without forwarding', async () => {
      notificationsStandIn.forwarded.length = 0;
      const malformed = await call<ProblemBody>('GET', '/api/v1/notifications?type=DROP%20TABLE', {
        token: as('manager'),
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors?.map(({ field }) => field)).toEqual(['type']);
      expect(notificationsStandIn.forwarded).toEqual([]);
    });
  });

  describe('operations', () => {
    it("counts the engagement workflows from Temporal's visibility", async () => {
      const overview = await waitFor(
        async () => {
          const answer = await call<WorkflowOverview>('GET', '/api/v1/operations/workflows', {
            token: as('operator'),
          });
          expect(answer.status).toBe(200);
          return (answer.body.byExecutionStatus.RUNNING ?? 0) >= 2 ? answer.body : undefined;
        },
        { what: 'the running engagements counted' },
      );
      expect(overview.byStage.KICK_OFF).toBeGreaterThanOrEqual(2);
      expect(Object.keys(overview.byExecutionStatus)).toEqual(
        expect.arrayContaining(['RUNNING', 'COMPLETED', 'FAILED', 'TERMINATED', 'TIMED_OUT']),
      );
    });

    it('refuses an unknown topic, naming it', async () => {
      const answer = await call<ProblemBody>(
        'GET',
        '/api/v1/operations/dead-letters?topic=cttech.everything',
        { token: as('operator') },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]).toMatchObject({
        field: 'topic',
        message: expect.stringContaining('cttech.everything'),
      });
    });
  });

  describe('the authorization matrix', () => {
    const writersAndReaders: readonly Role[] = [
      'PROGRAMME_OFFICER',
      'COMPLIANCE_REVIEWER',
      'PROGRAMME_MANAGER',
    ];
    const officerAndManager: readonly Role[] = ['PROGRAMME_OFFICER', 'PROGRAMME_MANAGER'];
    /** Who may use each route; `public` routes need no token. Every registered route must be here. */
    const allowed: Record<string, readonly Role[] | 'public'> = {
      'GET /health': 'public',
      'GET /health/ready': 'public',
      'GET /api/v1/openapi.json': 'public',
      'POST /api/v1/engagements': ['PROGRAMME_OFFICER', 'PROGRAMME_MANAGER'],
      'GET /api/v1/engagements': roles,
      'GET /api/v1/engagements/:id': roles,
      'GET /api/v1/engagements/:id/history': roles,
      'PUT /api/v1/engagements/:id/submissions/:kind': ['PROGRAMME_OFFICER'],
      'POST /api/v1/engagements/:id/milestone': ['PROGRAMME_OFFICER'],
      'POST /api/v1/engagements/:id/suspend': ['PROGRAMME_MANAGER'],
      'POST /api/v1/engagements/:id/resume': ['PROGRAMME_MANAGER'],
      'POST /api/v1/engagements/:id/cancel': ['PROGRAMME_MANAGER'],
      'GET /api/v1/engagements/:id/audit': ['COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER', 'OPERATOR'],
      'GET /api/v1/reviews': ['COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER', 'OPERATOR'],
      'GET /api/v1/reviews/:id': ['COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER', 'OPERATOR'],
      'POST /api/v1/reviews/:id/decision': ['COMPLIANCE_REVIEWER'],
      'GET /api/v1/audit/verification': ['OPERATOR', 'PROGRAMME_MANAGER'],
      'GET /api/v1/engagements/:id/holds': roles,
      'POST /api/v1/engagements/:id/holds': ['COMPLIANCE_REVIEWER'],
      'POST /api/v1/engagements/:id/holds/:holdId/lift': ['COMPLIANCE_REVIEWER'],
      'GET /api/v1/engagements/:id/activities': writersAndReaders,
      'GET /api/v1/engagements/:id/activities/:activityId': writersAndReaders,
      'PATCH /api/v1/engagements/:id/activities/:activityId': ['PROGRAMME_OFFICER'],
      'POST /api/v1/engagements/:id/activities/:activityId/close': ['PROGRAMME_OFFICER'],
      'GET /api/v1/engagements/:id/activities/:activityId/participants': officerAndManager,
      'POST /api/v1/engagements/:id/activities/:activityId/participants': ['PROGRAMME_OFFICER'],
      'GET /api/v1/engagements/:id/activities/:activityId/participants/:participantId':
        officerAndManager,
      'DELETE /api/v1/engagements/:id/activities/:activityId/participants/:participantId/personal-data':
        ['PROGRAMME_OFFICER'],
      'POST /api/v1/engagements/:id/activities/:activityId/sessions': ['PROGRAMME_OFFICER'],
      'GET /api/v1/engagements/:id/activities/:activityId/sessions/:sessionId/attendance':
        officerAndManager,
      'PUT /api/v1/engagements/:id/activities/:activityId/sessions/:sessionId/attendance': [
        'PROGRAMME_OFFICER',
      ],
      'GET /api/v1/notifications': roles,
      'GET /api/v1/notifications/stream': roles,
      'POST /api/v1/notifications/read-all': roles,
      'POST /api/v1/notifications/:notificationId/read': roles,
      'GET /api/v1/me/preferences': roles,
      'PUT /api/v1/me/preferences': roles,
      'GET /api/v1/me/webhooks': roles,
      'POST /api/v1/me/webhooks': roles,
      'DELETE /api/v1/me/webhooks/:webhookId': roles,
      'GET /api/v1/operations/notification-deliveries': ['OPERATOR'],
      'POST /api/v1/operations/notification-deliveries/:deliveryId/retry': ['OPERATOR'],
      'GET /api/v1/indicators': roles,
      'GET /api/v1/monitoring-plans': roles,
      'GET /api/v1/indicators.csv': roles,
      'GET /api/v1/operations/dead-letters': ['OPERATOR', 'PROGRAMME_MANAGER'],
      'POST /api/v1/operations/dead-letters/replay': ['OPERATOR'],
      'GET /api/v1/operations/consumer-lag': ['OPERATOR', 'PROGRAMME_MANAGER'],
      'GET /api/v1/operations/workflows': ['OPERATOR', 'PROGRAMME_MANAGER'],
    };

    const activity = 'POST /api/v1/engagements/:id/activities/:activityId';
    const activityRequests: Record<string, unknown> = {
      'PATCH /api/v1/engagements/:id/activities/:activityId': { venueOrPlatform: 'Nairobi' },
      [`${activity}/close`]: { humanRightsModuleDelivered: true },
      [`${activity}/participants`]: { sex: 'WOMAN', agency: 'CT police unit', role: 'analyst' },
      [`${activity}/sessions`]: { date: '2027-04-12', title: 'Day one' },
      'PUT /api/v1/engagements/:id/activities/:activityId/sessions/:sessionId/attendance': {
        participantIds: [],
      },
    };

    /** A request each route would accept from an allowed caller, so that only roles decide. */
    function requestFor(route: string): { path: string; body?: unknown } {
      const [, url = ''] = route.split(' ');
      const path = url
        .replace(':id', matrixEngagement)
        .replace(':kind', 'KICK_OFF_REPORT')
        .replace(':holdId', '6f1c2a9e-3d4b-4c55-9a61-0d2f8e7b1c34')
        .replace(':activityId', 'activity-6f1c2a9e-3d4b-4c55-9a61-0d2f8e7b1c34')
        .replace(':participantId', 'participant-6f1c2a9e-3d4b-4c55-9a61-0d2f8e7b1c34')
        .replace(':sessionId', 'session-6f1c2a9e-3d4b-4c55-9a61-0d2f8e7b1c34')
        .replace(':notificationId', '6f1c2a9e-3d4b-4c55-9a61-0d2f8e7b1c34')
        .replace(':webhookId', '6f1c2a9e-3d4b-4c55-9a61-0d2f8e7b1c34')
        .replace(':deliveryId', '6f1c2a9e-3d4b-4c55-9a61-0d2f8e7b1c34');
      if (route === 'PUT /api/v1/me/preferences') {
        return { path, body: { email: true, webhook: false } };
      }
      if (route === 'POST /api/v1/me/webhooks') {
        return { path, body: { url: 'https://hooks.example.org/cttech' } };
      }
      const activityBody = activityRequests[route];
      if (activityBody !== undefined) return { path, body: activityBody };
      if (route === 'POST /api/v1/engagements') {
        return { path, body: { partnerState: stateA, cycle: matrixCycle } };
      }
      if (route.endsWith('/submissions/:kind')) return { path, body: kickOffReport };
      if (route.endsWith('/suspend') || route.endsWith('/cancel')) {
        return { path, body: { reason: 'authorization matrix' } };
      }
      if (route === 'POST /api/v1/engagements/:id/holds') {
        return { path, body: { concern: 'authorization matrix' } };
      }
      if (route.endsWith('/lift')) return { path, body: { resolution: 'authorization matrix' } };
      if (route === 'POST /api/v1/reviews/:id/decision') {
        return { path, body: { outcome: 'APPROVED', answers: [], findings: [] } };
      }
      if (route === 'GET /api/v1/operations/dead-letters') {
        return { path: `${path}?topic=cttech.engagement-events` };
      }
      if (route === 'POST /api/v1/operations/dead-letters/replay') {
        return { path, body: { topic: 'cttech.engagement-events', partition: 0, offset: '0' } };
      }
      return { path };
    }

    it('names every route the app registered', () => {
      const registered = gateway.routes
        .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS')
        .map((route) => `${route.method} ${route.url}`);
      expect(new Set(registered)).toEqual(new Set(Object.keys(allowed)));
    });

    it('gives no 2xx to a role (or an anonymous caller) a route is not for, and refuses no allowed role', async () => {
      // the engagement the matrix works on, open in a partner state every caller is assigned to
      const opened = await call('POST', '/api/v1/engagements', {
        token: as('manager'),
        body: { partnerState: stateA, cycle: matrixCycle },
      });
      expect(opened.status).toBe(201);
      const callers: { who: string; role: Role | 'anonymous'; token: string | undefined }[] = [
        { who: 'anonymous', role: 'anonymous', token: undefined },
        { who: 'officerA', role: 'PROGRAMME_OFFICER', token: as('officerA') },
        { who: 'reviewer', role: 'COMPLIANCE_REVIEWER', token: as('reviewer') },
        { who: 'manager', role: 'PROGRAMME_MANAGER', token: as('manager') },
        { who: 'operator', role: 'OPERATOR', token: as('operator') },
      ];
      const unexpected: string[] = [];
      for (const route of gateway.routes) {
        if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
        const key = `${route.method} ${route.url}`;
        const rule = allowed[key];
        if (rule === undefined) throw new Error(`${key} is not in the matrix`);
        if (rule === 'public') continue;
        for (const caller of callers) {
          const { path, body } = requestFor(key);
          const answer = await call(route.method, path, { token: caller.token, body });
          if (caller.role !== 'anonymous' && rule.includes(caller.role)) {
            // allowed: the engagement may refuse the move (409), the gateway may not refuse them
            if (answer.status === 401 || answer.status === 403) {
              unexpected.push(`${caller.who} ${key}: ${answer.status}, but the role is allowed`);
            }
            continue;
          }
          const expected = caller.role === 'anonymous' ? 401 : 403;
          if (answer.status !== expected) {
            unexpected.push(`${caller.who} ${key}: ${answer.status}, expected ${expected}`);
          }
        }
      }
      expect(unexpected).toEqual([]);
    });
  });
});
