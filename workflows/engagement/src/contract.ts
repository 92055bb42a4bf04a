// The engagement workflow's contract: what the worker and its callers (the gateway, the
// Kafka bridge, tests) share. Definitions only: no workflow logic, safe to import anywhere.
import type {
  CourseCode,
  EngagementAction,
  EngagementIndicators,
  EngagementPosition,
  EngagementStage,
  MilestoneStage,
  ReviewFinding,
  StageRecord,
  SubmissionKind,
  UnmetExitCriterion,
} from '@cttech/domain';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export const engagementTaskQueue = 'engagements';

const partnerStateCode = /^[A-Z]{2}$/;

/**
 * One engagement per partner state and programme cycle: opening it twice finds the same
 * workflow. `partnerState` is an ISO 3166-1 alpha-2 code ('KE'), `cycle` a year (2026).
 */
export function engagementWorkflowId(partnerState: string, cycle: number): string {
  if (!partnerStateCode.test(partnerState)) {
    throw new RangeError(
      `partnerState must be an ISO 3166-1 alpha-2 code such as KE, not ${partnerState}`,
    );
  }
  if (!Number.isInteger(cycle) || cycle < 2000 || cycle > 2100) {
    throw new RangeError(`cycle must be a year between 2000 and 2100, not ${cycle}`);
  }
  return `engagement-${partnerState}-${cycle}`;
}

export function trainingCourseWorkflowId(engagementWorkflowId: string, courseId: string): string {
  return `${engagementWorkflowId}-course-${courseId}`;
}

/** Deadlines in days, configurable per engagement when it is opened. */
export interface EngagementDeadlines {
  /** Time for the officer to complete a stage's work and submit its milestone. */
  readonly stageDays: number;
  /** Time for a compliance reviewer to decide a submitted milestone. */
  readonly reviewDays: number;
  /** The reminder goes to the reviewers this many days before the review is due. */
  readonly reviewReminderDaysBefore: number;
}

export const defaultDeadlines: EngagementDeadlines = {
  stageDays: 120,
  reviewDays: 14,
  reviewReminderDaysBefore: 3,
};

/** Past this many history events, a run continues as new even if the server has not suggested it. */
export const defaultHistoryEventLimit = 10_000;

export interface OpenEngagement {
  readonly partnerState: string;
  readonly cycle: number;
  readonly openedBy: string;
  readonly deadlines?: Partial<EngagementDeadlines> | undefined;
  /**
   * For tests and operators: continue as new once a run's history holds more than this many
   * events ({@link defaultHistoryEventLimit} when not given; 20 to 50,000). Carried into every
   * continued run. The server's own suggestion to continue as new applies either way.
   */
  readonly historyEventLimit?: number | undefined;
}

export interface RecordWork {
  readonly kind: SubmissionKind;
  readonly submission: unknown;
  readonly by: string;
}

/** The officer's answer to one finding, by its place in `openFindings` (from 0). */
export interface FindingResponse {
  readonly finding: number;
  readonly response: string;
}

export interface SubmitMilestone {
  readonly by: string;
  /** After "changes requested": an answer to every open finding. */
  readonly findingResponses?: readonly FindingResponse[] | undefined;
}

/** A finding of the last "changes requested", with the officer's answer to it. */
export interface AnsweredFinding {
  readonly criterionId?: string | undefined;
  readonly text: string;
  readonly response: string;
}

/** A compliance reviewer's decision, delivered from the compliance service's event. */
export interface DecideMilestone {
  /** The decision event's id; the update id is the same, so a redelivery is harmless. */
  readonly decisionId: string;
  readonly reviewRequestId: string;
  readonly decidedBy: string;
  readonly decision: unknown;
}

export interface Suspend {
  readonly by: string;
  readonly reason: string;
  /**
   * A compliance reviewer's hold for a human-rights concern (from the compliance service's
   * event): while it holds, only lifting it resumes the engagement.
   */
  readonly holdId?: string | undefined;
}

export interface Resume {
  readonly by: string;
  /** The hold whose lifting resumes the engagement; absent for the programme manager's resume. */
  readonly holdId?: string | undefined;
}

/** A hold for a human-rights concern keeping the engagement suspended. */
export interface HumanRightsHold {
  readonly holdId: string;
  readonly placedBy: string;
  readonly placedAt: string;
}

