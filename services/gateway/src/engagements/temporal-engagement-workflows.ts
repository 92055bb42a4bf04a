// The engagement workflows through Temporal: updates and queries defined by the workflow's
// contract, the list from Temporal's visibility on the engagement's search attributes.
import { openEngagement } from '@cttech/engagement-workflow/client';
import {
  cancelUpdate,
  engagementSearchAttributes,
  engagementStatusQuery,
  recordWorkUpdate,
  resumeUpdate,
  submitMilestoneUpdate,
  suspendUpdate,
  type EngagementStatus,
  type OpenEngagement,
} from '@cttech/engagement-workflow';
import {
  engagementStages,
  engagementStates,
  type EngagementStage,
  type EngagementState,
} from '@cttech/domain';
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import type {
  EngagementFilter,
  EngagementSummary,
  EngagementWorkflows,
  OpenEngagementCommand,
  UpdateOptions,
} from './engagement-workflows.ts';

/** Quotes a value for a visibility query (values are validated first; this is a second guard). */
function quoted(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

const idPattern = /^engagement-([A-Z]{2})-(\d{4})$/;

function oneOf<Value extends string>(allowed: readonly Value[], value: unknown): Value | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as Value)
    : null;
}

function summaryOf(info: WorkflowExecutionInfo): EngagementSummary {
  const attributes = info.typedSearchAttributes;
  const [, idState = '', idCycle = '0'] = idPattern.exec(info.workflowId) ?? [];
  return {
    engagementId: info.workflowId,
    partnerState: attributes.get(engagementSearchAttributes.partnerState) ?? idState,
    cycle: Number(attributes.get(engagementSearchAttributes.programmeCycle) ?? idCycle),
    stage: oneOf<EngagementStage>(
      engagementStages,
      attributes.get(engagementSearchAttributes.stage),
    ),
    state: oneOf<EngagementState>(
      engagementStates,
      attributes.get(engagementSearchAttributes.state),
    ),
    awaitingReview: attributes.get(engagementSearchAttributes.awaitingReview) ?? false,
    overdue: attributes.get(engagementSearchAttributes.overdue) ?? false,
    workflowStatus: info.status.name,
    openedAt: info.startTime.toISOString(),
  };
}

export class TemporalEngagementWorkflows implements EngagementWorkflows {
  private readonly client: Client;
  private readonly taskQueue: string;

  constructor(client: Client, taskQueue: string) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  async open({ partnerState, cycle, openedBy, deadlines }: OpenEngagementCommand) {
    const open: OpenEngagement = { partnerState, cycle, openedBy, deadlines };
    // the same request twice finds the first; a closed engagement is not opened again
    const handle = await openEngagement(this.client, open, this.taskQueue);
    return handle.workflowId;
  }

  async list(filter: EngagementFilter): Promise<EngagementSummary[]> {
    const { partnerState, programmeCycle, stage, state, awaitingReview, overdue } =
      engagementSearchAttributes;
    const conditions = [
      `WorkflowType = 'engagementWorkflow'`,
      `TaskQueue = ${quoted(this.taskQueue)}`,
    ];
    if (!filter.partnerStates.includes('*')) {
      conditions.push(`${partnerState.name} IN (${filter.partnerStates.map(quoted).join(', ')})`);
    }
    if (filter.cycle !== undefined) {
      conditions.push(`${programmeCycle.name} = ${quoted(String(filter.cycle))}`);
    }
    if (filter.stage) conditions.push(`${stage.name} = ${quoted(filter.stage)}`);
    if (filter.state) conditions.push(`${state.name} = ${quoted(filter.state)}`);
    if (filter.awaitingReview !== undefined) {
      conditions.push(`${awaitingReview.name} = ${String(filter.awaitingReview)}`);
    }
    if (filter.overdue !== undefined) {
      conditions.push(`${overdue.name} = ${String(filter.overdue)}`);
    }
    const summaries: EngagementSummary[] = [];
    const executions = this.client.workflow.list({
      query: conditions.join(' AND '),
      pageSize: Math.min(filter.limit, 1000),
    });
    for await (const info of executions) {
      summaries.push(summaryOf(info));
      if (summaries.length >= filter.limit) break;
    }
    return summaries;
  }

  status(engagementId: string): Promise<EngagementStatus> {
    return this.client.workflow.getHandle(engagementId).query(engagementStatusQuery);
  }

  recordWork(
    engagementId: string,
    work: Parameters<EngagementWorkflows['recordWork']>[1],
    options: UpdateOptions = {},
  ): Promise<EngagementStatus> {
    return this.client.workflow
      .getHandle(engagementId)
      .executeUpdate(recordWorkUpdate, { args: [work], ...updateId(options) });
  }

  submitMilestone(
    engagementId: string,
    { by, findingResponses }: Parameters<EngagementWorkflows['submitMilestone']>[1],
    options: UpdateOptions = {},
  ): Promise<EngagementStatus> {
    return this.client.workflow.getHandle(engagementId).executeUpdate(submitMilestoneUpdate, {
      args: [{ by, ...(findingResponses?.length ? { findingResponses } : {}) }],
      ...updateId(options),
    });
  }

  suspend(
    engagementId: string,
    change: { by: string; reason: string },
    options: UpdateOptions = {},
  ): Promise<EngagementStatus> {
    return this.client.workflow
      .getHandle(engagementId)
      .executeUpdate(suspendUpdate, { args: [change], ...updateId(options) });
  }

  resume(engagementId: string, by: string, options: UpdateOptions = {}) {
    return this.client.workflow
      .getHandle(engagementId)
      .executeUpdate(resumeUpdate, { args: [{ by }], ...updateId(options) });
  }

  cancel(
    engagementId: string,
    change: { by: string; reason: string },
    options: UpdateOptions = {},
  ): Promise<EngagementStatus> {
    return this.client.workflow
      .getHandle(engagementId)
      .executeUpdate(cancelUpdate, { args: [change], ...updateId(options) });
  }
}

function updateId({ idempotencyKey }: UpdateOptions): { updateId?: string } {
  return idempotencyKey ? { updateId: idempotencyKey } : {};
}
