// An overview of the engagement workflows from Temporal: counts per execution status and, of
// the running ones, per stage (visibility); the latest that failed, timed out or were
// terminated, each with the error its history closed on; and the running ones that are stuck
// because an activity or the workflow task keeps failing (DescribeWorkflowExecution).
// Everything here is workflow ids, times and error messages: no payloads, no personal data.
import pMap from 'p-map';
import { engagementSearchAttributes } from '@cttech/engagement-workflow';
import { engagementStages, type EngagementStage } from '@cttech/domain';
import {
  isGrpcServiceError,
  WorkflowNotFoundError,
  type Client,
  type ProtoFailure,
  type WorkflowExecutionDescription,
  type WorkflowExecutionInfo,
  type WorkflowService,
} from '@temporalio/client';
import { optionalTsToDate } from '@temporalio/common/lib/time.js';
import { GatewayError } from '../problem.ts';
import type {
  FailedEngagement,
  FailingActivity,
  FailingWorkflowTask,
  StuckEngagement,
  StuckSearch,
  WorkflowError,
  WorkflowOperations,
  WorkflowOverview,
} from './operations.ts';

/** Visibility's names of execution statuses, and how the API names them. */
const executionStatuses = {
  Running: 'RUNNING',
  Completed: 'COMPLETED',
  Failed: 'FAILED',
  Canceled: 'CANCELLED',
  Terminated: 'TERMINATED',
  ContinuedAsNew: 'CONTINUED_AS_NEW',
  TimedOut: 'TIMED_OUT',
} as const;

/** The most failed engagements listed. */
const failedLimit = 20;
/** The most running engagements described for stuck ones (the most recently started). */
const stuckSearchLimit = 200;
/** The most calls to Temporal under way at once for one list (histories, descriptions). */
const concurrency = 8;
/** The latest events read (newest first) for a failing workflow task's recorded failure. */
const latestEventsRead = 20;
const messageLength = 500;
const causesShown = 5;

type HistoryRequest = Parameters<WorkflowService['getWorkflowExecutionHistory']>[0];
type HistoryEvent = NonNullable<
  NonNullable<
    Awaited<ReturnType<WorkflowService['getWorkflowExecutionHistory']>>['history']
  >['events']
>[number];
type PendingActivity = NonNullable<
  WorkflowExecutionDescription['raw']['pendingActivities']
>[number];

/** temporal.api.enums.v1.HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT */
const closeEventOnly: HistoryRequest['historyEventFilterType'] = 2;
type GrpcServiceError = typeof isGrpcServiceError extends (error: unknown) => error is infer Error
  ? Error
  : never;
/** gRPC's status code NOT_FOUND. */
const grpcNotFound: GrpcServiceError['code'] = 5;

