// The raw sign-off chain: the hops of a compliance sign-off built from the raw parts (pg,
// kafkajs, @temporalio/client), without our services' code, on the same PostgreSQL server,
// Kafka broker, Temporal and engagement worker as ours:
//   1. pg: one transaction inserts the decision row and its outbox row (scratch tables of a
//      throwaway database), then wakes the relay
//   2. relay: claims the unpublished outbox rows (FOR UPDATE SKIP LOCKED), a kafkajs producer
//      (idempotent, acks from all replicas) publishes them to a scratch topic, marks them sent
//   3. a kafkajs consumer (its own group) receives the decision and calls
//      executeUpdate(decideMilestone) on the engagement, as the engagement bridge does
//   4. the real worker publishes engagement.stage-advanced to cttech.engagement-events; a
//      kafkajs consumer (its own group, from the latest offset) sees it for the engagement
//   5. and inserts the officer's notification row with pg, then hands it to the waiting
//      listener (SignOffWaits): the sign-off's end
// The stage-advanced consumer sees every engagement event, ours included: for ours it only
// notes when the event reached Kafka (the breakdown), for the raw chain's it does step 5. A
// third consumer (its own group, from the latest offset) only watches cttech.compliance-events
// and notes when our compliance service's decision reached Kafka, for ours' breakdown.
import type { TestSuite } from '@cttech/testing';
import { decideMilestoneUpdate } from '@cttech/engagement-workflow';
import type { Client } from '@temporalio/client';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { SignOffWaits } from './sign-off-waits.ts';

/** The hops the breakdown names, in order (ms from the sign-off's start). */
export const rawHops = [
  'decision committed',
  'published to Kafka',
  'decision consumed',
  'stage-advanced on Kafka',
] as const;

export interface RawDecision {
  readonly engagementId: string;
  readonly reviewRequestId: string;
  readonly decidedBy: string;
  readonly decision: unknown;
}

export interface RawChainOptions {
  readonly suite: TestSuite;
  readonly brokers: readonly string[];
  readonly temporal: Client;
  /** The topic the engagement worker publishes to. */
  readonly engagementEventsTopic: string;
  /** The topic our compliance service publishes its decisions to (watched only). */
  readonly complianceEventsTopic: string;
  /** As many as the compliance service's topic has. */
  readonly partitions: number;
  /** Sign-offs in flight: the pool has room for them, the relay and the notifications. */
  readonly concurrency: number;
  /** Who the notification rows are for. */
  readonly recipientId: string;
  readonly waits: SignOffWaits;
}

const schema = `
CREATE TABLE decision (
  id text PRIMARY KEY,
  engagement_id text NOT NULL,
  review_request_id text NOT NULL,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL,
  decision jsonb NOT NULL
);
CREATE TABLE outbox (
  position bigserial PRIMARY KEY,
  topic text NOT NULL,
  key text NOT NULL,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL;
CREATE TABLE notification (
  id uuid PRIMARY KEY,
  recipient_id text NOT NULL,
  event_id text NOT NULL,
  event_type text NOT NULL,
  engagement_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, recipient_id)
);`;

function text(value: Buffer | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : value.toString();
}

/** Resolves at the consumer's first fetch after joining its group (its offsets are set). */
function fetching(consumer: Consumer): Promise<void> {
  return new Promise((resolve) => {
    const stopJoin = consumer.on(consumer.events.GROUP_JOIN, () => {
      stopJoin();
      const stopFetch = consumer.on(consumer.events.FETCH, () => {
        stopFetch();
        resolve();
      });
    });
  });
}

export class RawChain {
  private readonly options: RawChainOptions;
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly decisions: Consumer;
  private readonly stageAdvanced: Consumer;
  private readonly decidedObserver: Consumer;
  /** Each decideMilestone update of the raw chain: ms from the consumer taking it to its return. */
  readonly updateMs: number[] = [];
  private readonly groups: string[];
  /** The raw chain's engagements: their stage-advanced event makes a notification row. */
  private readonly engagements = new Set<string>();
  private pool: pg.Pool | undefined;
  private topic = '';
  private relaying: Promise<void> | undefined;
  private relayAgain = false;
  private database = '';

