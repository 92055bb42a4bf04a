import { deadLetterTopic } from '@cttech/contracts';
import { withConsumerSpan } from '@cttech/telemetry';
import { trace } from '@opentelemetry/api';
import pRetry from 'p-retry';
import type { EventBroker, PartitionLag, ReceivedMessage, Subscription } from './broker.ts';
import { deadLetterHeaders } from './dead-letters.ts';

/**
 * Thrown by a handler for a message that can never succeed (unreadable, an unknown version,
 * an engagement that does not exist): it is dead-lettered at once, without retries.
 */
export class UnprocessableEventError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnprocessableEventError';
  }
}

export interface EventHandler {
  /** Applies one message. Throw {@link UnprocessableEventError} when retrying cannot help. */
  handle(message: ReceivedMessage): Promise<void>;
  /**
   * Applies a whole batch at once (one transaction) when it can; if it throws, the batch's
   * messages are handled one by one, each with its own retries.
   */
  handleBatch?(messages: readonly ReceivedMessage[]): Promise<void>;
}

export interface RetryPolicy {
  /** Attempts before a message is dead-lettered (the first included). */
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export interface ConsumerLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface EventConsumerOptions {
  readonly broker: EventBroker;
  /** The consumer group, which also names this consumer in dead letters. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: EventHandler;
  readonly retry?: Partial<RetryPolicy>;
  /** Partitions of the dead-letter topics this consumer creates when they are missing. */
  readonly deadLetterPartitions?: number;
  readonly logger?: ConsumerLogger;
}

export interface ConsumerCounts {
  /** Messages handled successfully (a duplicate absorbed by an inbox counts here too). */
  readonly handled: number;
  /** Attempts that failed and were tried again. */
  readonly retried: number;
  readonly deadLettered: number;
  /** Dead letters Kafka refused: those messages stay uncommitted and come back. */
  readonly deadLetterFailures: number;
}

const tracer = trace.getTracer('@cttech/messaging');

const defaultRetry: RetryPolicy = { attempts: 5, firstDelayMs: 200, maxDelayMs: 5_000 };

/** OpenTelemetry messaging attributes: where the message is, never its data. */
function messageAttributes(message: ReceivedMessage, groupId: string, attempt: number) {
  return {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': message.topic,
    'messaging.destination.partition.id': String(message.partition),
    'messaging.kafka.offset': Number(message.offset),
    'messaging.consumer.group.name': groupId,
    'messaging.message.id': message.headers.ce_id ?? '',
    'cttech.attempt': attempt,
  };
}

/** Describes a message for logs: where it is and which event, never its data. */
function describe(message: ReceivedMessage): string {
  const event = message.headers.ce_id ? ` event ${message.headers.ce_id}` : '';
  return `${message.topic}[${message.partition}]@${message.offset}${event}`;
}

/**
 * Consumes topics in a group and hands each partition's messages to a handler in order.
 * A failing message is retried with exponential backoff (the partition waits, so order
 * holds); when the attempts are spent, or at once for an {@link UnprocessableEventError},
 * it goes to `<topic>.dead-letter` with its original headers, the reason and this consumer's
 * name, and the consumer goes on. If the dead letter cannot be published the offset is not
 * committed: the message is delivered again rather than lost.
 */
export class EventConsumer {
  private readonly options: EventConsumerOptions;
  private readonly retry: RetryPolicy;
  private readonly logger: ConsumerLogger;
  private subscription: Subscription | undefined;
  private stopping = new AbortController();
  private readonly tally = { handled: 0, retried: 0, deadLettered: 0, deadLetterFailures: 0 };

  constructor(options: EventConsumerOptions) {
    this.options = options;
    this.retry = { ...defaultRetry, ...options.retry };
    this.logger = options.logger ?? console;
  }

