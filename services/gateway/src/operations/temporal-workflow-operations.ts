// An overview of the engagement workflows from Temporal's visibility: counts per execution
// status and, of the running ones, per stage; and the latest that failed, timed out or were
// terminated.
import { engagementSearchAttributes } from '@cttech/engagement-workflow';
import { engagementStages, type EngagementStage } from '@cttech/domain';
import type { Client } from '@temporalio/client';
import { GatewayError } from '../problem.ts';
import type { FailedEngagement, WorkflowOperations, WorkflowOverview } from './operations.ts';

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

const failedLimit = 20;

function quoted(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
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
      const [byExecutionStatus, byStage, failed] = await Promise.all([
        this.countByExecutionStatus(),
        this.countByStage(),
        this.latestFailed(),
      ]);
      return { byExecutionStatus, byStage, failed };
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

  private async latestFailed(): Promise<FailedEngagement[]> {
    const failed: FailedEngagement[] = [];
    const executions = this.client.workflow.list({
      query: `${this.engagements} AND ExecutionStatus IN ('Failed', 'TimedOut', 'Terminated')`,
      pageSize: failedLimit,
    });
    for await (const info of executions) {
      failed.push({
        engagementId: info.workflowId,
        workflowStatus: info.status.name,
        openedAt: info.startTime.toISOString(),
        closedAt: info.closeTime?.toISOString(),
      });
      if (failed.length >= failedLimit) break;
    }
    return failed;
  }
}
