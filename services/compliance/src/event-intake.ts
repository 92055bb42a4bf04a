import { fromKafkaRecord } from '@cttech/contracts';
import {
  EventConsumer,
  Inbox,
  UnprocessableEventError,
  type ConsumerLogger,
  type EventBroker,
  type EventHandler,
  type ReceivedMessage,
} from '@cttech/messaging';
import type { ComplianceDatabase, ComplianceTransaction } from './database.ts';
import type { IndicatorFacts } from './indicators/indicator-facts.ts';
import type { ReviewIntake } from './reviews/review-intake.ts';

/** The inbox consumer name of the activity events: the group's name with this suffix. */
export const activityInboxSuffix = '.activities';

/**
 * What the compliance service consumes: the engagement workflow's events (a review for each
 * submitted milestone; the engagement facts of the indicators) and the activities service's
 * (each course's delivery, for the indicators). Each event is applied once, in one transaction
 * with its inbox record; each topic has its own inbox consumer name, so two producers' event
 * ids can never absorb one another.
 */
export class ComplianceEventIntake {
  private readonly reviews: ReviewIntake;
  private readonly indicatorFacts: IndicatorFacts;

  constructor(reviews: ReviewIntake, indicatorFacts: IndicatorFacts) {
    this.reviews = reviews;
    this.indicatorFacts = indicatorFacts;
  }

  /** Applies one event inside the inbox's transaction; types nothing here needs change nothing. */
  async apply(message: ReceivedMessage, tx: ComplianceTransaction): Promise<void> {
    const parsed = fromKafkaRecord(message);
    if (!parsed.ok) throw new UnprocessableEventError(parsed.reason);
    const { event } = parsed;
    if (event.type === 'engagement.milestone-submitted') {
      await this.reviews.openReview(event, tx);
    }
    await this.indicatorFacts.apply(event, tx);
  }

  /** One consumer group on both topics, each topic's messages through its own inbox. */
  consumer(options: {
    readonly database: ComplianceDatabase;
    readonly broker: EventBroker;
    readonly engagementEventsTopic: string;
    readonly activityEventsTopic: string;
    readonly groupId: string;
    readonly logger?: ConsumerLogger | undefined;
  }): EventConsumer {
    const inbox = (consumer: string) =>
      new Inbox({
        database: options.database,
        consumer,
        apply: (message, tx: ComplianceTransaction) => this.apply(message, tx),
      });
    const engagementInbox = inbox(options.groupId);
    const activityInbox = inbox(`${options.groupId}${activityInboxSuffix}`);
    const inboxOf = (message: ReceivedMessage) =>
      message.topic === options.activityEventsTopic ? activityInbox : engagementInbox;
    const handler: EventHandler = {
      handle: (message) => inboxOf(message).handle(message),
      // a batch is one partition's, so one topic's; split it all the same rather than assume
      handleBatch: async (messages) => {
        let start = 0;
        while (start < messages.length) {
          const first = messages[start] as ReceivedMessage;
          let end = start + 1;
          while (end < messages.length && messages[end]?.topic === first.topic) end += 1;
          await inboxOf(first).handleBatch(messages.slice(start, end));
          start = end;
        }
      },
    };
    return new EventConsumer({
      broker: options.broker,
      groupId: options.groupId,
      topics: [options.engagementEventsTopic, options.activityEventsTopic],
      handler,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }
}
