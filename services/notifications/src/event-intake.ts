// What the notifications service consumes: the engagement, compliance and activity events and
// the dead letters of those three topics. Each message is applied once, in one transaction
// with its inbox record (each topic its own inbox consumer name, so two producers' event ids
// never absorb one another); once committed, the new notifications go to the live streams and
// the dispatcher is woken.
import { deadLetterTopic, fromKafkaRecord } from '@cttech/contracts';
import {
  EventConsumer,
  Inbox,
  UnprocessableEventError,
  type ConsumerLogger,
  type EventBroker,
  type EventHandler,
  type ReceivedMessage,
  type RetryPolicy,
} from '@cttech/messaging';
import type { NotificationsDatabase, NotificationsTransaction } from './database.ts';
import type { NotificationView } from './in-app/notification-views.ts';
import type { NotificationIntake } from './notification-intake.ts';
import { deadLetterReport, type Occurrence } from './rules/occurrence.ts';

export interface EventTopics {
  readonly engagement: string;
  readonly compliance: string;
  readonly activity: string;
}

export interface EventIntakeOptions {
  readonly database: NotificationsDatabase;
  readonly broker: EventBroker;
  readonly topics: EventTopics;
  /** The consumer group, which also names the inbox consumers (see inboxConsumerNames). */
  readonly groupId: string;
  readonly logger?: ConsumerLogger | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Called after each commit with the notifications it made. */
  readonly committed: (notifications: readonly NotificationView[]) => void;
}

/** Each topic's inbox consumer name: the group, with a suffix for all but the engagement topic. */
export function inboxConsumerNames(groupId: string, topics: EventTopics): Map<string, string> {
  return new Map([
    [topics.engagement, groupId],
    [topics.compliance, `${groupId}.compliance`],
    [topics.activity, `${groupId}.activities`],
    ...[topics.engagement, topics.compliance, topics.activity].map(
      (topic) => [deadLetterTopic(topic), `${groupId}.dead-letters`] as const,
    ),
  ]);
}

export class NotificationEventIntake {
  private readonly options: EventIntakeOptions;
  private readonly inboxes: Map<string, Inbox<NotificationsTransaction>>;
  private readonly deadLetterTopics: Set<string>;
  /** The occurrence each inbox message reports, for `apply`. */
  private readonly occurrences = new WeakMap<ReceivedMessage, Occurrence>();
  /** The notifications each applied message made, published once its transaction commits. */
  private readonly made = new WeakMap<ReceivedMessage, readonly NotificationView[]>();

  constructor(intake: NotificationIntake, options: EventIntakeOptions) {
    this.options = options;
    const { topics, groupId, database } = options;
    this.deadLetterTopics = new Set(
      [topics.engagement, topics.compliance, topics.activity].map(deadLetterTopic),
    );
    const inboxOf = new Map<string, Inbox<NotificationsTransaction>>();
    this.inboxes = new Map(
      [...inboxConsumerNames(groupId, topics)].map(([topic, consumer]) => {
        const inbox =
          inboxOf.get(consumer) ??
          new Inbox<NotificationsTransaction>({
            database,
            consumer,
            apply: async (message, tx) => {
              const occurrence = this.occurrences.get(message);
              if (!occurrence) throw new Error('a message reached the inbox unprepared');
              this.made.set(message, await intake.record(tx, occurrence));
            },
          });
        inboxOf.set(consumer, inbox);
        return [topic, inbox] as const;
      }),
    );
  }

  /**
   * The message as its inbox takes it, with what it reports noted for `apply`. A dead letter is
   * applied once per place on its dead-letter topic (several consumers may dead-letter one
   * event: each is a failure of its own), so that place is its inbox id.
   */
  private prepare(message: ReceivedMessage): ReceivedMessage {
    if (this.deadLetterTopics.has(message.topic)) {
      const deadLetter = deadLetterReport(message);
      if (!deadLetter)
        throw new UnprocessableEventError('a dead letter without its reason headers');
      const inboxMessage = { ...message, headers: { ...message.headers, ce_id: deadLetter.id } };
      this.occurrences.set(inboxMessage, { kind: 'dead-letter', deadLetter });
      return inboxMessage;
    }
    const parsed = fromKafkaRecord(message);
    if (!parsed.ok) throw new UnprocessableEventError(parsed.reason);
    this.occurrences.set(message, { kind: 'event', event: parsed.event });
    return message;
  }

  private inboxFor(topic: string): Inbox<NotificationsTransaction> {
    const inbox = this.inboxes.get(topic);
    if (!inbox) throw new UnprocessableEventError(`the topic ${topic} is not consumed here`);
    return inbox;
  }

  /** After a commit: what the messages made goes out (each message's once). */
  private publish(messages: readonly ReceivedMessage[]): void {
    const notifications = messages.flatMap((message) => {
      const made = this.made.get(message) ?? [];
      this.made.delete(message);
      return made;
    });
    if (notifications.length > 0) this.options.committed(notifications);
  }

  private async applyRun(messages: readonly ReceivedMessage[]): Promise<void> {
    const prepared = messages.map((message) => this.prepare(message));
    const inbox = this.inboxFor(messages[0]?.topic ?? '');
    if (prepared.length === 1) await inbox.handle(prepared[0] as ReceivedMessage);
    else await inbox.handleBatch(prepared);
    this.publish(prepared);
  }

  private readonly handler: EventHandler = {
    handle: (message) => this.applyRun([message]),
    // a batch is one partition's, so one topic's; split it all the same rather than assume
    handleBatch: async (messages) => {
      let start = 0;
      while (start < messages.length) {
        const topic = messages[start]?.topic;
        let end = start + 1;
        while (end < messages.length && messages[end]?.topic === topic) end += 1;
        await this.applyRun(messages.slice(start, end));
        start = end;
      }
    },
  };

  /** One consumer group on the three topics and their dead-letter topics. */
  consumer(): EventConsumer {
    const { broker, groupId, logger, retry, topics } = this.options;
    const eventTopics = [topics.engagement, topics.compliance, topics.activity];
    return new EventConsumer({
      broker,
      groupId,
      topics: [...eventTopics, ...eventTopics.map(deadLetterTopic)],
      handler: this.handler,
      ...(logger ? { logger } : {}),
      ...(retry ? { retry } : {}),
    });
  }
}
