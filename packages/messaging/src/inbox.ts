import { contextFromTraceHeaders } from '@cttech/telemetry';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReceivedMessage } from './broker.ts';
import { UnprocessableEventError, type EventHandler } from './event-consumer.ts';
import type { SqlDatabase, SqlTransaction } from './sql.ts';

export interface InboxOptions<Tx extends SqlTransaction> {
  readonly database: SqlDatabase<Tx>;
  /** Names the consumer in the inbox: two consumers of one event each apply it once. */
  readonly consumer: string;
  /** Applies the event's effect inside the transaction that records it in the inbox. */
  readonly apply: (message: ReceivedMessage, tx: Tx) => Promise<void>;
  /**
   * Applies the effects of several new events at once (one statement rather than one per
   * event), in the batch's order. Without it, `apply` is called for each.
   */
  readonly applyAll?: (messages: readonly ReceivedMessage[], tx: Tx) => Promise<void>;
}

const tracer = trace.getTracer('@cttech/messaging');

/**
 * One span for a batch's effects, linked to the span of every event in it (a batch has many
 * parents, which OpenTelemetry expresses as links).
 */
function withBatchSpan<T>(
  messages: readonly ReceivedMessage[],
  consumer: string,
  work: () => Promise<T>,
): Promise<T> {
  const links = messages.flatMap((message) => {
    const producer = trace.getSpanContext(contextFromTraceHeaders(message.headers));
    return producer ? [{ context: producer }] : [];
  });
  return tracer.startActiveSpan(
    `${messages[0]?.topic ?? 'inbox'} apply`,
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.batch.message_count': messages.length,
        'messaging.consumer.group.name': consumer,
      },
    },
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The event id of a CloudEvents message: its `ce_id` header. */
function eventIdOf(message: ReceivedMessage): string {
  const id = message.headers.ce_id;
  if (!id) throw new UnprocessableEventError('the message has no ce_id header');
  return id;
}

/**
 * An {@link EventHandler} that applies each event once: the event id is recorded in the same
 * transaction as the effect, so a redelivered event (a relay restart, a rebalance, a replay)
 * finds its id and changes nothing. A batch is applied in one transaction.
 */
export class Inbox<Tx extends SqlTransaction> implements EventHandler {
  private readonly options: InboxOptions<Tx>;
  private absorbed = 0;

  constructor(options: InboxOptions<Tx>) {
    this.options = options;
  }

  /** Deliveries of an event already applied, which changed nothing. */
  get duplicatesAbsorbed(): number {
    return this.absorbed;
  }

  async handle(message: ReceivedMessage): Promise<void> {
    const eventId = eventIdOf(message);
    const { database, consumer, apply } = this.options;
    const applied = await database.$transaction(async (tx) => {
      const recorded = await tx.$executeRawUnsafe(
        'INSERT INTO inbox_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        consumer,
        eventId,
      );
      if (recorded === 0) return false;
      await apply(message, tx);
      return true;
    });
    if (!applied) this.absorbed += 1;
  }

  async handleBatch(messages: readonly ReceivedMessage[]): Promise<void> {
    const ids = messages.map(eventIdOf);
    const { database, consumer, applyAll } = this.options;
    const applyEach = async (fresh: readonly ReceivedMessage[], tx: Tx) => {
      for (const message of fresh) await this.options.apply(message, tx);
    };
    const duplicates = await database.$transaction(
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<{ event_id: string }[]>(
          `INSERT INTO inbox_event (consumer, event_id)
           SELECT $1, event_id FROM unnest($2::text[]) AS received(event_id)
           ON CONFLICT DO NOTHING
           RETURNING event_id`,
          consumer,
          ids,
        );
        const fresh = new Set(rows.map((row) => row.event_id));
        // the first delivery of an id in this batch applies it; later ones are duplicates
        const toApply = messages.filter((_, index) => fresh.delete(ids[index] as string));
        await withBatchSpan(toApply, consumer, () =>
          applyAll ? applyAll(toApply, tx) : applyEach(toApply, tx),
        );
        return messages.length - rows.length;
      },
      { timeout: 60_000 },
    );
    this.absorbed += duplicates;
  }
}
