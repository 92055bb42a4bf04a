// The engagement changes the benchmark times, each as our API does it and as a raw
// @temporalio/client call does the same to the workflow: opening an engagement, recording its
// kick-off report, submitting its kick-off milestone. The raw calls take what the gateway's
// Temporal adapter (src/engagements/temporal-engagement-workflows.ts) and openEngagement
// (@cttech/engagement-workflow/client) pass: workflow type, task queue, id, policies, arguments.
import {
  engagementStatusQuery,
  engagementWorkflowId,
  recordWorkUpdate,
  submitMilestoneUpdate,
  type EngagementDeadlines,
  type EngagementStatus,
  type OpenEngagement,
} from '@cttech/engagement-workflow';
import { kickOffReport } from '@cttech/domain/samples';
import type { Measurement } from '@cttech/testing';
import type { Client } from '@temporalio/client';
import pMap from 'p-map';
import { performance } from 'node:perf_hooks';
import type { BenchEngagement } from './bench-engagements.ts';
import type { GatewayApi } from './gateway-api.ts';

export const operations = ['open', 'record', 'submit'] as const;
export type Operation = (typeof operations)[number];
export type Side = 'ours' | 'raw';

/** What each side's call of an operation is, in words for the printout. */
export const operationCalls: Record<Operation, Record<Side, string>> = {
  open: { ours: 'POST /api/v1/engagements (Prefer: return=minimal)', raw: 'client.workflow.start' },
  record: {
    ours: 'PUT /api/v1/engagements/:id/submissions/KICK_OFF_REPORT',
    raw: 'executeUpdate(recordWork)',
  },
  submit: { ours: 'POST /api/v1/engagements/:id/milestone', raw: 'executeUpdate(submitMilestone)' },
};

/**
 * Far deadlines for the benchmark's engagements (the API's longest): a review they leave open
 * in the compliance service sorts after every real one in the reviewers' queue (most urgent
 * first) and is never overdue; nothing falls due should one outlive its run.
 */
export const benchDeadlines: Partial<EngagementDeadlines> = { stageDays: 3650, reviewDays: 3650 };

export interface Callers {
  readonly api: GatewayApi;
  readonly client: Client;
  readonly taskQueue: string;
  /** Opens engagements through the API (a programme manager: every partner state). */
  readonly manager: { readonly userId: string; readonly token: string };
  /** Records and submits through the API (a programme officer of the engagements' state). */
  readonly officer: { readonly userId: string; readonly token: string };
  /**
   * Both sides' opens wait for the engagement's status: ours without `Prefer: return=minimal`
   * (the API's default answer), the raw start followed by the status query.
   */
  readonly withStatus: boolean;
}

