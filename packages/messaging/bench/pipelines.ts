// The two pipelines the benchmark compares, each on its own fresh database and topic:
// ours (outbox in the writer's transaction, relay, consumer applying through the inbox) and a
// raw kafkajs + pg baseline (write, then send; consume, then insert; no outbox, no dedupe).
import { fromKafkaRecord, toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import type { TestSuite } from '@cttech/testing';
import type { Kafka, KafkaMessage, Producer } from 'kafkajs';
import pg from 'pg';
import {
  appendToOutbox,
  EventConsumer,
  outboxMessage,
  OutboxRelay,
  type EventBroker,
  type EventHandler,
  type ReceivedMessage,
} from '../src/index.ts';
import { engagementIds, ledgerInbox, openLedgerDatabase, workRecorded } from '../test/ledger.ts';
import { EffectLog, type Run } from './figures.ts';

export interface Workload {
  readonly events: number;
  /** Distinct engagements (Kafka keys) the events are spread over, round robin. */
  readonly engagements: number;
  /** Events written per database transaction. */
  readonly perTransaction: number;
  /** Writers committing transactions concurrently. */
  readonly writers: number;
  readonly partitions: number;
  /** Consumers in each pipeline's group (each gets a share of the partitions). */
  readonly consumers: number;
}

/** Options handed to our relay (unset: the library's defaults). */
export interface OutboxTuning {
  readonly relayBatchSize?: number | undefined;
  readonly relayIdlePollMs?: number | undefined;
}

export interface Bench {
  readonly suite: TestSuite;
  readonly workload: Workload;
  /** Consumer groups the runs joined, for deleting at the end. */
  readonly consumerGroups: string[];
}

/** How long one run may take before the benchmark gives up on it. */
function runTimeoutMs({ events }: Workload): number {
  return Math.max(120_000, events * 10);
}

/** Which events each transaction writes: engagement and sequence, engagements round robin. */
function plannedTransactions({ events, engagements, perTransaction }: Workload) {
  const ids = engagementIds(engagements);
  const planned = Array.from({ length: events }, (_, index) => ({
    engagementId: ids[index % engagements] as string,
    sequence: Math.floor(index / engagements) + 1,
  }));
  const transactions: (typeof planned)[] = [];
  for (let start = 0; start < planned.length; start += perTransaction) {
    transactions.push(planned.slice(start, start + perTransaction));
  }
  return transactions;
}

/**
 * Writers take the next planned transaction until none is left. Each event is stamped with
 * the time its transaction began (occurredAt), which its latency is measured from.
 */
async function writeConcurrently(
  workload: Workload,
  write: (events: EngagementEvent[]) => Promise<void>,
): Promise<void> {
  const transactions = plannedTransactions(workload);
  let next = 0;
  const writer = async () => {
    for (let taken = next++; taken < transactions.length; taken = next++) {
      const occurredAt = new Date().toISOString();
      const planned = transactions[taken] ?? [];
      await write(
        planned.map(({ engagementId, sequence }) => ({
          ...workRecorded(engagementId, sequence),
          occurredAt,
        })),
      );
    }
  };
  await Promise.all(Array.from({ length: workload.writers }, writer));
}

/** The ledger inbox, noting when each batch's effects were committed. */
function timedInbox(inbox: EventHandler, effects: EffectLog): EventHandler {
  const writtenAt = (messages: readonly ReceivedMessage[]) =>
    messages.map((message) => message.headers.ce_time ?? '');
  return {
    async handle(message) {
      await inbox.handle(message);
      effects.committed(writtenAt([message]));
    },
    async handleBatch(messages) {
      await inbox.handleBatch?.(messages);
      effects.committed(writtenAt(messages));
    },
  };
}

/**
 * Ours: each writer's Prisma transaction appends its events to the outbox (and wakes the
 * relay after the commit); the relay publishes; an EventConsumer applies each event once
 * through the ledger inbox, one milestone_record row per event.
 */
export async function runOutbox(
  { suite, workload, consumerGroups }: Bench,
  broker: EventBroker,
  round: number,
  tuning: OutboxTuning,
): Promise<Run> {
  const name = `ours-${round}`;
  const [topic = name] = await suite.createTopics([name], workload.partitions);
  await suite.createTopics([`${name}.dead-letter`]);
  const { prisma } = await openLedgerDatabase(suite, `ours_${round}`);
  const effects = new EffectLog(workload.events);
  const inbox = ledgerInbox(prisma);
  const groupId = `${topic}.ledger`;
  consumerGroups.push(groupId);
  const consumers = Array.from(
    { length: workload.consumers },
    () =>
      new EventConsumer({ broker, groupId, topics: [topic], handler: timedInbox(inbox, effects) }),
  );
  let lastPublishedAt = 0;
  const relay = new OutboxRelay({
    database: prisma,
    broker,
    onPublished: () => {
      lastPublishedAt = Date.now();
    },
    ...(tuning.relayBatchSize ? { batchSize: tuning.relayBatchSize } : {}),
    ...(tuning.relayIdlePollMs !== undefined ? { idlePollMs: tuning.relayIdlePollMs } : {}),
  });
  try {
    await prisma.$queryRawUnsafe('SELECT 1');
    for (const consumer of consumers) await consumer.start();
    relay.start();
    const started = Date.now();
    await writeConcurrently(workload, async (events) => {
      await prisma.$transaction((tx) =>
        appendToOutbox(
          tx,
          events.map((event) => outboxMessage(topic, toKafkaRecord(event))),
        ),
      );
      relay.wake();
    });
    const written = Date.now();
    const finished = await effects.allCommitted(
      runTimeoutMs(workload),
      () =>
        `relay published ${relay.publishedCount}, consumers ${JSON.stringify(consumers.map((consumer) => consumer.counts))}`,
    );
    const applied = await prisma.milestoneRecord.count();
    if (applied !== workload.events || inbox.duplicatesAbsorbed !== 0) {
      throw new Error(
        `ours applied ${applied} of ${workload.events} events (${inbox.duplicatesAbsorbed} duplicates absorbed)`,
      );
    }
    return {
      name: 'ours',
      round: String(round),
      count: workload.events,
      elapsedMs: finished - started,
      latenciesMs: effects.latenciesMs,
      writtenMs: written - started,
      publishedMs: lastPublishedAt - started,
    };
  } finally {
    await relay.stop();
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await prisma.$disconnect();
  }
}

/** The business change of the raw baseline: one row per event, the outbox row's shape. */
const rawTables = `
  CREATE TABLE engagement_change (
    position BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    headers JSONB NOT NULL,
    created_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
  );
  CREATE TABLE milestone_record (
    applied_order BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    applied_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
  )`;

function engagementEventOf(message: KafkaMessage): EngagementEvent {
  const parsed = fromKafkaRecord(message);
  if (!parsed.ok) throw new Error(`unreadable event at offset ${message.offset}: ${parsed.reason}`);
  return parsed.event;
}

/**
 * Raw baseline: each writer commits a pg transaction inserting its events' rows into a plain
 * table, then sends the events with the idempotent producer (acks -1). A kafkajs consumer
 * inserts each batch's effect rows with one multi-row INSERT: no outbox, no dedupe.
 */
export async function runRaw(
  { suite, workload, consumerGroups }: Bench,
  kafka: Kafka,
  producer: Producer,
  round: number,
): Promise<Run> {
  const name = `raw-${round}`;
  const [topic = name] = await suite.createTopics([name], workload.partitions);
  const database = await suite.createDatabase(`raw_${round}`);
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  const effects = new EffectLog(workload.events);
  const groupId = `${topic}.ledger`;
  consumerGroups.push(groupId);
  // the same fetch wait as our broker's consumers
  const consumers = Array.from({ length: workload.consumers }, () =>
    kafka.consumer({ groupId, maxWaitTimeInMs: 500 }),
  );
  try {
    await pool.query(rawTables);
    for (const consumer of consumers) {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachBatch: async ({ batch }) => {
          const events = batch.messages.map(engagementEventOf);
          await pool.query(
            `INSERT INTO milestone_record (event_id, engagement_id, sequence)
             SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`,
            [
              events.map((event) => event.id),
              events.map((event) => event.engagementId),
              events.map((event) => Number(event.id.split('/').at(-1))),
            ],
          );
          effects.committed(events.map((event) => event.occurredAt));
        },
      });
    }
    const started = Date.now();
    await writeConcurrently(workload, async (events) => {
      const records = events.map((event) => toKafkaRecord(event));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO engagement_change (event_id, key, value, headers)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])`,
          [
            records.map((record) => record.headers.ce_id),
            records.map((record) => record.key),
            records.map((record) => record.value),
            records.map((record) => JSON.stringify(record.headers)),
          ],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
      await producer.send({ topic, acks: -1, messages: records });
    });
    const written = Date.now();
    const finished = await effects.allCommitted(
      runTimeoutMs(workload),
      () => `${effects.committedCount} effect rows`,
    );
    const { rows } = await pool.query<{ applied: string }>(
      'SELECT count(*) AS applied FROM milestone_record',
    );
    if (Number(rows[0]?.applied) !== workload.events) {
      throw new Error(`raw applied ${rows[0]?.applied} of ${workload.events} events`);
    }
    return {
      name: 'raw',
      round: String(round),
      count: workload.events,
      elapsedMs: finished - started,
      latenciesMs: effects.latenciesMs,
      writtenMs: written - started,
      publishedMs: written - started,
    };
  } finally {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await pool.end();
  }
}