function quoted(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function cut(text: string): string {
  return text.length <= messageLength ? text : `${text.slice(0, messageLength - 1)}…`;
}

function isoTime(timestamp: Parameters<typeof optionalTsToDate>[0]): string | undefined {
  return optionalTsToDate(timestamp)?.toISOString();
}

/** A failure's message and type, and its causes'; never its stack trace or details. */
function workflowErrorOf(failure: ProtoFailure): WorkflowError {
  const causes: { message: string; type: string | undefined }[] = [];
  for (let cause = failure.cause; cause && causes.length < causesShown; cause = cause.cause) {
    causes.push({ message: cut(cause.message ?? ''), type: typeOf(cause) });
  }
  return { message: cut(failure.message ?? ''), type: typeOf(failure), causes };
}

function typeOf(failure: ProtoFailure): string | undefined {
  return failure.applicationFailureInfo?.type || undefined;
}

/** The error a closed workflow's history ends with, from its close event. */
function closingError(event: HistoryEvent | undefined): WorkflowError | undefined {
  const failure = event?.workflowExecutionFailedEventAttributes?.failure;
  if (failure) return workflowErrorOf(failure);
  if (event?.workflowExecutionTimedOutEventAttributes) {
    return {
      message: 'The workflow timed out: its run or execution timeout passed',
      type: undefined,
      causes: [],
    };
  }
  const terminated = event?.workflowExecutionTerminatedEventAttributes;
  if (terminated) {
    return {
      message: cut(terminated.reason || 'Terminated without a reason'),
      type: undefined,
      causes: [],
    };
  }
  return undefined;
}

function failingActivity(activity: PendingActivity): FailingActivity {
  return {
    activityType: activity.activityType?.name ?? '',
    activityId: activity.activityId ?? '',
    attempt: activity.attempt ?? 0,
    maximumAttempts: activity.maximumAttempts || undefined,
    lastError: activity.lastFailure ? workflowErrorOf(activity.lastFailure) : undefined,
    lastAttemptEndedAt: isoTime(activity.lastAttemptCompleteTime),
    nextAttemptAt: isoTime(activity.nextAttemptScheduleTime),
    scheduledAt: isoTime(activity.scheduledTime),
    paused: activity.paused === true,
  };
}

/** Whether Temporal answered that the workflow (or its history) is not there (any more). */
function isNotFound(error: unknown): boolean {
  return (
    error instanceof WorkflowNotFoundError ||
    (isGrpcServiceError(error) && error.code === grpcNotFound)
  );
}

export class TemporalWorkflowOperations implements WorkflowOperations {
  private readonly client: Client;
  private readonly engagements: string;

  constructor(client: Client, taskQueue: string) {
    this.client = client;
    this.engagements = `WorkflowType = 'engagementWorkflow' AND TaskQueue = ${quoted(taskQueue)}`;
  }

  async overview(): Promise<WorkflowOverview> {
    try {
      const [byExecutionStatus, byStage, failed, { stuck, stuckSearch }] = await Promise.all([
        this.countByExecutionStatus(),
        this.countByStage(),
        this.latestFailed(),
        this.stuckEngagements(),
      ]);
      return { byExecutionStatus, byStage, failed, stuck, stuckSearch };
    } catch (error) {
      throw new GatewayError(
        'DEPENDENCY_UNAVAILABLE',
        'Temporal did not answer; try again later',
        [],
        {
          cause: error,
        },
      );
    }
  }

  private async count(condition: string): Promise<number> {
    return (await this.client.workflow.count(`${this.engagements} AND ${condition}`)).count;
  }

  private async countByExecutionStatus(): Promise<Record<string, number>> {
    const entries = await Promise.all(
      Object.entries(executionStatuses).map(
        async ([visibility, name]) =>
          [name, await this.count(`ExecutionStatus = ${quoted(visibility)}`)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }

  private async countByStage(): Promise<Record<EngagementStage, number>> {
    const { stage } = engagementSearchAttributes;
    const entries = await Promise.all(
      engagementStages.map(
        async (name) =>
          [
            name,
            await this.count(`ExecutionStatus = 'Running' AND ${stage.name} = ${quoted(name)}`),
          ] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<EngagementStage, number>;
  }

  /** Up to `limit` executions matching `condition`, in visibility's order (newest first). */
  private async list(condition: string, limit: number): Promise<WorkflowExecutionInfo[]> {
    const executions: WorkflowExecutionInfo[] = [];
    if (limit < 1) return executions;
    const listed = this.client.workflow.list({
      query: `${this.engagements} AND ${condition}`,
      pageSize: Math.min(limit, 1000),
    });
    for await (const info of listed) {
      executions.push(info);
      if (executions.length >= limit) break;
    }
    return executions;
  }

  private async latestFailed(): Promise<FailedEngagement[]> {
    const executions = await this.list(
      `ExecutionStatus IN ('Failed', 'TimedOut', 'Terminated')`,
      failedLimit,
    );
    return pMap(
      executions,
      async (info) => ({
        engagementId: info.workflowId,
        workflowStatus: info.status.name,
        openedAt: info.startTime.toISOString(),
        closedAt: info.closeTime?.toISOString(),
        lastError: closingError(await this.closeEvent(info)),
      }),
      { concurrency },
    );
  }

  /** The event the run's history closed with; undefined when that history is gone. */
  private async closeEvent(info: WorkflowExecutionInfo): Promise<HistoryEvent | undefined> {
    try {
      const { history } = await this.client.workflowService.getWorkflowExecutionHistory({
        namespace: this.client.options.namespace,
        execution: { workflowId: info.workflowId, runId: info.runId },
        historyEventFilterType: closeEventOnly,
        maximumPageSize: 1,
      });
      return history?.events?.at(-1);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async stuckEngagements(): Promise<{
    stuck: StuckEngagement[];
    stuckSearch: StuckSearch;
  }> {
    // one more than described, to tell whether some were left out
    const running = await this.list(`ExecutionStatus = 'Running'`, stuckSearchLimit + 1);
    const examined = running.slice(0, stuckSearchLimit);
    const found = await pMap(examined, (info) => this.stuck(info), { concurrency });
    return {
      stuck: found.filter((engagement) => engagement !== undefined),
      stuckSearch: {
        examined: examined.length,
        limit: stuckSearchLimit,
        complete: running.length <= stuckSearchLimit,
      },
    };
  }

  /** The engagement, if an activity or its workflow task is being retried. */
  private async stuck(info: WorkflowExecutionInfo): Promise<StuckEngagement | undefined> {
    let description: WorkflowExecutionDescription;
    try {
      description = await this.client.workflow.getHandle(info.workflowId, info.runId).describe();
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    if (description.status.name !== 'RUNNING') return undefined;
    const { pendingActivities, pendingWorkflowTask } = description.raw;
    const failingActivities = (pendingActivities ?? [])
      .filter((activity) => (activity.attempt ?? 0) > 1)
      .map(failingActivity);
    const taskAttempt = pendingWorkflowTask?.attempt ?? 0;
    const failingWorkflowTask: FailingWorkflowTask | undefined =
      taskAttempt > 1
        ? {
            attempt: taskAttempt,
            scheduledAt: isoTime(pendingWorkflowTask?.scheduledTime),
            lastError: await this.workflowTaskFailure(info),
          }
        : undefined;
    if (failingActivities.length === 0 && failingWorkflowTask === undefined) return undefined;
    return {
      engagementId: info.workflowId,
      openedAt: info.startTime.toISOString(),
      failingActivities,
      failingWorkflowTask,
    };
  }

  /** The latest workflow task failure recorded among the run's latest events. */
  private async workflowTaskFailure(
    info: WorkflowExecutionInfo,
  ): Promise<WorkflowError | undefined> {
    try {
      const { history } = await this.client.workflowService.getWorkflowExecutionHistoryReverse({
        namespace: this.client.options.namespace,
        execution: { workflowId: info.workflowId, runId: info.runId },
        maximumPageSize: latestEventsRead,
      });
      const failure = history?.events?.find(
        (event) => event.workflowTaskFailedEventAttributes?.failure,
      )?.workflowTaskFailedEventAttributes?.failure;
      return failure ? workflowErrorOf(failure) : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