/** The workflow start the gateway makes (openEngagement), the status query aside. */
function startEngagement(client: Client, taskQueue: string, open: OpenEngagement) {
  return client.workflow.start('engagementWorkflow', {
    taskQueue,
    workflowId: engagementWorkflowId(open.partnerState, open.cycle),
    args: [open],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
}

function expectStatus(
  engagement: BenchEngagement,
  what: string,
  answer: { status: number; body: unknown },
  expected: number,
): EngagementStatus {
  if (answer.status !== expected) {
    throw new Error(
      `${what} ${engagement.engagementId}: ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }
  return answer.body as EngagementStatus;
}

/** Throws unless the status shows the change made. */
function check(engagement: BenchEngagement, operation: Operation, status: EngagementStatus): void {
  const made =
    operation === 'open'
      ? status.engagementId === engagement.engagementId && status.history.length === 1
      : operation === 'record'
        ? status.record.kickOffReport !== undefined && status.state === 'ACTIVE'
        : status.state === 'AWAITING_REVIEW';
  if (!made) {
    throw new Error(
      `${operation} ${engagement.engagementId}: the engagement shows ${status.stage} ${status.state} after ${status.history.length} transition(s), not the change made`,
    );
  }
}

/** One side's call of the operation on one engagement; throws unless it made the change. */
export function callOf(
  callers: Callers,
  operation: Operation,
  side: Side,
): (engagement: BenchEngagement) => Promise<void> {
  const { api, client, taskQueue, manager, officer } = callers;
  const path = (engagement: BenchEngagement) => `/api/v1/engagements/${engagement.engagementId}`;
  switch (`${operation} ${side}` as const) {
    case 'open ours':
      return async (engagement) => {
        const { partnerState, cycle } = engagement;
        const answer = await api.call(
          'POST',
          '/api/v1/engagements',
          manager.token,
          { partnerState, cycle, deadlines: benchDeadlines },
          callers.withStatus ? {} : { prefer: 'return=minimal' },
        );
        const opened = expectStatus(engagement, 'opening', answer, 201);
        if (callers.withStatus) check(engagement, operation, opened);
        else if (opened.engagementId !== engagement.engagementId) {
          throw new Error(`opening ${engagement.engagementId} opened ${opened.engagementId}`);
        }
      };
    case 'open raw':
      return async (engagement) => {
        const { partnerState, cycle } = engagement;
        const handle = await startEngagement(client, taskQueue, {
          partnerState,
          cycle,
          openedBy: manager.userId,
          deadlines: benchDeadlines,
        });
        if (handle.workflowId !== engagement.engagementId) {
          throw new Error(`opening ${engagement.engagementId} started ${handle.workflowId}`);
        }
        if (callers.withStatus) {
          check(engagement, operation, await handle.query(engagementStatusQuery));
        }
      };
    case 'record ours':
      return async (engagement) => {
        const answer = await api.call(
          'PUT',
          `${path(engagement)}/submissions/KICK_OFF_REPORT`,
          officer.token,
          kickOffReport,
        );
        check(engagement, operation, expectStatus(engagement, 'recording', answer, 200));
      };
    case 'record raw':
      return async (engagement) => {
        const status = await client.workflow
          .getHandle(engagement.engagementId)
          .executeUpdate(recordWorkUpdate, {
            args: [{ kind: 'KICK_OFF_REPORT', submission: kickOffReport, by: officer.userId }],
          });
        check(engagement, operation, status);
      };
    case 'submit ours':
      return async (engagement) => {
        const answer = await api.call('POST', `${path(engagement)}/milestone`, officer.token, {});
        check(engagement, operation, expectStatus(engagement, 'submitting', answer, 200));
      };
    case 'submit raw':
      return async (engagement) => {
        const status = await client.workflow
          .getHandle(engagement.engagementId)
          .executeUpdate(submitMilestoneUpdate, { args: [{ by: officer.userId }] });
        check(engagement, operation, status);
      };
  }
}

/**
 * Opens the engagements whose milestones a round changes, off the clock: started on Temporal
 * directly (their cycles are beyond the API's) as the gateway starts one, and asked for their
 * status, so that the worker has run their first workflow task before any update is timed.
 */
export async function prepareEngagements(
  { client, taskQueue }: Callers,
  engagements: readonly BenchEngagement[],
  openedBy: string,
): Promise<void> {
  await pMap(
    engagements,
    async ({ engagementId, partnerState, cycle }) => {
      const handle = await client.workflow.start('engagementWorkflow', {
        taskQueue,
        workflowId: engagementId,
        args: [
          { partnerState, cycle, openedBy, deadlines: benchDeadlines } satisfies OpenEngagement,
        ],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      const status = await handle.query(engagementStatusQuery);
      if (status.history.length !== 1) {
        throw new Error(`${engagementId} was not opened fresh by the benchmark`);
      }
    },
    { concurrency: 16 },
  );
}

/**
 * Times `call` on each engagement, `concurrency` calls in flight: each call's latency until it
 * returned, and the time from the first call's start to the last one's end. Every call runs
 * before a failure is reported (the first, and how many).
 */
export async function measure(
  name: string,
  round: number,
  engagements: readonly BenchEngagement[],
  concurrency: number,
  call: (engagement: BenchEngagement) => Promise<void>,
): Promise<Measurement> {
  const latenciesMs: number[] = [];
  const failures: unknown[] = [];
  let next = 0;
  const caller = async () => {
    for (let taken = next++; taken < engagements.length; taken = next++) {
      const began = performance.now();
      try {
        await call(engagements[taken] as BenchEngagement);
        latenciesMs.push(performance.now() - began);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsedMs = performance.now() - started;
  if (failures.length > 0) {
    const first = failures[0] instanceof Error ? failures[0].message : String(failures[0]);
    throw new Error(
      `${failures.length} of ${engagements.length} ${name} calls failed; the first: ${first}`,
      {
        cause: failures[0],
      },
    );
  }
  return { name, round: String(round), count: engagements.length, elapsedMs, latenciesMs };
}
