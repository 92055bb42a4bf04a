// One activities service per test suite on the real servers: a private database (migrated),
// private topics, a development issuer whose keys are served on a loopback JWKS endpoint, a
// fresh personal-data key, every line the service logs kept for the tests to read, and the
// HTTP application driven through Fastify's inject.
import { randomBytes } from 'node:crypto';
import { createTokenVerifier, demoUser, DevelopmentIssuer } from '@cttech/auth';
import { toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import { KafkajsBroker, type EventBroker, type ReceivedMessage } from '@cttech/messaging';
import { applyMigrations } from '@cttech/migrations';
import { PersonalDataCipher } from '@cttech/personal-data';
import { serveJwks, waitFor, type TestSuite } from '@cttech/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { createActivitiesApp } from '../src/activities-app.ts';
import type { ActivityDetail, ActivitySummary } from '../src/activities/activity-views.ts';
import { migrationsDir, openActivitiesDatabase, type ActivitiesDatabase } from '../src/database.ts';

export const issuer = 'https://auth.cttech.test';
export const audience = 'cttech-activities';

/** A problem response, or any other object a test looks into. */
export type ProblemBody = Record<string, unknown> & {
  code?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
};

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Reply<Body> {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly body: Body;
  /** The body as sent, to search for what must not be in it. */
  readonly raw: string;
}

export interface ActivitiesHarness {
  readonly app: NestFastifyApplication;
  readonly database: ActivitiesDatabase;
  readonly broker: EventBroker;
  readonly engagementTopic: string;
  readonly activityTopic: string;
  /** Every line the service logged (actions, warnings, errors), in order. */
  readonly lines: readonly string[];
  /** An HTTP request to the service, as a demo user (or without a token). */
  request<Body = ProblemBody>(
    method: Method,
    url: string,
    options?: { as?: string; body?: unknown },
  ): Promise<Reply<Body>>;
  /** Publishes engagement events as the workflow does. */
  publish(...events: EngagementEvent[]): Promise<void>;
  /** Resolves once the service's consumer has committed everything on the engagement topic. */
  consumed(): Promise<void>;
  /** The engagement's activities as stored, oldest first. */
  activitiesOf(engagementId: string): ReturnType<ActivitiesDatabase['activity']['findMany']>;
  /** Every value of every column of every table, as text: what a database dump would show. */
  storedText(): Promise<string>;
  /** Every message on the suite's topics: values and header values. */
  publishedMessages(): Promise<ReceivedMessage[]>;
  close(): Promise<void>;
}

export async function openActivitiesHarness(
  suite: TestSuite,
  { brokerFor }: { brokerFor?: (kafka: EventBroker) => EventBroker } = {},
): Promise<ActivitiesHarness> {
  const { url: databaseUrl } = await suite.createDatabase('activities');
  await applyMigrations(databaseUrl, migrationsDir);
  const [engagementTopic, activityTopic] = (await suite.createTopics(
    ['engagement-events', 'activity-events'],
    3,
  )) as [string, string];
  const [deadLetterTopic] = (await suite.createTopics(['engagement-events.dead-letter'])) as [
    string,
  ];
  const database = openActivitiesDatabase(databaseUrl);
  const kafka = new KafkajsBroker({
    brokers: suite.infrastructure.kafkaBrokers,
    clientId: suite.id,
  });
  const developmentIssuer = await DevelopmentIssuer.create({ issuer, audience });
  const jwks = await serveJwks(() => developmentIssuer.jwks());
  const consumerGroup = `${suite.id}.activities`;
  const lines: string[] = [];
  const app = await createActivitiesApp(
    {
      database,
      broker: brokerFor ? brokerFor(kafka) : kafka,
      verifyToken: createTokenVerifier({ jwksUrl: jwks.url, issuer, audience }),
      cipher: new PersonalDataCipher(`test:${randomBytes(32).toString('base64')}`),
      engagementEventsTopic: engagementTopic,
      activityEventsTopic: activityTopic,
      consumerGroup,
      relay: { idlePollMs: 20 },
      logger: {
        log: (message) => lines.push(message),
        warn: (message) => lines.push(message),
        error: (message) => lines.push(message),
      },
    },
    { logLevels: ['error'] },
  );
  const token = (userId: string) => {
    const principal = demoUser(userId);
    if (!principal) throw new Error(`no demo user ${userId}`);
    return developmentIssuer.mint(principal);
  };
  return {
    app,
    database,
    broker: kafka,
    engagementTopic,
    activityTopic,
    lines,
    request: async <Body>(
      method: Method,
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
        raw: response.body,
      };
    },
    publish: (...events) =>
      kafka.publish([
        { topic: engagementTopic, messages: events.map((event) => toKafkaRecord(event)) },
      ]),
    consumed: async () => {
      await waitFor(
        async () =>
          (await kafka.consumerLag(consumerGroup, [engagementTopic])).every(({ lag }) => lag === 0),
        { what: 'the engagement events consumed and committed' },
      );
    },
    activitiesOf: (engagementId) =>
      database.activity.findMany({
        where: { engagementId },
        orderBy: [{ plannedAt: 'asc' }, { id: 'asc' }],
      }),
    storedText: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows: columns } = await client.query<{ table: string; column: string }>(
          `SELECT table_name AS table, column_name AS column FROM information_schema.columns
           WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
        );
        const values: string[] = [];
        for (const { table, column } of columns) {
          const { rows } = await client.query<{ value: string | null }>(
            `SELECT "${column}"::text AS value FROM "${table}"`,
          );
          values.push(...rows.flatMap(({ value }) => (value === null ? [] : [value])));
        }
        return values.join('\n');
      } finally {
        await client.end();
      }
    },
    publishedMessages: async () => {
      const topics = [engagementTopic, activityTopic, deadLetterTopic];
      return (await Promise.all(topics.map((topic) => kafka.readTopic(topic)))).flat();
    },
    close: async () => {
      await app.close();
      await kafka.disconnect();
      await database.$disconnect();
      await jwks.close();
    },
  };
}

/** What the activities API answers for a list and for one activity. */
export type { ActivityDetail, ActivitySummary };

/** The 2027 schedule of a course, as the training plan gives it. */
export function scheduleOf(seats: number, venueOrPlatform = 'Nairobi, Kenya School of Government') {
  return { startDate: '2027-04-12', endDate: '2027-04-16', seats, venueOrPlatform };
}

/**
 * The events the engagement workflow writes for one engagement, numbered as it numbers them
 * (`<engagement id>/<sequence>`), a second apart.
 */
export function engagementEvents(partnerState: string, cycle: number) {
  const engagementId = `engagement-${partnerState}-${cycle}`;
  let sequence = 0;
  const header = () => {
    sequence += 1;
    return {
      id: `${engagementId}/${sequence}`,
      version: 1,
      engagementId,
      partnerState,
      cycle,
      occurredAt: new Date(Date.UTC(2026, 10, 23, 9, 0, sequence)).toISOString(),
    };
  };
  const courseStatus = (
    courseId: string,
    course: EngagementEvent<'training.course-status-changed'>['data']['course'],
    status: 'SCHEDULED' | 'CANCELLED',
    schedule?: ReturnType<typeof scheduleOf>,
  ): EngagementEvent<'training.course-status-changed'> => ({
    ...header(),
    type: 'training.course-status-changed',
    data: { courseId, course, status, ...(schedule ? { schedule } : {}) },
  });
  return {
    engagementId,
    opened: (): EngagementEvent<'engagement.opened'> => ({
      ...header(),
      type: 'engagement.opened',
      data: {
        openedBy: `officer-${partnerState.toLowerCase()}-1`,
        stageDueAt: '2027-02-20T09:00:00.000Z',
      },
    }),
    advanced: (
      fromStage: 'KICK_OFF' | 'NEEDS_ASSESSMENT',
      toStage: 'NEEDS_ASSESSMENT' | 'TAILORED_TRAINING',
    ): EngagementEvent<'engagement.stage-advanced'> => ({
      ...header(),
      type: 'engagement.stage-advanced',
      data: {
        reviewRequestId: `${engagementId}/review-${sequence}`,
        decisionId: `decision-${sequence}`,
        fromStage,
        toStage,
        decidedBy: 'reviewer-1',
        stageDueAt: '2027-06-01T09:00:00.000Z',
      },
    }),
    scheduled: (
      courseId: string,
      course: Parameters<typeof courseStatus>[1],
      schedule?: ReturnType<typeof scheduleOf>,
    ) => courseStatus(courseId, course, 'SCHEDULED', schedule),
    cancelledCourse: (courseId: string, course: Parameters<typeof courseStatus>[1]) =>
      courseStatus(courseId, course, 'CANCELLED'),
    delivered: (
      courseId: string,
      attendance: { women: number; men: number; undisclosed: number },
    ): EngagementEvent<'training.course-delivered'> => ({
      ...header(),
      type: 'training.course-delivered',
      data: {
        recordedBy: `officer-${partnerState.toLowerCase()}-1`,
        delivery: { courseId, attendance, humanRightsModuleDelivered: true },
      },
    }),
    cancelled: (): EngagementEvent<'engagement.cancelled'> => ({
      ...header(),
      type: 'engagement.cancelled',
      data: { by: 'manager-1', reason: 'partner state withdrew' },
    }),
  };
}

/**
 * An engagement with one scheduled course, planned by the service from its events: the
 * course activity's id and the engagement's.
 */
export async function courseActivity(
  service: ActivitiesHarness,
  partnerState: string,
  cycle: number,
  seats = 25,
): Promise<{ engagementId: string; activityId: string; url: string }> {
  const events = engagementEvents(partnerState, cycle);
  const courseId = `osint-${cycle}`;
  await service.publish(events.opened(), events.scheduled(courseId, 'OSINT', scheduleOf(seats)));
  const course = await waitFor(
    async () =>
      (await service.database.activity.findFirst({
        where: { engagementId: events.engagementId, courseId },
      })) ?? undefined,
    { what: `the course activity of ${courseId}` },
  );
  return {
    engagementId: events.engagementId,
    activityId: course.id,
    url: `/engagements/${events.engagementId}/activities/${course.id}`,
  };
}
