// The operator's overview, from the operations routes: engagements by stage and by state,
// the failing or stuck workflows with their last error (and where Temporal's UI shows each),
// overdue reviews.
import { engagementStates, type EngagementState } from '@cttech/domain';
import type {
  EngagementSummary,
  ReviewSummary,
  WorkflowError,
  WorkflowOverview,
} from '../gateway/api-types.ts';

/** The local Temporal UI (`pnpm infra up`), namespace `default`. */
export const temporalUiUrl = 'http://127.0.0.1:58233';

export function temporalWorkflowUrl(workflowId: string, base: string = temporalUiUrl): string {
  return `${base}/namespaces/default/workflows/${encodeURIComponent(workflowId)}`;
}

/** How many of the engagements listed are in each state, every state shown. */
export function countByState(
  engagements: readonly EngagementSummary[],
): { state: EngagementState | null; count: number }[] {
  const counts = engagementStates.map(
    (state): { state: EngagementState | null; count: number } => ({
      state,
      count: engagements.filter((engagement) => engagement.state === state).length,
    }),
  );
  const unknown = engagements.filter((engagement) => engagement.state === null).length;
  return unknown > 0 ? [...counts, { state: null, count: unknown }] : counts;
}

/** A workflow that needs an operator: closed badly, or running but failing again and again. */
export interface TroubledWorkflow {
  readonly engagementId: string;
  /** FAILED, TIMED_OUT, TERMINATED, or STUCK for a running one. */
  readonly condition: string;
  /** What keeps failing, for a stuck one: the activity (attempt n) or the workflow task. */
  readonly failing: string | undefined;
  readonly lastError: string;
  readonly since: string | undefined;
}

/** The failed workflows, then the stuck ones, each with its last error in words. */
export function troubledWorkflows(overview: WorkflowOverview): TroubledWorkflow[] {
  const failed = overview.failed.map((workflow) => ({
    engagementId: workflow.engagementId,
    condition: workflow.workflowStatus,
    failing: undefined,
    lastError: errorWords(workflow.lastError),
    since: workflow.closedAt,
  }));
  const stuck = overview.stuck.flatMap((workflow) => [
    ...workflow.failingActivities.map((activity) => ({
      engagementId: workflow.engagementId,
      condition: 'STUCK',
      failing: `activity ${activity.activityType} (attempt ${activity.attempt})`,
      lastError: errorWords(activity.lastError),
      since: activity.lastAttemptEndedAt,
    })),
    ...(workflow.failingWorkflowTask === undefined
      ? []
      : [
          {
            engagementId: workflow.engagementId,
            condition: 'STUCK',
            failing: `workflow task (attempt ${workflow.failingWorkflowTask.attempt})`,
            lastError: errorWords(workflow.failingWorkflowTask.lastError),
            since: undefined,
          },
        ]),
  ]);
  return [...failed, ...stuck];
}

/** 'Activity task failed ← ValidationError: bad submission' (outermost first). */
export function errorWords(error: WorkflowError | undefined): string {
  if (error === undefined) return 'no error recorded (its history may have been removed)';
  const named = (part: { message: string; type?: string | undefined }) =>
    part.type === undefined ? part.message : `${part.type}: ${part.message}`;
  return [error, ...error.causes].map(named).join(' ← ');
}

/** The open reviews past their deadline, the longest overdue first. */
export function overdueReviews(reviews: readonly ReviewSummary[]): ReviewSummary[] {
  return reviews
    .filter((review) => review.status === 'OPEN' && review.overdue)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * The topics whose dead letters operators may list, as the API document names them (the
 * `topic` choices of `GET /operations/dead-letters`), so the console never lists them twice.
 */
export function deadLetterTopics(openApiDocument: unknown): string[] {
  const paths = (openApiDocument as { paths?: Record<string, unknown> } | null)?.paths ?? {};
  const route = paths['/api/v1/operations/dead-letters'] as
    { get?: { parameters?: { name?: string; schema?: { enum?: unknown[] } }[] } } | undefined;
  const topic = route?.get?.parameters?.find((parameter) => parameter.name === 'topic');
  return (topic?.schema?.enum ?? []).filter((name): name is string => typeof name === 'string');
}
