import { describe, expect, it } from '@jest/globals';
import { kickOffReport } from '@cttech/domain/samples';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { engagementWorkflowId, resumeUpdate, suspendUpdate } from '../src/contract.ts';
import {
  approval,
  engagementWorker,
  manager,
  PublishedEvents,
  useTimeSkippingServer,
} from './engagement-harness.ts';
import {
  decide,
  openEngagement,
  pendingReviewOf,
  record,
  status,
  submit,
  type EngagementHandle,
} from './engagement-steps.ts';

/** Repeats `step` until the engagement has continued as new `runs` times; how many steps it took. */
async function repeatUntilContinuedAsNew(
  handle: EngagementHandle,
  runs: number,
  step: () => Promise<unknown>,
): Promise<number> {
  for (let steps = 1; steps <= 30; steps += 1) {
    await step();
    if ((await status(handle)).continuedAsNew >= runs) return steps;
  }
  throw new Error(`the engagement did not continue as new ${runs} times in 30 steps`);
}

describe('an engagement continued as new (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;

  useTimeSkippingServer((started) => {
    env = started;
  });

  it('carries its record, history, pending review and event sequence into the next run', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'continue-as-new';
    const worker = await engagementWorker(env, taskQueue, events);
    const workflowId = engagementWorkflowId('KE', 2030);

    await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'KE', 2030, { historyEventLimit: 40 });
      const firstRunId = handle.firstExecutionRunId;

      // the officer records the same report again and again: a first run's history fills up
      const recorded = await repeatUntilContinuedAsNew(handle, 1, () =>
        record(handle, 'KICK_OFF_REPORT', kickOffReport),
      );
      const secondRun = await status(handle);
      expect(secondRun).toMatchObject({
        continuedAsNew: 1,
        stage: 'KICK_OFF',
        state: 'ACTIVE',
        record: { kickOffReport, trainingDeliveries: [] },
      });
      expect(secondRun.history.map((entry) => entry.action)).toEqual([
        'OPEN',
        ...Array<string>(recorded).fill('RECORD_WORK'),
      ]);
      expect(events.ofType('engagement.work-recorded')).toHaveLength(recorded);

      const firstRun = await env.client.workflow.getHandle(workflowId, firstRunId).describe();
      expect(firstRun.status.name).toBe('CONTINUED_AS_NEW');

      // a milestone awaiting review is carried over too: the manager suspends and resumes
      const review = pendingReviewOf(await submit(handle));
      const pauses = await repeatUntilContinuedAsNew(handle, 2, async () => {
        await handle.executeUpdate(suspendUpdate, { args: [{ by: manager, reason: 'audit' }] });
        await handle.executeUpdate(resumeUpdate, { args: [{ by: manager }] });
      });
      const thirdRun = await status(handle);
      // each suspension stopped the review's clock for its length
      let suspendedAt = 0;
      let paused = 0;
      for (const entry of thirdRun.history) {
        if (entry.action === 'SUSPEND') suspendedAt = Date.parse(entry.at);
        if (entry.action === 'RESUME') paused += Date.parse(entry.at) - suspendedAt;
      }
      const dueAt = new Date(Date.parse(review.dueAt) + paused).toISOString();
      expect(thirdRun).toMatchObject({
        continuedAsNew: 2,
        stage: 'KICK_OFF',
        state: 'AWAITING_REVIEW',
        pendingReview: { ...review, dueAt },
        deadlines: { reviewDueAt: dueAt },
        record: { kickOffReport },
      });
      expect(thirdRun.history).toHaveLength(1 + recorded + 1 + 2 * pauses);
      expect(thirdRun.history.slice(0, secondRun.history.length)).toEqual(secondRun.history);

      const approved = await decide(handle, approval('KICK_OFF', review.reviewRequestId));
      expect(approved).toMatchObject({ stage: 'NEEDS_ASSESSMENT', state: 'ACTIVE' });
      expect(approved.history.at(-1)).toMatchObject({ action: 'APPROVE' });
    });

    // one sequence of event ids across the runs: no gap, no id used twice, and opened once
    const ids = events.events.map((event) => event.id);
    expect(ids).toEqual(ids.map((_, index) => `${workflowId}/${index + 1}`));
    expect(events.ofType('engagement.opened')).toHaveLength(1);
    expect(events.ofType('engagement.milestone-submitted')).toHaveLength(1);
    expect(events.types().at(-1)).toBe('engagement.stage-advanced');
    expect(events.ofType('engagement.stage-advanced')[0]?.data.reviewRequestId).toBe(
      events.ofType('engagement.milestone-submitted')[0]?.id,
    );
  });
});
