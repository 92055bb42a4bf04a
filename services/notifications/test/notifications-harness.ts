// One notifications service per test suite on the real servers: a private database (migrated),
// private topics, a development issuer whose keys are served on a loopback JWKS endpoint, the
// sample staff directory, and the service's HTTP application driven through Fastify's inject
// (or listening on a loopback port, for live streams).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier, demoUser, DevelopmentIssuer, type Principal } from '@cttech/auth';
import { deadLetterTopic, toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import { KafkajsBroker, type EventBroker } from '@cttech/messaging';
import { applyMigrations } from '@cttech/migrations';
import { openTestSuite, serveJwks, type TestSuite } from '@cttech/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  migrationsDir,
  openNotificationsDatabase,
  type NotificationsDatabase,
} from '../src/database.ts';
import { DeliveryDispatcher } from '../src/deliveries/delivery-dispatcher.ts';
import type { DeliveryRetryPolicy } from '../src/deliveries/retry-schedule.ts';
import { DailyDigest } from '../src/digest/daily-digest.ts';
import { createNotificationsApp } from '../src/notifications-app.ts';
import type { StaffMember } from '../src/recipients/staff-directory.ts';
import { sampleStaff } from './sample-events.ts';
import { SmtpInbox } from './smtp-inbox.ts';

export const issuer = 'https://auth.cttech.test';
export const audience = 'cttech-notifications';
export const mailFrom = 'CT TECH+ notifications <notifications@cttech.test>';

/** Tests' logger: failures are asserted, not printed. */
export const quiet = { warn: () => {}, error: () => {} };

/** A loopback HTTP server; `close` ends it. */
export async function listenOnLoopback(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A problem response, or any other object a test looks into. */
export type ProblemBody = Record<string, unknown> & {
  errors?: { field: string; message: string }[];
};

export interface NotificationsHarness {
  readonly app: NestFastifyApplication;
  readonly database: NotificationsDatabase;
  readonly broker: EventBroker;
  readonly engagementTopic: string;
  readonly complianceTopic: string;
  readonly activityTopic: string;
  readonly consumerGroup: string;
  readonly dispatcher: DeliveryDispatcher;
  readonly digest: DailyDigest;
  /** A token for a member of the sample staff, a demo user, or any principal. */
  token(user: string | Principal): Promise<string>;
  /** An HTTP request to the service, as a user (or without a token). */
  request<Body = ProblemBody>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options?: { as?: string; body?: unknown },
  ): Promise<{ status: number; headers: Record<string, unknown>; body: Body }>;
  /** Publishes events to a topic (the engagement topic unless named), as their producers do. */
  publish(events: readonly EngagementEvent[], topic?: string): Promise<void>;
  /** The e-mail address the directory gives a user. */
  emailOf(userId: string): string;
  /** Messages of the consumer group not yet consumed, on every topic it reads. */
  lag(): Promise<number>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly staff?: readonly StaffMember[];
  /** The SMTP server's port on 127.0.0.1; without it, no e-mail channel. */
  readonly smtpPort?: number | undefined;
  readonly deliveryRetry?: Partial<DeliveryRetryPolicy>;
  readonly heartbeatMs?: number;
}

export async function openNotificationsHarness(
  suite: TestSuite,
  { staff = sampleStaff, smtpPort, deliveryRetry, heartbeatMs }: HarnessOptions = {},
): Promise<NotificationsHarness> {
  const { url: databaseUrl } = await suite.createDatabase('notifications');
  await applyMigrations(databaseUrl, migrationsDir);
  const names = ['engagement-events', 'compliance-events', 'activity-events'];
  const [engagementTopic, complianceTopic, activityTopic] = (await suite.createTopics(
    names,
    3,
  )) as [string, string, string];
  // the dead-letter topics (and theirs) the consumer would otherwise create, to be dropped after
  await suite.createTopics([
    ...names.map(deadLetterTopic),
    ...names.map((name) => deadLetterTopic(deadLetterTopic(name))),
  ]);
  const database = openNotificationsDatabase(databaseUrl);
  const broker = new KafkajsBroker({
    brokers: suite.infrastructure.kafkaBrokers,
    clientId: suite.id,
  });
  const developmentIssuer = await DevelopmentIssuer.create({ issuer, audience });
  const jwks = await serveJwks(() => developmentIssuer.jwks());
  const consumerGroup = `${suite.id}.notifications`;
  const app = await createNotificationsApp(
    {
      database,
      broker,
      verifyToken: createTokenVerifier({ jwksUrl: jwks.url, issuer, audience }),
      engagementEventsTopic: engagementTopic,
      complianceEventsTopic: complianceTopic,
      activityEventsTopic: activityTopic,
      consumerGroup,
      staff,
      email: smtpPort ? { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: mailFrom } : undefined,
      webhookTimeoutMs: 2_000,
      deliveryRetry: { maxAttempts: 5, firstDelayMs: 50, maxDelayMs: 200, ...deliveryRetry },
      dispatchPollMs: 25,
      heartbeatMs,
      consumerRetry: { attempts: 2, firstDelayMs: 20, maxDelayMs: 50 },
      logger: quiet,
    },
    { logLevels: ['error'] },
  );
  const token = (user: string | Principal) => {
    const principal =
      typeof user === 'string'
        ? (staff.find((member) => member.userId === user) ?? demoUser(user))
        : user;
    if (!principal) throw new Error(`no user ${typeof user === 'string' ? user : user.userId}`);
    return developmentIssuer.mint(principal);
  };
  const eventTopics = [engagementTopic, complianceTopic, activityTopic];
  return {
    app,
    database,
    broker,
    engagementTopic,
    complianceTopic,
    activityTopic,
    consumerGroup,
    dispatcher: app.get(DeliveryDispatcher),
    digest: app.get(DailyDigest),
    token,
    request: async <Body>(
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
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
    publish: (events, topic = engagementTopic) =>
      broker.publish([{ topic, messages: events.map((event) => toKafkaRecord(event)) }]),
    emailOf: (userId) => {
      const member = staff.find((candidate) => candidate.userId === userId);
      if (!member) throw new Error(`${userId} is not in the directory`);
      return member.email;
    },
    lag: async () => {
      const partitions = await broker.consumerLag(consumerGroup, [
        ...eventTopics,
        ...eventTopics.map(deadLetterTopic),
      ]);
      return partitions.reduce((total, partition) => total + partition.lag, 0);
    },
    close: async () => {
      await app.close();
      await broker.disconnect();
      await database.$disconnect();
      await jwks.close();
    },
  };
}

/** A suite with its service and an SMTP server on loopback that the service sends to. */
export interface MailingService {
  readonly suite: TestSuite;
  readonly smtp: SmtpInbox;
  readonly service: NotificationsHarness;
  /** Closes the service, then the SMTP server, then drops the suite's database and topics. */
  close(): Promise<void>;
}

export async function openMailingService(
  name: string,
  options: Omit<HarnessOptions, 'smtpPort'> = {},
): Promise<MailingService> {
  const suite = openTestSuite(name);
  const smtp = await SmtpInbox.start();
  const service = await openNotificationsHarness(suite, { ...options, smtpPort: smtp.port });
  return {
    suite,
    smtp,
    service,
    close: async () => {
      await service.close();
      await smtp.close();
      await suite.close();
    },
  };
}
