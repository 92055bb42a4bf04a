// The bridge from the services' events into the engagement workflows: a compliance decision
// becomes the workflow's decideMilestone update, a delivered training its recordWork update, a
// human-rights hold its suspend update and the hold's lifting its resume update.
import { fromKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import {
  EventConsumer,
  UnprocessableEventError,
  type ConsumerLogger,
  type EventBroker,
  type ReceivedMessage,
} from '@cttech/messaging';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import {
  decideMilestoneUpdate,
  recordWorkUpdate,
  resumeUpdate,
  suspendUpdate,
  type EngagementStatus,
} from './contract.ts';

export interface EngagementBridgeOptions {
  readonly broker: EventBroker;
  /** A Temporal client (with the tracing interceptors when telemetry is on). */
  readonly client: Client;
  /** The topics carrying compliance decisions and activity records. */
  readonly topics: readonly string[];
  readonly groupId?: string;
  readonly logger?: ConsumerLogger;
}

/** The update an event asks of its engagement, or nothing when the workflow does not wait for it. */
function deliver(client: Client, event: EngagementEvent): Promise<EngagementStatus> | undefined {
  const engagement = client.workflow.getHandle(event.engagementId);
  // the update id is the event id: a redelivered event is the same update, applied once
  switch (event.type) {
    case 'compliance.milestone-decided':
      return engagement.executeUpdate(decideMilestoneUpdate, {
        updateId: event.id,
        args: [
          {
            decisionId: event.id,
            reviewRequestId: event.data.reviewRequestId,
            decidedBy: event.data.decidedBy,
            decision: event.data.decision,
          },
        ],
      });
    case 'activities.training-delivered':
      return engagement.executeUpdate(recordWorkUpdate, {
        updateId: event.id,
        args: [
          {
            kind: 'TRAINING_DELIVERY',
            submission: event.data.delivery,
            by: event.data.deliveredBy,
          },
        ],
      });
    case 'compliance.human-rights-hold-placed':
      return engagement.executeUpdate(suspendUpdate, {
        updateId: event.id,
        args: [
          {
            by: event.data.placedBy,
            reason: `human-rights hold ${event.data.holdId} placed by compliance review`,
            holdId: event.data.holdId,
          },
        ],
      });
    case 'compliance.human-rights-hold-lifted':
      return engagement.executeUpdate(resumeUpdate, {
        updateId: event.id,
        args: [{ by: event.data.liftedBy, holdId: event.data.holdId }],
      });
    default:
      return undefined;
  }
}

/**
 * Delivers each event to its engagement's workflow. Events the workflow refuses (a decision
 * for a review it is not waiting for, the submitter deciding their own work) and events for an
 * engagement that does not exist are dead-lettered with the workflow's reason; Temporal being
 * unreachable is retried.
 */
export async function handleEngagementEvent(
  client: Client,
  message: ReceivedMessage,
): Promise<void> {
  const parsed = fromKafkaRecord(message);
  if (!parsed.ok) throw new UnprocessableEventError(parsed.reason);
  const { event } = parsed;
  try {
    await deliver(client, event);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      throw new UnprocessableEventError(
        `no open engagement ${event.engagementId} for ${event.type} ${event.id}`,
      );
    }
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause instanceof Error ? error.cause.message : error.message;
      throw new UnprocessableEventError(
        `engagement ${event.engagementId} refused ${event.type} ${event.id}: ${cause}`,
      );
    }
    throw error;
  }
}

/** The bridge's consumer group; start it with `start()`, stop it with `stop()`. */
export function createEngagementBridge({
  broker,
  client,
  topics,
  groupId = 'engagement-bridge',
  logger,
}: EngagementBridgeOptions): EventConsumer {
  return new EventConsumer({
    broker,
    groupId,
    topics,
    handler: { handle: (message) => handleEngagementEvent(client, message) },
    ...(logger ? { logger } : {}),
  });
}
