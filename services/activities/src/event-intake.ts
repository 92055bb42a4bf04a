// The consumer of the engagement workflow's events: each event once, through the inbox, applied
// to the engagement's activities in the same transaction as its inbox record.
import { fromKafkaRecord } from '@cttech/contracts';
import {
  EventConsumer,
  Inbox,
  UnprocessableEventError,
  type ConsumerLogger,
  type EventBroker,
  type ReceivedMessage,
} from '@cttech/messaging';
import type { ActivityPlanning } from './activities/activity-planning.ts';
import type { ActivitiesDatabase, ActivitiesTransaction } from './database.ts';

/**
 * What the activities service consumes: the engagement events that plan, re-plan and cancel
 * activities. An unreadable event is dead-lettered; types that plan nothing change nothing.
 */
export class ActivitiesEventIntake {
  private readonly planning: ActivityPlanning;

  constructor(planning: ActivityPlanning) {
    this.planning = planning;
  }

  async apply(message: ReceivedMessage, tx: ActivitiesTransaction): Promise<void> {
    const parsed = fromKafkaRecord(message);
    if (!parsed.ok) throw new UnprocessableEventError(parsed.reason);
    await this.planning.apply(parsed.event, tx);
  }

  /** The consumer group on the engagement topic; its inbox consumer is named after the group. */
  consumer(options: {
    readonly database: ActivitiesDatabase;
    readonly broker: EventBroker;
    readonly engagementEventsTopic: string;
    readonly groupId: string;
    readonly logger?: ConsumerLogger | undefined;
  }): EventConsumer {
    return new EventConsumer({
      broker: options.broker,
      groupId: options.groupId,
      topics: [options.engagementEventsTopic],
      handler: new Inbox({
        database: options.database,
        consumer: options.groupId,
        apply: (message, tx: ActivitiesTransaction) => this.apply(message, tx),
      }),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }
}
