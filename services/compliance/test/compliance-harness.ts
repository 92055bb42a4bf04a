// One compliance service per test suite on the real servers: a private database (migrated),
// private topics, a development issuer whose keys are served on a loopback JWKS endpoint, and
// the service's HTTP application driven through Fastify's inject.
import { createTokenVerifier, demoUser, DevelopmentIssuer, type Principal } from '@cttech/auth';
import { toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import { KafkajsBroker, type EventBroker } from '@cttech/messaging';
import { applyMigrations } from '@cttech/migrations';
import { serveJwks, type TestSuite } from '@cttech/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createComplianceApp } from '../src/compliance-app.ts';
import { migrationsDir, openComplianceDatabase, type ComplianceDatabase } from '../src/database.ts';

export const issuer = 'https://auth.cttech.test';
export const audience = 'cttech-compliance';

/** Tests' logger: failures are asserted, not printed. */
export const quiet = { warn: () => {}, error: () => {} };

/** A problem response, or any other object a test looks into. */
export type ProblemBody = Record<string, unknown> & {
  errors?: { field: string; message: string }[];
};

export interface ComplianceHarness {
  readonly app: NestFastifyApplication;
  readonly database: ComplianceDatabase;
  readonly databaseUrl: string;
  readonly broker: EventBroker;
  readonly engagementTopic: string;
  readonly complianceTopic: string;
  readonly activityTopic: string;
  readonly issuer: DevelopmentIssuer;
  /** A token for a demo user, or for any principal. */
  token(user: string | Principal): Promise<string>;
  /** An HTTP request to the service, as a demo user (or without a token). */
  request<Body = ProblemBody>(
    method: 'GET' | 'POST',
    url: string,
    options?: { as?: string; body?: unknown },
  ): Promise<{ status: number; headers: Record<string, unknown>; body: Body }>;
  /** Publishes engagement events as the workflow does. */
  publish(...events: EngagementEvent[]): Promise<void>;
  /** Publishes activity events as the activities service does. */
  publishActivity(...events: EngagementEvent<'activities.training-delivered'>[]): Promise<void>;
  close(): Promise<void>;
}

export async function openComplianceHarness(
  suite: TestSuite,
  { brokerFor }: { brokerFor?: (kafka: EventBroker) => EventBroker } = {},
): Promise<ComplianceHarness> {
  const { url: databaseUrl } = await suite.createDatabase('compliance');
  await applyMigrations(databaseUrl, migrationsDir);
  const [engagementTopic, complianceTopic, activityTopic] = (await suite.createTopics(
    ['engagement-events', 'compliance-events', 'activity-events'],
    3,
  )) as [string, string, string];
  await suite.createTopics(['engagement-events.dead-letter', 'activity-events.dead-letter']);
  const database = openComplianceDatabase(databaseUrl);
  const kafka = new KafkajsBroker({
    brokers: suite.infrastructure.kafkaBrokers,
    clientId: suite.id,
  });
  const developmentIssuer = await DevelopmentIssuer.create({ issuer, audience });
  const jwks = await serveJwks(() => developmentIssuer.jwks());
  const app = await createComplianceApp(
    {
      database,
      broker: brokerFor ? brokerFor(kafka) : kafka,
      verifyToken: createTokenVerifier({ jwksUrl: jwks.url, issuer, audience }),
      engagementEventsTopic: engagementTopic,
      complianceEventsTopic: complianceTopic,
      activityEventsTopic: activityTopic,
      consumerGroup: `${suite.id}.compliance`,
      relay: { idlePollMs: 20 },
      logger: quiet,
    },
    { logLevels: ['error'] },
  );
  const token = (user: string | Principal) => {
    const principal = typeof user === 'string' ? demoUser(user) : user;
    if (!principal)
      throw new Error(`no demo user ${typeof user === 'string' ? user : user.userId}`);
    return developmentIssuer.mint(principal);
  };
  return {
    app,
    database,
    databaseUrl,
    broker: kafka,
    engagementTopic,
    complianceTopic,
    activityTopic,
    issuer: developmentIssuer,
    token,
    request: async <Body>(
      method: 'GET' | 'POST',
      url: string,
      { as, body }: { as?: string; body?: unknown } = {},
    ) => {
      const response = await app.inject({
        method,
        url,
        headers: as ? { authorization: `Bearer ${await token(as)}` } : {},
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return {
        status: response.statusCode,
        headers: response.headers,
        body: response.json<Body>(),
      };
    },
    publish: (...events) =>
      kafka.publish([
        { topic: engagementTopic, messages: events.map((event) => toKafkaRecord(event)) },
      ]),
    publishActivity: (...events) =>
      kafka.publish([
        { topic: activityTopic, messages: events.map((event) => toKafkaRecord(event)) },
      ]),
    close: async () => {
      await app.close();
      await kafka.disconnect();
      await database.$disconnect();
      await jwks.close();
    },
  };
}

let submitted = 0;

/** The workflow's `engagement.milestone-submitted` for a partner state's kick-off. */
export function milestoneSubmitted(
  partnerState: string,
  overrides: {
    submittedBy?: string;
    reviewRequestId?: string;
    eventId?: string;
    editedBy?: string[];
  } = {},
): EngagementEvent<'engagement.milestone-submitted'> {
  submitted += 1;
  const engagementId = `engagement-${partnerState}-${2026 + submitted}`;
  const id = overrides.eventId ?? `${engagementId}/3`;
  return {
    id,
    type: 'engagement.milestone-submitted',
    version: 1,
    engagementId,
    partnerState,
    cycle: 2026 + submitted,
    occurredAt: '2026-11-22T09:00:00.000Z',
    data: {
      reviewRequestId: overrides.reviewRequestId ?? id,
      stage: 'KICK_OFF',
      submittedBy: overrides.submittedBy ?? `officer-${partnerState.toLowerCase()}-1`,
      reviewDueAt: '2026-12-06T10:00:00.000Z',
      checklist: ['HRDD_RISK_ASSESSMENT', 'STAKEHOLDER_MAPPING_GENDER'],
      ...(overrides.editedBy ? { editedBy: overrides.editedBy } : {}),
    },
  };
}

/** A valid kick-off decision asking for changes. */
export const changesRequested = {
  outcome: 'CHANGES_REQUESTED',
  answers: [
    { criterionId: 'HRDD_RISK_ASSESSMENT', verdict: 'NOT_MET', comment: 'not yet done' },
    { criterionId: 'STAKEHOLDER_MAPPING_GENDER', verdict: 'MET' },
  ],
  findings: [
    { criterionId: 'HRDD_RISK_ASSESSMENT', text: 'The risk assessment is to be done first.' },
  ],
} as const;
