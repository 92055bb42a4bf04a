import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { localInfrastructure, quietTemporalRuntime, workflowBundle } from '../src/index.ts';
import { reviewDeadlineProof } from './fixtures/proof-workflows.ts';

const workflowsPath = fileURLToPath(new URL('./fixtures/proof-workflows.ts', import.meta.url));
const sevenDaysMs = 7 * 24 * 60 * 60 * 1000;

describe('Temporal time-skipping test server (real)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    quietTemporalRuntime();
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: {
        executable: { type: 'existing-path', path: localInfrastructure().temporalTestServerPath },
      },
    });
  });

  afterAll(() => env?.teardown());

  it('finishes a workflow with a 7-day timer without waiting seven days', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'time-skipping-proof',
      workflowBundle: await workflowBundle(workflowsPath),
    });
    const elapsed = await worker.runUntil(
      env.client.workflow.execute(reviewDeadlineProof, {
        taskQueue: 'time-skipping-proof',
        workflowId: 'review-deadline-proof',
      }),
    );
    expect(elapsed).toBeGreaterThanOrEqual(sevenDaysMs);
  });
});
