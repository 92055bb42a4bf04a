// The operators' workflow overview against the real Temporal dev server: a worker on the
// suite's private task queue runs a stand-in registered as `engagementWorkflow`
// (operations-workflows.ts), whose runs fail, are terminated, time out, or get stuck on an
// activity or a workflow task that keeps failing. The overview must name each with its error.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  openTestSuite,
  quietTemporalRuntime,
  waitFor,
  workflowBundle,
  type TestSuite,
} from '@cttech/testing';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { StuckEngagement, WorkflowOverview } from '../src/operations/operations.ts';
import { TemporalWorkflowOperations } from '../src/operations/temporal-workflow-operations.ts';
import { GatewayError } from '../src/problem.ts';

import type { StandInOutcome as Outcome } from './operations-workflows.ts';

const workflowsPath = fileURLToPath(new URL('./operations-workflows.ts', import.meta.url));

/** The activity of the stand-in: Kafka is never reachable here. */
const activities = {
  publishEngagementEvent: async (): Promise<void> => {
    throw new Error('Kafka unreachable: test');
  },
};

describe("the operators' workflow overview against the real Temporal server", () => {
  let suite: TestSuite;
  let connection: NativeConnection;
  let client: Client;
  let worker: Worker;
  let workerRun: Promise<void>;
  let operations: TemporalWorkflowOperations;
  const started: WorkflowHandle[] = [];

  const start = async (
    name: string,
    outcome: Outcome,
    options: { workflowExecutionTimeout?: string } = {},
  ): Promise<WorkflowHandle> => {
    const handle = await client.workflow.start('engagementWorkflow', {
      taskQueue: suite.taskQueue('engagements'),
      workflowId: `engagement-${suite.id}-${name}`,
      args: [outcome],
      ...options,
    });
    started.push(handle);
    return handle;
  };

  /** Asks for the overview until `ready` says it shows what the test waits for. */
  const overviewWhen = (
    what: string,
    ready: (overview: WorkflowOverview) => boolean,
  ): Promise<WorkflowOverview> =>
    waitFor(
      async () => {
        const overview = await operations.overview();
        return ready(overview) ? overview : undefined;
      },
      { what, timeoutMs: 60_000, intervalMs: 250 },
    );

  const failedOne = (overview: WorkflowOverview, handle: WorkflowHandle) =>
    overview.failed.find(({ engagementId }) => engagementId === handle.workflowId);
  const stuckOne = (overview: WorkflowOverview, handle: WorkflowHandle) =>
    overview.stuck.find(({ engagementId }) => engagementId === handle.workflowId);

  beforeAll(async () => {
    quietTemporalRuntime();
    suite = openTestSuite('gateway workflow operations');
    client = new Client({
      connection: await suite.temporalConnection(),
      namespace: suite.infrastructure.temporalNamespace,
    });
    connection = await NativeConnection.connect({
      address: suite.infrastructure.temporalAddress,
    });
    worker = await Worker.create({
      connection,
      namespace: suite.infrastructure.temporalNamespace,
      taskQueue: suite.taskQueue('engagements'),
      workflowBundle: await workflowBundle(workflowsPath),
      activities,
    });
    workerRun = worker.run();
    operations = new TemporalWorkflowOperations(client, suite.taskQueue('engagements'));
  });

  afterAll(async () => {
    for (const handle of started) {
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('workflow operations test done');
    }
    if (worker) {
      worker.shutdown();
      await workerRun;
    }
    await connection?.close();
    await suite?.close();
  });

  it('lists an engagement whose activity keeps failing as stuck, with the activity and its error', async () => {
    const handle = await start('activity', 'activity keeps failing');
    const overview = await overviewWhen(
      'the engagement stuck on its activity',
      (overview) => (stuckOne(overview, handle)?.failingActivities[0]?.attempt ?? 0) >= 2,
    );
    const stuck = stuckOne(overview, handle) as StuckEngagement;
    expect(stuck).toEqual({
      engagementId: handle.workflowId,
      openedAt: expect.any(String),
      failingActivities: [
        expect.objectContaining({
          activityType: 'publishEngagementEvent',
          attempt: expect.any(Number),
          maximumAttempts: undefined,
          lastError: { message: 'Kafka unreachable: test', type: 'Error', causes: [] },
          paused: false,
        }),
      ],
      failingWorkflowTask: undefined,
    });
    const [activity] = stuck.failingActivities;
    expect(activity?.attempt).toBeGreaterThanOrEqual(2);
    // it failed, and either waits for its next attempt or has just started it
    expect(Date.parse(activity?.lastAttemptEndedAt ?? '')).not.toBeNaN();
    expect(Date.parse(activity?.nextAttemptAt ?? activity?.scheduledAt ?? '')).not.toBeNaN();
    expect(overview.stuckSearch).toEqual({
      examined: expect.any(Number),
      limit: 200,
      complete: true,
    });
    expect(overview.stuckSearch.examined).toBeGreaterThanOrEqual(1);
  });

  it('lists an engagement whose workflow task keeps failing as stuck, with the error', async () => {
    const handle = await start('workflow-task', 'workflow task keeps failing');
    const overview = await overviewWhen(
      'the engagement stuck on its workflow task',
      (overview) => (stuckOne(overview, handle)?.failingWorkflowTask?.attempt ?? 0) >= 2,
    );
    expect(stuckOne(overview, handle)).toEqual({
      engagementId: handle.workflowId,
      openedAt: expect.any(String),
      failingActivities: [],
      failingWorkflowTask: {
        attempt: expect.any(Number),
        scheduledAt: expect.any(String),
        // the SDK reports a workflow task's error by its message (no application type)
        lastError: expect.objectContaining({ message: 'Stage rules could not be loaded: test' }),
      },
    });
  });

  it('does not list a running engagement that is only waiting, but examines it', async () => {
    const waiting = await start('waiting', 'waits');
    const stuckOnActivity = await start('activity-2', 'activity keeps failing');
    const overview = await overviewWhen(
      'the other engagement stuck, and the waiting one examined',
      (overview) =>
        overview.stuckSearch.examined === started.length &&
        stuckOne(overview, stuckOnActivity) !== undefined,
    );
    expect(stuckOne(overview, waiting)).toBeUndefined();
    expect(overview.byExecutionStatus.RUNNING).toBe(started.length);
  });

  it('shows a terminated engagement with the reason it was terminated for', async () => {
    const handle = await start('terminated', 'waits');
    await handle.terminate('Duplicate of another engagement: test');
    const overview = await overviewWhen('the terminated engagement listed', (overview) =>
      Boolean(failedOne(overview, handle)),
    );
    expect(failedOne(overview, handle)).toEqual({
      engagementId: handle.workflowId,
      workflowStatus: 'TERMINATED',
      openedAt: expect.any(String),
      closedAt: expect.any(String),
      lastError: { message: 'Duplicate of another engagement: test', type: undefined, causes: [] },
    });
    expect(stuckOne(overview, handle)).toBeUndefined();
  });

  it('shows a failed engagement with its failure message and type', async () => {
    const handle = await start('failed', 'fails');
    const overview = await overviewWhen('the failed engagement listed', (overview) =>
      Boolean(failedOne(overview, handle)),
    );
    expect(failedOne(overview, handle)).toMatchObject({
      workflowStatus: 'FAILED',
      lastError: {
        message: 'Needs assessment could not be scored: test',
        type: 'ScoringError',
        causes: [],
      },
    });
  });

  it('shows a timed-out engagement as timed out', async () => {
    const handle = await start('timed-out', 'waits', { workflowExecutionTimeout: '1 second' });
    const overview = await overviewWhen('the timed-out engagement listed', (overview) =>
      Boolean(failedOne(overview, handle)),
    );
    expect(failedOne(overview, handle)).toMatchObject({
      workflowStatus: 'TIMED_OUT',
      lastError: { message: expect.stringContaining('timed out'), causes: [] },
    });
  });

  it('answers DEPENDENCY_UNAVAILABLE when Temporal does not answer the overview', async () => {
    const elsewhere = new Client({
      connection: await suite.temporalConnection(),
      namespace: `no-such-namespace-${suite.id}`,
    });
    const failure = await new TemporalWorkflowOperations(elsewhere, suite.taskQueue('engagements'))
      .overview()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayError);
    expect(failure).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      message: expect.stringContaining('Temporal'),
    });
  });
});
