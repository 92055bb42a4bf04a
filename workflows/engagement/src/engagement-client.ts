// Opening an engagement from outside the worker (the gateway, tools, tests).
import type { Telemetry } from '@cttech/telemetry';
import { tracingClientInterceptors } from '@cttech/telemetry/temporal';
import {
  Client,
  type Connection,
  type WorkflowHandleWithFirstExecutionRunId,
} from '@temporalio/client';
import { engagementTaskQueue, engagementWorkflowId, type OpenEngagement } from './contract.ts';
import type { engagementWorkflow } from './engagement-workflow.ts';

export type EngagementHandle = WorkflowHandleWithFirstExecutionRunId<typeof engagementWorkflow>;

export interface EngagementClientOptions {
  readonly connection: Connection;
  readonly namespace: string;
  /** Traces each call, continuing the caller's active span into the workflow. */
  readonly telemetry?: Telemetry | undefined;
}

/** A Temporal client for engagements; with telemetry on, its calls carry the caller's trace. */
export function createEngagementClient({
  connection,
  namespace,
  telemetry,
}: EngagementClientOptions): Client {
  return new Client({
    connection,
    namespace,
    ...(telemetry?.exporting ? { interceptors: tracingClientInterceptors() } : {}),
  });
}

/**
 * Opens the engagement for a partner state and programme cycle, or finds the one already
 * open: the same request twice gives the same engagement. A closed (completed or cancelled)
 * engagement is not opened again for the same cycle.
 */
export async function openEngagement(
  client: Client,
  open: OpenEngagement,
  taskQueue: string = engagementTaskQueue,
): Promise<EngagementHandle> {
  return client.workflow.start<typeof engagementWorkflow>('engagementWorkflow', {
    taskQueue,
    workflowId: engagementWorkflowId(open.partnerState, open.cycle),
    args: [open],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
}