  constructor(options: RawChainOptions) {
    this.options = options;
    this.kafka = new Kafka({
      clientId: `${options.suite.id}-raw`,
      brokers: [...options.brokers],
      logLevel: logLevel.NOTHING,
    });
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    this.groups = ['decisions', 'stage-advanced', 'observer'].map(
      (name) => `${options.suite.id}-${name}`,
    );
    this.decisions = this.kafka.consumer({ groupId: this.groups[0] as string });
    this.stageAdvanced = this.kafka.consumer({ groupId: this.groups[1] as string });
    this.decidedObserver = this.kafka.consumer({ groupId: this.groups[2] as string });
  }

  /** The throwaway database, the scratch topic, the producer and both consumers, ready. */
  async start(): Promise<void> {
    const { suite, engagementEventsTopic, partitions, concurrency } = this.options;
    const database = await suite.createDatabase('chain');
    this.database = database.name;
    this.pool = new pg.Pool({ connectionString: database.url, max: concurrency + 4 });
    await this.pool.query(schema);
    [this.topic = ''] = await suite.createTopics(['decisions'], partitions);

    await this.producer.connect();
    // the producer's metadata and connections, before any clock starts
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [{ key: 'warm-up', value: '{}' }],
    });
    // the pool's connections too
    await Promise.all(
      Array.from({ length: concurrency + 2 }, async () => {
        const connection = await this.pool?.connect();
        await connection?.query('SELECT 1');
        return connection;
      }),
    ).then((connections) => connections.forEach((connection) => connection?.release()));

    const decisionsReady = fetching(this.decisions);
    await this.decisions.connect();
    await this.decisions.subscribe({ topic: this.topic, fromBeginning: true });
    await this.decisions.run({ eachMessage: ({ message }) => this.decide(message) });

    const stageAdvancedReady = fetching(this.stageAdvanced);
    await this.stageAdvanced.connect();
    await this.stageAdvanced.subscribe({ topic: engagementEventsTopic, fromBeginning: false });
    await this.stageAdvanced.run({ eachMessage: ({ message }) => this.notify(message) });

    const observerReady = fetching(this.decidedObserver);
    await this.decidedObserver.connect();
    await this.decidedObserver.subscribe({
      topic: this.options.complianceEventsTopic,
      fromBeginning: false,
    });
    await this.decidedObserver.run({
      eachMessage: async ({ message }) => {
        const engagementId = text(message.key);
        const type = text(message.headers?.ce_type as Buffer | undefined);
        if (engagementId !== undefined && type === 'compliance.milestone-decided') {
          this.options.waits.hop(engagementId, 'decision on Kafka');
        }
      },
    });
    await Promise.all([decisionsReady, stageAdvancedReady, observerReady]);
  }

  get databaseName(): string {
    return this.database;
  }

  get topicName(): string {
    return this.topic;
  }

  /** Hop 1, the timed sign-off's start: the decision and its outbox row in one transaction. */
  async signOff({ engagementId, reviewRequestId, decidedBy, decision }: RawDecision) {
    const pool = this.pool as pg.Pool;
    this.engagements.add(engagementId);
    const decisionId = `decision-${randomUUID()}`;
    const value = JSON.stringify({
      decisionId,
      engagementId,
      reviewRequestId,
      decidedBy,
      decision,
    });
    const connection = await pool.connect();
    try {
      await connection.query('BEGIN');
      await connection.query(
        'INSERT INTO decision (id, engagement_id, review_request_id, decided_by, decided_at, decision) VALUES ($1, $2, $3, $4, now(), $5)',
        [decisionId, engagementId, reviewRequestId, decidedBy, decision],
      );
      await connection.query('INSERT INTO outbox (topic, key, value) VALUES ($1, $2, $3)', [
        this.topic,
        engagementId,
        value,
      ]);
      await connection.query('COMMIT');
    } catch (error) {
      await connection.query('ROLLBACK');
      throw error;
    } finally {
      connection.release();
    }
    this.options.waits.hop(engagementId, 'decision committed');
    this.wakeRelay();
  }

  /** Hop 2: the relay drains the outbox; woken while it runs, it goes round again. */
  private wakeRelay(): void {
    if (this.relaying) {
      this.relayAgain = true;
      return;
    }
    this.relaying = (async () => {
      do {
        this.relayAgain = false;
        await this.relayBatch();
      } while (this.relayAgain);
    })()
      .catch((error: unknown) =>
        this.options.waits.failAll(`the raw relay failed: ${(error as Error).message}`),
      )
      .finally(() => {
        this.relaying = undefined;
      });
  }

  private async relayBatch(): Promise<void> {
    const connection = await (this.pool as pg.Pool).connect();
    try {
      await connection.query('BEGIN');
      const { rows } = await connection.query<{ position: string; key: string; value: string }>(
        'SELECT position, key, value FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT 100 FOR UPDATE SKIP LOCKED',
      );
      if (rows.length > 0) {
        await this.producer.send({
          topic: this.topic,
          acks: -1,
          messages: rows.map(({ key, value }) => ({ key, value })),
        });
        const published = performance.now();
        for (const { key } of rows) this.options.waits.hop(key, 'published to Kafka', published);
        await connection.query(
          'UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[])',
          [rows.map(({ position }) => position)],
        );
      }
      await connection.query('COMMIT');
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }

  /** Hop 3: the decision becomes the workflow's decideMilestone update (update id = decision id). */
  private async decide(message: { key: Buffer | null; value: Buffer | null }): Promise<void> {
    const engagementId = text(message.key);
    if (engagementId === undefined || engagementId === 'warm-up') return;
    const { waits, temporal } = this.options;
    const consumed = performance.now();
    waits.hop(engagementId, 'decision consumed', consumed);
    try {
      const { decisionId, reviewRequestId, decidedBy, decision } = JSON.parse(
        text(message.value) ?? '{}',
      ) as { decisionId: string; reviewRequestId: string; decidedBy: string; decision: unknown };
      await temporal.workflow.getHandle(engagementId).executeUpdate(decideMilestoneUpdate, {
        updateId: decisionId,
        args: [{ decisionId, reviewRequestId, decidedBy, decision }],
      });
      this.updateMs.push(performance.now() - consumed);
    } catch (error) {
      // refused or failed: this sign-off fails (the benchmark reports it), the consumer goes on
      waits.fail(
        engagementId,
        new Error(`decideMilestone on ${engagementId}: ${(error as Error).message}`),
      );
    }
  }

  /** Hops 4 and 5: the worker's stage-advanced event becomes the officer's notification row. */
  private async notify(message: {
    key: Buffer | null;
    headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
  }): Promise<void> {
    const seen = performance.now();
    const headers = message.headers ?? {};
    const header = (name: string) => {
      const value = headers[name];
      return text(Array.isArray(value) ? value[0] : value);
    };
    if (header('ce_type') !== 'engagement.stage-advanced') return;
    const engagementId = text(message.key);
    const { waits, recipientId } = this.options;
    if (engagementId === undefined || !waits.isWaiting(engagementId)) return;
    waits.hop(engagementId, 'stage-advanced on Kafka', seen);
    if (!this.engagements.has(engagementId)) return; // ours: the notifications service's to do
    try {
      await (this.pool as pg.Pool).query(
        'INSERT INTO notification (id, recipient_id, event_id, event_type, engagement_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id, recipient_id) DO NOTHING',
        [
          randomUUID(),
          recipientId,
          header('ce_id') ?? `${engagementId}/?`,
          'engagement.stage-advanced',
          engagementId,
        ],
      );
      waits.finish(engagementId);
    } catch (error) {
      waits.fail(
        engagementId,
        new Error(`the notification row of ${engagementId}: ${(error as Error).message}`),
      );
    }
  }

  /** Stops the consumers and the producer, deletes its consumer groups and closes the pool. */
  async close(): Promise<void> {
    await Promise.allSettled(
      [this.decisions, this.stageAdvanced, this.decidedObserver].map((consumer) =>
        consumer.disconnect(),
      ),
    );
    await this.relaying;
    await this.producer.disconnect();
    await this.pool?.end();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.deleteGroups(this.groups).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}
