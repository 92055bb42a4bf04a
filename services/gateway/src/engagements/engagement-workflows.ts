// The gateway's port to the engagement workflows: what the application service needs, in
// the programme's words. The Temporal adapter implements it; tests may stub it.
import type { EngagementStage, EngagementState, SubmissionKind } from '@cttech/domain';
import type { EngagementDeadlines, EngagementStatus } from '@cttech/engagement-workflow';

export interface OpenEngagementCommand {
  readonly partnerState: string;
  readonly cycle: number;
  readonly openedBy: string;
  readonly deadlines?: Partial<EngagementDeadlines> | undefined;
}

/** Filters of the engagement list; every one optional, all of them combined. */
export interface EngagementFilter {
  /** The partner states the caller may see: `['*']` for all. Never empty. */
  readonly partnerStates: readonly string[];
  readonly cycle?: number | undefined;
  readonly state?: EngagementState | undefined;
  readonly stage?: EngagementStage | undefined;
  readonly awaitingReview?: boolean | undefined;
  readonly overdue?: boolean | undefined;
  readonly limit: number;
}

/** One engagement as the list shows it (from the workflow's search attributes). */
export interface EngagementSummary {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
  readonly stage: EngagementStage | null;
  readonly state: EngagementState | null;
  readonly awaitingReview: boolean;
  readonly overdue: boolean;
  /** The workflow's own status: RUNNING, COMPLETED, TERMINATED, ... */
  readonly workflowStatus: string;
  readonly openedAt: string;
}

/** Sent with an update so that a retried request is applied once. */
export interface UpdateOptions {
  readonly idempotencyKey?: string | undefined;
}

export interface EngagementWorkflows {
  /**
   * Opens the engagement, or finds the one already open for the partner state and cycle;
   * resolves with its id once Temporal has the workflow (not waiting for the worker).
   */
  open(command: OpenEngagementCommand): Promise<string>;
  list(filter: EngagementFilter): Promise<EngagementSummary[]>;
  status(engagementId: string): Promise<EngagementStatus>;
  recordWork(
    engagementId: string,
    work: { kind: SubmissionKind; submission: unknown; by: string },
    options?: UpdateOptions,
  ): Promise<EngagementStatus>;
  submitMilestone(
    engagementId: string,
    submission: {
      by: string;
      findingResponses?: readonly { finding: number; response: string }[] | undefined;
    },
    options?: UpdateOptions,
  ): Promise<EngagementStatus>;
  suspend(
    engagementId: string,
    change: { by: string; reason: string },
    options?: UpdateOptions,
  ): Promise<EngagementStatus>;
  resume(engagementId: string, by: string, options?: UpdateOptions): Promise<EngagementStatus>;
  cancel(
    engagementId: string,
    change: { by: string; reason: string },
    options?: UpdateOptions,
  ): Promise<EngagementStatus>;
}

export const ENGAGEMENT_WORKFLOWS = Symbol('EngagementWorkflows');
