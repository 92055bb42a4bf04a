import { traceHeaders } from '@cttech/telemetry';
import type { EventBroker, OutgoingMessage, TopicMessages } from './broker.ts';
import type { SqlDatabase, SqlTransaction } from './sql.ts';

/** One event to publish, written to the outbox with the change it reports. */
export interface OutboxMessage extends OutgoingMessage {
  readonly topic: string;
  /** The event's id (`ce_id`); the outbox keeps one row per id. */
  readonly eventId: string;
}

/** The outbox row for an event already in its Kafka envelope (`toKafkaRecord`). */
export function outboxMessage(
  topic: string,
  record: {
    readonly key: string;
    readonly value: string;
    readonly headers: Readonly<Record<string, string>>;
  },
): OutboxMessage {
  const eventId = record.headers.ce_id;
  if (!eventId) throw new Error(`an outbox message needs a ce_id header (topic ${topic})`);
  return { topic, eventId, key: record.key, value: record.value, headers: record.headers };
}

/**
 * Writes events to the outbox inside the caller's transaction: they are published if and
 * only if the transaction commits. Writing an event id that is already there changes nothing.
 * A message without a `traceparent` gets the active span's, so the trace of the request that
 * made the change continues in whoever consumes the event.
 */
export async function appendToOutbox(
  tx: SqlTransaction,
  messages: readonly OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  const trace = traceHeaders();
  await tx.$executeRawUnsafe(
    `INSERT INTO outbox_event (event_id, topic, key, value, headers)
     SELECT event_id, topic, key, value, headers::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       AS appended(event_id, topic, key, value, headers)
     ON CONFLICT (event_id) DO NOTHING`,
    messages.map((message) => message.eventId),
    messages.map((message) => message.topic),
    messages.map((message) => message.key),
    messages.map((message) => message.value),
    messages.map((message) =>
      JSON.stringify(
        message.headers.traceparent ? message.headers : { ...trace, ...message.headers },
      ),
    ),
  );
}

interface OutboxRow {
  position: bigint | number | string;
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string> | string;
}

/**
 * Claims the oldest unpublished rows. `SKIP LOCKED` lets several relays share the table
 * without waiting on each other; a row whose key has an older unpublished row held by
 * another relay is left for later, so one key's events are never published out of order.
 * Rows are found by their published flag, never by "position greater than the last seen":
 * positions are handed out at insert, transactions commit in another order.
 */
const claimSql = `
  WITH claimed AS (
    SELECT position FROM outbox_event
    WHERE published_at IS NULL
    ORDER BY position
    LIMIT $1
    FOR UPDATE SKIP LOCKED
  )
  SELECT row.position, row.topic, row.key, row.value, row.headers
  FROM outbox_event row JOIN claimed ON claimed.position = row.position
  WHERE NOT EXISTS (
    SELECT 1 FROM outbox_event older
    WHERE older.published_at IS NULL
      AND older.topic = row.topic AND older.key = row.key
      AND older.position < row.position
      AND older.position NOT IN (SELECT position FROM claimed)
  )
  ORDER BY row.position`;

export interface RelayLogger {
  warn(message: string): void;
}

export interface OutboxRelayOptions {
  readonly database: SqlDatabase;
  readonly broker: EventBroker;
  /** Most rows claimed and published in one transaction. */
  readonly batchSize?: number;
  /** How long an idle relay waits before looking again, unless woken by {@link OutboxRelay.wake}. */
  readonly idlePollMs?: number;
  /** Longest wait between attempts while Kafka or the database is failing. */
  readonly maxBackoffMs?: number;
  /** Published rows older than this are deleted (the default keeps them seven days). */
  readonly keepPublishedMs?: number;
  /** Called after a batch reached Kafka and before it is marked sent (metrics, fault tests). */
  readonly onPublished?: (count: number) => void | Promise<void>;
  readonly logger?: RelayLogger;
}

