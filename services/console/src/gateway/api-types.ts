// What the gateway's API answers, as the console reads it. The engagement's status is the
// workflow's own contract; the rest mirrors the answers of the services the gateway relays.
import type {
  EngagementStage,
  EngagementState,
  InstrumentType,
  MilestoneStage,
} from '@cttech/domain';

export type {
  EngagementStatus,
  EngagementTransition,
  PendingWork,
  TrainingCourseProgress,
} from '@cttech/engagement-workflow';

/** One engagement as `GET /engagements` lists it (from the workflow's search attributes). */
export interface EngagementSummary {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
  readonly stage: EngagementStage | null;
  readonly state: EngagementState | null;
  readonly awaitingReview: boolean;
  readonly overdue: boolean;
  /** The workflow's execution status: RUNNING, COMPLETED, TERMINATED, ... */
  readonly workflowStatus: string;
  readonly openedAt: string;
}

export interface EngagementList {
  readonly engagements: readonly EngagementSummary[];
}

export type ReviewStatus = 'OPEN' | 'DECIDED';

/** A review in the reviewers' queue. */
export interface ReviewSummary {
  readonly id: string;
  readonly reviewRequestId: string;
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
  readonly stage: MilestoneStage;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly status: ReviewStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly outcome: 'APPROVED' | 'CHANGES_REQUESTED' | null;
}

/** One criterion of a review's checklist, with the evidence it needs and its answer. */
export interface ChecklistCriterion {
  readonly criterionId: string;
  readonly title: string;
  readonly evidenceRequired: string | null;
  readonly verdict: 'MET' | 'NOT_MET' | 'NOT_APPLICABLE' | null;
  readonly comment: string | null;
}

export interface ReviewDetail extends ReviewSummary {
  readonly checklist: readonly ChecklistCriterion[];
  readonly findings: readonly { readonly criterionId: string | null; readonly text: string }[];
}

export type IndicatorId =
  | 'STRATEGIES_ADOPTED'
  | 'RECOMMENDATIONS_ACTED_ON'
  | 'WOMEN_IN_POLICY_DESIGN'
  | 'INVESTIGATORS_TRAINED'
  | 'INTERNATIONAL_INVESTIGATION'
  | 'PUBLIC_PRIVATE_MECHANISMS'
  | 'COURSES_WITH_HUMAN_RIGHTS_MODULE';

export interface AttendanceBySex {
  readonly women: number;
  readonly men: number;
  readonly undisclosed: number;
}

/** One indicator's figure, for a partner state or for the programme. */
export interface IndicatorFigure {
  readonly indicator: IndicatorId;
  readonly title: string;
  readonly value: number | null;
  readonly target: number;
  readonly targetPer: 'PARTNER_STATE' | 'PROGRAMME';
  readonly met: boolean | null;
  readonly statesMeetingTarget?: number;
  readonly bySex?: AttendanceBySex;
  readonly reason?: string;
}

/** One engagement's signed-off strategy adoption, on the timeline. */
export interface StrategyAdoption {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
  readonly instrumentType: InstrumentType;
  /** YYYY-MM-DD. */
  readonly adoptionDate: string;
}

export interface ProgrammeResults {
  readonly partnerStates: readonly {
    readonly partnerState: string;
    readonly engagements: number;
    readonly indicators: readonly IndicatorFigure[];
  }[];
  readonly total: {
    readonly partnerStates: number;
    readonly indicators: readonly IndicatorFigure[];
  };
  /** The same partner states' strategy adoptions, by adoption date (earliest first). */
  readonly strategyAdoptions: readonly StrategyAdoption[];
}

export interface WorkflowError {
  readonly message: string;
  readonly type?: string | undefined;
  readonly causes: readonly { readonly message: string; readonly type?: string | undefined }[];
}

export interface WorkflowOverview {
  readonly byExecutionStatus: Readonly<Record<string, number>>;
  readonly byStage: Readonly<Partial<Record<EngagementStage, number>>>;
  readonly failed: readonly {
    readonly engagementId: string;
    readonly workflowStatus: string;
    readonly openedAt: string;
    readonly closedAt?: string | undefined;
    readonly lastError?: WorkflowError | undefined;
  }[];
  readonly stuck: readonly {
    readonly engagementId: string;
    readonly openedAt: string;
    readonly failingActivities: readonly {
      readonly activityType: string;
      readonly attempt: number;
      readonly lastError?: WorkflowError | undefined;
      readonly lastAttemptEndedAt?: string | undefined;
      readonly nextAttemptAt?: string | undefined;
    }[];
    readonly failingWorkflowTask?:
      { readonly attempt: number; readonly lastError?: WorkflowError | undefined } | undefined;
  }[];
  readonly stuckSearch: {
    readonly examined: number;
    readonly limit: number;
    readonly complete: boolean;
  };
}

export interface ConsumerLag {
  readonly consumerGroups: readonly {
    readonly groupId: string;
    readonly topics: readonly string[];
    readonly lag: number;
    readonly partitions: readonly { topic: string; partition: number; lag: number }[];
  }[];
}

export interface DeadLetters {
  readonly deadLetters: readonly DeadLetter[];
}

export interface DeadLetter {
  readonly deadLetterTopic: string;
  readonly partition: number;
  readonly offset: string;
  readonly original: {
    readonly topic: string;
    readonly partition: number;
    readonly offset: string;
  };
  readonly eventType?: string | undefined;
  readonly reason: string;
  readonly consumer: string;
  readonly attempts: number;
  readonly deadLetteredAt: string;
}

/** `GET /health/ready`: every dependency up, or (from its 503 problem) those down and why. */
export interface Readiness {
  readonly status: 'ready' | 'not ready';
  readonly dependencies: Readonly<Record<string, 'up' | 'down'>>;
  readonly problems?: readonly { readonly field: string; readonly message: string }[];
}

/** One in-app notification, as the list gives it and the live stream pushes it. */
export interface InboxNotification {
  readonly id: string;
  readonly recipientId: string;
  readonly kind: 'EVENT' | 'DIGEST';
  readonly eventType: string;
  readonly engagementId: string | null;
  readonly partnerState: string | null;
  readonly title: string;
  readonly body: string;
  readonly occurredAt: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}