export interface Cancel {
  readonly by: string;
  readonly reason: string;
}

/** One entry of the engagement's history: who did what, when, and where it led. */
export interface EngagementTransition {
  readonly at: string;
  readonly by: string;
  readonly action: EngagementAction | 'OPEN' | 'DEADLINE';
  readonly from: EngagementPosition;
  readonly to: EngagementPosition;
  readonly note?: string | undefined;
}

export type Role = 'PROGRAMME_OFFICER' | 'COMPLIANCE_REVIEWER' | 'PROGRAMME_MANAGER';

export interface PendingWork {
  readonly on: Role;
  readonly what: string;
  readonly since: string;
  readonly dueAt?: string | undefined;
}

export type CourseStatus =
  'SCHEDULED' | 'IN_PROGRESS' | 'AWAITING_DELIVERY' | 'DELIVERED' | 'CANCELLED';

export interface TrainingCourseProgress {
  readonly courseId: string;
  readonly course: CourseCode;
  readonly status: CourseStatus;
}

/** What a training course's child workflow reports to its engagement. */
export interface CourseStatusReport {
  readonly courseId: string;
  readonly status: CourseStatus;
}

export interface PendingReview {
  readonly reviewRequestId: string;
  readonly stage: MilestoneStage;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly dueAt: string;
  readonly reminded: boolean;
  readonly escalated: boolean;
  /** The findings this submission answers (after "changes requested"), for the reviewer. */
  readonly answeredFindings?: readonly AnsweredFinding[] | undefined;
}

/** Everything an officer, reviewer or operator needs to know about one engagement. */
export interface EngagementStatus {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
  readonly stage: EngagementStage;
  readonly state: EngagementPosition['state'];
  readonly position: EngagementPosition;
  readonly allowedActions: readonly EngagementAction[];
  readonly pending: PendingWork | null;
  readonly deadlines: EngagementDeadlines & {
    readonly stageDueAt: string | null;
    readonly reviewDueAt: string | null;
  };
  readonly overdue: boolean;
  readonly pendingReview: PendingReview | null;
  /** Findings of the last "changes requested" decision, for the officer to answer. */
  readonly openFindings: readonly ReviewFinding[];
  /** What the current stage still lacks before its milestone can be submitted. */
  readonly unmetExitCriteria: readonly UnmetExitCriterion[];
  readonly record: StageRecord;
  readonly trainingCourses: readonly TrainingCourseProgress[];
  readonly indicators: EngagementIndicators;
  readonly history: readonly EngagementTransition[];
  /** The human-rights hold keeping the engagement suspended, if there is one. */
  readonly humanRightsHold: HumanRightsHold | null;
  /** Runs continued as new so far (the history is carried over). */
  readonly continuedAsNew: number;
}

export const recordWorkUpdate = defineUpdate<EngagementStatus, [RecordWork]>('recordWork');
export const submitMilestoneUpdate = defineUpdate<EngagementStatus, [SubmitMilestone]>(
  'submitMilestone',
);
export const decideMilestoneUpdate = defineUpdate<EngagementStatus, [DecideMilestone]>(
  'decideMilestone',
);
export const suspendUpdate = defineUpdate<EngagementStatus, [Suspend]>('suspend');
export const resumeUpdate = defineUpdate<EngagementStatus, [Resume]>('resume');
export const cancelUpdate = defineUpdate<EngagementStatus, [Cancel]>('cancel');
export const engagementStatusQuery = defineQuery<EngagementStatus>('engagementStatus');

/** From a training course's child workflow to its engagement. */
export const courseStatusSignal = defineSignal<[CourseStatusReport]>('courseStatus');
/** From the engagement to a training course's child workflow: its delivery is recorded. */
export const courseDeliveredSignal = defineSignal('courseDelivered');

/** What operators filter engagements by in the Temporal UI and the console. */
export const engagementSearchAttributes = {
  partnerState: defineSearchAttributeKey('PartnerState', SearchAttributeType.KEYWORD),
  programmeCycle: defineSearchAttributeKey('ProgrammeCycle', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('EngagementStage', SearchAttributeType.KEYWORD),
  state: defineSearchAttributeKey('EngagementState', SearchAttributeType.KEYWORD),
  awaitingReview: defineSearchAttributeKey('AwaitingReview', SearchAttributeType.BOOL),
  overdue: defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL),
} as const;
