import { parseEngagementEvent, type EngagementEvent } from '@cttech/contracts';
import { ApplicationFailure } from '@temporalio/common';

/** Where the engagement's events go (Kafka in the worker, a recorder in tests). */
export interface EngagementEventPublisher {
  /** Publishes the event; publishing the same event id twice must be harmless. */
  publish(event: EngagementEvent): Promise<void>;
}

export interface EngagementActivityPorts {
  readonly events: EngagementEventPublisher;
}

/** The engagement workflow's activities, built over injected ports. */
export function createEngagementActivities({ events }: EngagementActivityPorts) {
  return {
    /**
     * Publishes one engagement event. Its id is derived from the workflow, so a retry
     * publishes the same event again, never a second one.
     */
    async publishEngagementEvent(event: EngagementEvent): Promise<void> {
      const parsed = parseEngagementEvent(event);
      if (!parsed.ok) {
        throw ApplicationFailure.nonRetryable(
          `event ${event.id} (${event.type}) does not match its contract: ${parsed.reason}`,
          'INVALID_EVENT',
        );
      }
      await events.publish(parsed.event);
    },
  };
}

export type EngagementActivities = ReturnType<typeof createEngagementActivities>;