const pruneEveryMs = 10 * 60_000;

/**
 * Publishes the outbox to Kafka: claims a batch, publishes it (per topic, in position order),
 * marks it sent, commits. If it dies between publishing and marking, the batch is published
 * again on restart: delivery is at least once and consumers deduplicate by event id (inbox).
 * While Kafka is down the claim rolls back and nothing is lost; it retries with backoff.
 */
export class OutboxRelay {
  private readonly options: Required<Omit<OutboxRelayOptions, 'onPublished'>> &
    Pick<OutboxRelayOptions, 'onPublished'>;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private lastPruned = 0;
  private published = 0;

  constructor(options: OutboxRelayOptions) {
    this.options = {
      batchSize: 500,
      idlePollMs: 100,
      maxBackoffMs: 5_000,
      keepPublishedMs: 7 * 24 * 3_600_000,
      logger: console,
      ...options,
    };
  }

  /** Events published since this relay started. */
  get publishedCount(): number {
    return this.published;
  }

  start(): void {
    this.stopping = false;
    this.running ??= this.run();
  }

  /** Lets the batch in hand finish (published and marked), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
    this.running = undefined;
  }

  /** Looks at the outbox now rather than at the next poll (call it after a commit). */
  wake(): void {
    this.wakeUp?.();
  }

  /** Claims, publishes and marks one batch; returns how many events it published. */
  async relayBatch(): Promise<number> {
    const { database, broker, batchSize, onPublished } = this.options;
    const count = await database.$transaction(
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(claimSql, batchSize);
        if (rows.length === 0) return 0;
        await broker.publish(byTopic(rows));
        await onPublished?.(rows.length);
        await tx.$executeRawUnsafe(
          'UPDATE outbox_event SET published_at = now() WHERE position = ANY($1::bigint[])',
          rows.map((row) => String(row.position)),
        );
        return rows.length;
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
    this.published += count;
    return count;
  }

  /** Events written and not yet published. */
  async backlog(): Promise<number> {
    const [row] = await this.options.database.$queryRawUnsafe<{ count: bigint | number }[]>(
      'SELECT count(*) AS count FROM outbox_event WHERE published_at IS NULL',
    );
    return Number(row?.count ?? 0);
  }

  private async run(): Promise<void> {
    const { batchSize, idlePollMs, maxBackoffMs, logger } = this.options;
    let backoff = 0;
    while (!this.stopping) {
      try {
        const count = await this.relayBatch();
        backoff = 0;
        await this.prune();
        if (count < batchSize) await this.idle(idlePollMs);
      } catch (error) {
        backoff = Math.min(maxBackoffMs, backoff === 0 ? 250 : backoff * 2);
        logger.warn(
          `outbox relay: ${(error as Error).message}; nothing was marked sent, retrying in ${backoff} ms`,
        );
        await this.idle(backoff);
      }
    }
  }

  private async prune(): Promise<void> {
    if (Date.now() - this.lastPruned < pruneEveryMs) return;
    this.lastPruned = Date.now();
    await this.options.database.$executeRawUnsafe(
      `DELETE FROM outbox_event
       WHERE published_at IS NOT NULL AND published_at < now() - $1::double precision * interval '1 millisecond'`,
      this.options.keepPublishedMs,
    );
  }

  private idle(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wakeUp = () => done();
      this.wakeUp = wakeUp;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

function byTopic(rows: readonly OutboxRow[]): TopicMessages[] {
  const batches = new Map<string, OutgoingMessage[]>();
  for (const row of rows) {
    const headers =
      typeof row.headers === 'string'
        ? (JSON.parse(row.headers) as Record<string, string>)
        : row.headers;
    const messages = batches.get(row.topic) ?? [];
    messages.push({ key: row.key, value: row.value, headers });
    batches.set(row.topic, messages);
  }
  return [...batches].map(([topic, messages]) => ({ topic, messages }));
}
