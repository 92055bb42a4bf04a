// The steps an engagement test takes, as its people would: open an engagement, record work,
// submit a milestone, decide it; and the refusal an update met, as its caller sees it.
import { needsAssessment, kickOffReport } from '@cttech/domain/samples';
import type { Problem, SubmissionKind } from '@cttech/domain';
import {
  Client,
  WorkflowUpdateFailedError,
  type WorkflowHandleWithFirstExecutionRunId,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  decideMilestoneUpdate,
  engagementStatusQuery,
  engagementWorkflowId,
  recordWorkUpdate,
  submitMilestoneUpdate,
  type DecideMilestone,
  type EngagementStatus,
  type OpenEngagement,
  type PendingReview,
  type SubmitMilestone,
} from '../src/contract.ts';
import { engagementWorkflow } from '../src/engagement-workflow.ts';
import { approval, manager, officer, reviewer } from './engagement-harness.ts';

export type EngagementHandle = WorkflowHandleWithFirstExecutionRunId<typeof engagementWorkflow>;

/**
 * A client of the test server whose `result()` waits in real time. Awaiting a result through
 * `env.client` unlocks time skipping, and the server then jumps at once to the next timer of
 * any workflow in the environment (another test's deadline; the default 10-year run timeout),
 * even when the awaited workflow has already closed.
 */
export function realTimeClient(env: TestWorkflowEnvironment): Client {
  return new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
}

/** Opens one partner state's engagement on the task queue; its id is the production one. */
export async function openEngagement(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  partnerState: string,
  cycle: number,
  options: Pick<OpenEngagement, 'deadlines' | 'historyEventLimit'> = {},
): Promise<EngagementHandle> {
  return env.client.workflow.start(engagementWorkflow, {
    taskQueue,
    workflowId: engagementWorkflowId(partnerState, cycle),
    args: [{ partnerState, cycle, openedBy: manager, ...options }],
  });
}

export function status(handle: EngagementHandle): Promise<EngagementStatus> {
  return handle.query(engagementStatusQuery);
}

export function record(
  handle: EngagementHandle,
  kind: SubmissionKind,
  submission: unknown,
  by = officer,
): Promise<EngagementStatus> {
  return handle.executeUpdate(recordWorkUpdate, { args: [{ kind, submission, by }] });
}

export function submit(
  handle: EngagementHandle,
  by = officer,
  findingResponses?: SubmitMilestone['findingResponses'],
): Promise<EngagementStatus> {
  return handle.executeUpdate(submitMilestoneUpdate, {
    args: [{ by, ...(findingResponses ? { findingResponses } : {}) }],
  });
}

/** Delivers a decision as the compliance service's bridge does: the update id is the decision id. */
export function decide(
  handle: EngagementHandle,
  decision: DecideMilestone,
): Promise<EngagementStatus> {
  return handle.executeUpdate(decideMilestoneUpdate, {
    args: [decision],
    updateId: decision.decisionId,
  });
}

/** The review a status says is pending; fails the test when there is none. */
export function pendingReviewOf(status: EngagementStatus): PendingReview {
  if (!status.pendingReview) {
    throw new Error(`no review is pending: the engagement is ${status.stage}/${status.state}`);
  }
  return status.pendingReview;
}

/** The officer submits the stage's milestone and a reviewer approves it. */
export async function submitAndApprove(
  handle: EngagementHandle,
  by = officer,
  decidedBy = reviewer,
  findingResponses?: SubmitMilestone['findingResponses'],
): Promise<EngagementStatus> {
  const review = pendingReviewOf(await submit(handle, by, findingResponses));
  return decide(handle, approval(review.stage, review.reviewRequestId, decidedBy));
}

/** Kick-off and needs assessment recorded and signed off: the engagement is in TAILORED_TRAINING. */
export async function reachTailoredTraining(handle: EngagementHandle): Promise<EngagementStatus> {
  await record(handle, 'KICK_OFF_REPORT', kickOffReport);
  await submitAndApprove(handle);
  await record(handle, 'NEEDS_ASSESSMENT', needsAssessment);
  return submitAndApprove(handle);
}

/** Why the workflow refused an update: the refusal code, its message and its problems. */
export interface UpdateRefusal {
  readonly type: string | undefined | null;
  readonly message: string;
  readonly problems: readonly Problem[];
}

/** Awaits an update that must be refused, and returns the refusal; fails if it was accepted. */
export async function refusalOf(update: Promise<unknown>): Promise<UpdateRefusal> {
  let accepted: unknown;
  try {
    accepted = await update;
  } catch (error) {
    if (!(error instanceof WorkflowUpdateFailedError)) throw error;
    const { cause } = error;
    if (!(cause instanceof ApplicationFailure)) throw error;
    const problems = (cause.details?.[0] ?? []) as Problem[];
    return { type: cause.type, message: cause.message, problems };
  }
  throw new Error(`the update was accepted, a refusal was expected: ${JSON.stringify(accepted)}`);
}

/** The fields a refusal's problems name, in order. */
export function fieldsOf(refusal: UpdateRefusal): string[] {
  return refusal.problems.map((problem) => problem.field);
}
