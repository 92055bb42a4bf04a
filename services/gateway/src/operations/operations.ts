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

/** A closed engagement workflow that did not end well. */
export interface FailedEngagement {
  readonly engagementId: string;
  /** FAILED, TIMED_OUT or TERMINATED. */
  readonly workflowStatus: string;
  readonly openedAt: string;
  readonly closedAt: string | undefined;
}

export interface WorkflowOverview {
  /** Engagement workflows per execution status (RUNNING, COMPLETED, FAILED, ...). */
  readonly byExecutionStatus: Readonly<Record<string, number>>;
  /** Running engagements per stage. */
  readonly byStage: Readonly<Record<EngagementStage, number>>;
  /** The most recent failed, timed-out and terminated ones. */
  readonly failed: readonly FailedEngagement[];
}

export interface WorkflowOperations {
  overview(): Promise<WorkflowOverview>;
}

export const MESSAGE_OPERATIONS = Symbol('MessageOperations');
export const WORKFLOW_OPERATIONS = Symbol('WorkflowOperations');
