import { describe, expect, it } from '@jest/globals';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { cancelUpdate, engagementStatusQuery } from '../src/contract.ts';
import { openEngagement } from '../src/engagement-client.ts';
import {
  engagementWorker,
  manager,
  officer,
  PublishedEvents,
  useTimeSkippingServer,
} from './engagement-harness.ts';

describe('opening an engagement (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;

  useTimeSkippingServer((started) => {
    env = started;
  });

  it('opens one engagement per partner state and cycle: the same request twice finds the first', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'open-engagement';
    const worker = await engagementWorker(env, taskQueue, events);

    await worker.runUntil(async () => {
      const first = await openEngagement(
        env.client,
        { partnerState: 'GH', cycle: 2027, openedBy: manager },
        taskQueue,
      );
      const second = await openEngagement(
        env.client,
        { partnerState: 'GH', cycle: 2027, openedBy: officer },
        taskQueue,
      );
      expect(second.workflowId).toBe('engagement-GH-2027');
      expect(second.firstExecutionRunId).toBe(first.firstExecutionRunId);
      const status = await second.query(engagementStatusQuery);
      expect(status.history).toEqual([expect.objectContaining({ action: 'OPEN', by: manager })]);
      expect(events.ofType('engagement.opened')).toHaveLength(1);

      // a cancelled engagement stays closed for that cycle
      await first.executeUpdate(cancelUpdate, {
        args: [{ by: manager, reason: 'opened by mistake' }],
      });
      await first.result();
      await expect(
        openEngagement(
          env.client,
          { partnerState: 'GH', cycle: 2027, openedBy: manager },
          taskQueue,
        ),
      ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    });
  });

  it('refuses a partner state that is not an ISO code before anything starts', async () => {
    await expect(
      openEngagement(env.client, { partnerState: 'Ghana', cycle: 2027, openedBy: manager }),
    ).rejects.toThrow(/ISO 3166-1 alpha-2/);
  });
});