  get counts(): ConsumerCounts {
    return { ...this.tally };
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    const { broker, groupId, topics, deadLetterPartitions = 1 } = this.options;
    await broker.ensureTopics(
      topics.map((topic) => ({ topic: deadLetterTopic(topic), partitions: deadLetterPartitions })),
    );
    this.stopping = new AbortController();
    this.subscription = await broker.subscribe({
      groupId,
      topics,
      eachBatch: (messages, progress) => this.consume(messages, progress),
    });
  }

  /** Finishes the message in hand, commits, and leaves the group. */
  async stop(): Promise<void> {
    this.stopping.abort();
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  /** How far this group trails the end of its topics, in messages, per partition. */
  lag(): Promise<PartitionLag[]> {
    return this.options.broker.consumerLag(this.options.groupId, this.options.topics);
  }

  private async consume(
    messages: readonly ReceivedMessage[],
    progress: Parameters<Parameters<EventBroker['subscribe']>[0]['eachBatch']>[1],
  ): Promise<void> {
    const last = messages.at(-1);
    if (!last) return;
    const { handler } = this.options;
    if (handler.handleBatch && messages.length > 1) {
      try {
        await handler.handleBatch(messages);
        this.tally.handled += messages.length;
        progress.processed(last);
        return;
      } catch (error) {
        this.logger.warn(
          `${this.options.groupId}: batch of ${messages.length} failed (${(error as Error).message}); handling them one by one`,
        );
      }
    }
    for (const message of messages) {
      if (!progress.stillAssigned()) return;
      await this.consumeOne(message);
      progress.processed(message);
      await progress.heartbeat();
    }
  }

  private async consumeOne(message: ReceivedMessage): Promise<void> {
    const { handler } = this.options;
    let attempts = 0;
    try {
      await pRetry(
        () => {
          attempts += 1;
          // a CONSUMER span continuing the producer's trace from the message's headers
          return withConsumerSpan(
            tracer,
            `${message.topic} process`,
            message.headers,
            messageAttributes(message, this.options.groupId, attempts),
            () => handler.handle(message),
          );
        },
        {
          retries: this.retry.attempts - 1,
          minTimeout: this.retry.firstDelayMs,
          maxTimeout: this.retry.maxDelayMs,
          factor: 2,
          randomize: true,
          // no retry once stopping; an attempt in flight is let finish (no abort signal)
          shouldRetry: ({ error }) =>
            !(error instanceof UnprocessableEventError) && !this.stopping.signal.aborted,
          onFailedAttempt: ({ error, retriesLeft }) => {
            if (retriesLeft > 0 && !(error instanceof UnprocessableEventError)) {
              this.tally.retried += 1;
              this.logger.warn(
                `${this.options.groupId}: ${describe(message)} failed (${error.message}); ${retriesLeft} retries left`,
              );
            }
          },
        },
      );
      this.tally.handled += 1;
    } catch (error) {
      // stopping mid-retry: leave the offset uncommitted so the next member takes it
      if (this.stopping.signal.aborted) throw error;
      await this.deadLetter(message, error as Error, attempts);
    }
  }

  private async deadLetter(
    message: ReceivedMessage,
    error: Error,
    attempts: number,
  ): Promise<void> {
    const { broker, groupId } = this.options;
    const reason = error.message || error.name;
    // when Kafka refuses, rethrow: the offset stays uncommitted and the message comes back
    const published = broker.publish([
      {
        topic: deadLetterTopic(message.topic),
        messages: [
          {
            key: message.key ?? '',
            value: message.value ?? '',
            headers: {
              ...message.headers,
              ...deadLetterHeaders({ message, reason, consumer: groupId, attempts }),
            },
          },
        ],
      },
    ]);
    try {
      await published;
    } catch (publishError) {
      this.tally.deadLetterFailures += 1;
      this.logger.error(
        `${groupId}: could not dead-letter ${describe(message)} (${(publishError as Error).message}); it stays uncommitted`,
      );
      throw publishError;
    }
    this.tally.deadLettered += 1;
    this.logger.error(
      `${groupId}: ${describe(message)} dead-lettered after ${attempts} attempt(s): ${reason}`,
    );
  }
}
