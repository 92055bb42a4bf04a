// The gateway's ports for operators: dead letters and consumer lag (Kafka), and an overview
// of the engagement workflows (Temporal visibility). Adapters implement them; tests stub them.
import type { EngagementStage } from '@cttech/domain';
import { topics } from '@cttech/contracts';
import type { DeadLetter } from '@cttech/messaging';

/** The topics consumers read, whose dead letters operators may list and replay. */
export const knownTopics: readonly string[] = Object.values(topics);

/** A dead letter as operators see it: where it is, where it failed, why (not its payload). */
export type DeadLetterSummary = Omit<DeadLetter, 'message'>;

/** A consumer group the operators watch, and the topics it reads. */
export interface ConsumerGroup {
  readonly groupId: string;
  readonly topics: readonly string[];
}

export interface ConsumerGroupLag extends ConsumerGroup {
  /** Messages on its topics the group has not committed yet, all partitions together. */
  readonly lag: number;
  readonly partitions: readonly { topic: string; partition: number; lag: number }[];
}

export interface MessageOperations {
  deadLetters(topic: string): Promise<DeadLetterSummary[]>;
  /** Delivers the dead letter again to its topic; NOT_FOUND when there is no such letter. */
  replayDeadLetter(
    topic: string,
    at: { readonly partition: number; readonly offset: string },
  ): Promise<DeadLetterSummary>;
  consumerLag(): Promise<ConsumerGroupLag[]>;
}

/**
 * The last error of a workflow, an activity or a workflow task, as operators see it: messages
 * and types only. No stack traces, no payloads or details (they may hold personal data).
 */
export interface WorkflowError {
  /**
   * What went wrong: the failure's message, the termination's reason, or that the workflow
   * timed out. Cut to 500 characters.
   */
  readonly message: string;
  /** The application failure's type (e.g. `Error`, `ValidationError`), when it names one. */
  readonly type: string | undefined;
  /**
   * What caused it, outermost first: e.g. an activity's own error under "Activity task
   * failed". At most 5; empty when the failure has no cause.
   */
  readonly causes: readonly { readonly message: string; readonly type: string | undefined }[];
}

/** A closed engagement workflow that did not end well. */
export interface FailedEngagement {
  readonly engagementId: string;
  /** FAILED, TIMED_OUT or TERMINATED. */
  readonly workflowStatus: string;
  readonly openedAt: string;
  readonly closedAt: string | undefined;
  /**
   * Why it ended, from the close event of its history: the workflow's failure (FAILED), that
   * it timed out (TIMED_OUT) or the termination's reason (TERMINATED). Undefined when that
   * history can no longer be read (e.g. removed after the namespace's retention period).
   */
  readonly lastError: WorkflowError | undefined;
}

/** An activity of a running engagement that has failed and is being retried. */
export interface FailingActivity {
  /** The activity's name in the worker, e.g. `publishEngagementEvents`. */
  readonly activityType: string;
  readonly activityId: string;
  /** The attempt under way or waiting to start: 2 means it has failed once. */
  readonly attempt: number;
  /** The retry policy's limit; undefined when it retries without limit. */
  readonly maximumAttempts: number | undefined;
  /** The failure of its latest failed attempt. */
  readonly lastError: WorkflowError | undefined;
  /** When its latest attempt ended. */
  readonly lastAttemptEndedAt: string | undefined;
  /** When the next attempt is due, while it waits to retry; undefined while an attempt runs. */
  readonly nextAttemptAt: string | undefined;
  /** When the current attempt was scheduled (while it waits to retry: when it is due). */
  readonly scheduledAt: string | undefined;
  /** Whether an operator paused it. */
  readonly paused: boolean;
}

/** A workflow task of a running engagement that has failed and is being retried. */
export interface FailingWorkflowTask {
  /** The attempt under way or waiting to start: 2 means it has failed once. */
  readonly attempt: number;
  /** When the attempt under way was scheduled. */
  readonly scheduledAt: string | undefined;
  /**
   * The failure recorded in the history: Temporal records the first failure of a run of
   * failed attempts (later attempts usually fail the same way). Undefined when not found
   * among the latest events.
   */
  readonly lastError: WorkflowError | undefined;
}

/**
 * A running engagement that is not progressing because something keeps failing: an activity
 * being retried (attempt 2 or later), or its workflow task failing again and again.
 */
export interface StuckEngagement {
  readonly engagementId: string;
  readonly openedAt: string;
  /** Its pending activities at attempt 2 or later (possibly none). */
  readonly failingActivities: readonly FailingActivity[];
  /** Its workflow task, when it is at attempt 2 or later; undefined otherwise. */
  readonly failingWorkflowTask: FailingWorkflowTask | undefined;
}

/** How many running engagements were looked at for {@link WorkflowOverview.stuck}. */
export interface StuckSearch {
  /** Running engagements described: the most recently started ones, at most `limit`. */
  readonly examined: number;
  /** The most running engagements one overview describes. */
  readonly limit: number;
  /** False when more engagements were running than `limit`: the older ones were not examined. */
  readonly complete: boolean;
}

export interface WorkflowOverview {
  /** Engagement workflows per execution status (RUNNING, COMPLETED, FAILED, ...). */
  readonly byExecutionStatus: Readonly<Record<string, number>>;
  /** Running engagements per stage. */
  readonly byStage: Readonly<Record<EngagementStage, number>>;
  /** The most recent failed, timed-out and terminated ones (at most 20), with their last error. */
  readonly failed: readonly FailedEngagement[];
  /** Running engagements whose activity or workflow task keeps failing, among those examined. */
  readonly stuck: readonly StuckEngagement[];
  /** Which running engagements were examined for `stuck`. */
  readonly stuckSearch: StuckSearch;
}

export interface WorkflowOperations {
  overview(): Promise<WorkflowOverview>;
}

export const MESSAGE_OPERATIONS = Symbol('MessageOperations');
export const WORKFLOW_OPERATIONS = Symbol('WorkflowOperations');
