// Runs the representative engagements whose histories the replay suite replays
// (test/histories/README.md). Every run records them into a temporary folder and checks the
// fresh histories replay through the current code; with RECORD_HISTORIES=1 it writes them over
// the committed fixtures instead:
//   RECORD_HISTORIES=1 pnpm -s test:integration -- record-histories
//   pnpm exec prettier --write test/histories
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  cryptoDelivery,
  darknetCourse,
  darknetDelivery,
  kickOffReport,
  needsAssessment,
  strategyAdoption,
  trainingPlan,
} from '@cttech/domain/samples';
import { waitFor } from '@cttech/testing';
import type { WorkflowHandle } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  cancelUpdate,
  resumeUpdate,
  suspendUpdate,
  trainingCourseWorkflowId,
} from '../src/contract.ts';
import type { engagementWorkflow } from '../src/engagement-workflow.ts';
import {
  approval,
  changesRequested,
  engagementBundle,
  engagementWorker,
  manager,
  PublishedEvents,
  reviewer,
  useTimeSkippingServer,
} from './engagement-harness.ts';
import {
  decide,
  openEngagement,
  pendingReviewOf,
  reachTailoredTraining,
  realTimeClient,
  record,
  status,
  submit,
  submitAndApprove,
  type EngagementHandle,
} from './engagement-steps.ts';
import {
  alteredHistoriesDirectory,
  alteredHistoryName,
  historiesDirectory,
  historyFileText,
  recordedHistories,
  recordedHistoryNames,
  withFirstActivityRenamed,
  type RecordedHistoryName,
} from './history-fixtures.ts';

const recording = process.env.RECORD_HISTORIES === '1';

async function everyCourse(handle: EngagementHandle, courseStatus: string): Promise<void> {
  await waitFor(
    async () => {
      const { trainingCourses } = await status(handle);
      return trainingCourses.length > 0 && trainingCourses.every((c) => c.status === courseStatus);
    },
    { what: `every training course ${courseStatus}` },
  );
}

describe('recording the replay histories', () => {
  let env: TestWorkflowEnvironment;
  const recorded = new Map<RecordedHistoryName, History>();
  async function keep(name: RecordedHistoryName, handle: WorkflowHandle): Promise<void> {
    expect(handle.workflowId).toBe(recordedHistories[name]);
    recorded.set(name, await handle.fetchHistory());
  }
  // results awaited in real time: the histories' clock moves only where a scenario sleeps
  const resultOf = (handle: EngagementHandle) =>
    realTimeClient(env).workflow.getHandle<typeof engagementWorkflow>(handle.workflowId).result();

  useTimeSkippingServer((started) => {
    env = started;
  });

  it('runs each representative engagement and writes its history', async () => {
    const taskQueue = 'record-histories';
    const worker = await engagementWorker(env, taskQueue, new PublishedEvents());

    await worker.runUntil(async () => {
      // the whole path, as in engagement-lifecycle.integration.test.ts
      const whole = await openEngagement(env, taskQueue, 'KE', 2026);
      await record(whole, 'KICK_OFF_REPORT', kickOffReport);
      await submitAndApprove(whole);
      await record(whole, 'NEEDS_ASSESSMENT', needsAssessment);
      await submitAndApprove(whole);
      await record(whole, 'TRAINING_PLAN', trainingPlan);
      await everyCourse(whole, 'AWAITING_DELIVERY');
      await record(whole, 'TRAINING_DELIVERY', darknetDelivery);
      await record(whole, 'TRAINING_DELIVERY', cryptoDelivery);
      await everyCourse(whole, 'DELIVERED');
      await submitAndApprove(whole);
      await record(whole, 'STRATEGY_ADOPTION', strategyAdoption);
      await submitAndApprove(whole);
      expect((await resultOf(whole)).state).toBe('COMPLETED');
      await keep('whole-path', whole);
      await keep('whole-path-course-schedules', whole);
      const course = realTimeClient(env).workflow.getHandle(
        trainingCourseWorkflowId(whole.workflowId, darknetCourse.courseId),
      );
      expect(await course.result()).toBe('DELIVERED');
      await keep('training-course-delivered', course);

      // changes requested, answered, approved
      const loop = await openEngagement(env, taskQueue, 'GH', 2026);
      await record(loop, 'KICK_OFF_REPORT', kickOffReport);
      const first = pendingReviewOf(await submit(loop));
      await decide(
        loop,
        changesRequested('KICK_OFF', first.reviewRequestId, 'No gender focal point.'),
      );
      await record(loop, 'KICK_OFF_REPORT', kickOffReport);
      await submitAndApprove(loop, undefined, undefined, [
        { finding: 0, response: 'The Ministry of Gender focal point is now mapped.' },
      ]);
      await keep('changes-requested', loop);

      // suspended while awaiting review, resumed, then cancelled
      const paused = await openEngagement(env, taskQueue, 'NG', 2026);
      await record(paused, 'KICK_OFF_REPORT', kickOffReport);
      await submit(paused);
      await paused.executeUpdate(suspendUpdate, { args: [{ by: manager, reason: 'Elections' }] });
      await paused.executeUpdate(resumeUpdate, { args: [{ by: manager }] });
      await paused.executeUpdate(cancelUpdate, { args: [{ by: manager, reason: 'Withdrawn' }] });
      expect((await resultOf(paused)).state).toBe('CANCELLED');
      await keep('suspend-resume-cancel', paused);

      // cancelled while its training courses run: their child workflows are cancelled
      const training = await openEngagement(env, taskQueue, 'PH', 2026);
      await reachTailoredTraining(training);
      await record(training, 'TRAINING_PLAN', trainingPlan);
      await everyCourse(training, 'AWAITING_DELIVERY');
      await training.executeUpdate(cancelUpdate, {
        args: [{ by: manager, reason: 'Withdrawn' }],
      });
      expect((await resultOf(training)).state).toBe('CANCELLED');
      await keep('cancel-during-training', training);

      // a human-rights hold placed while awaiting review, lifted by another reviewer, approved
      const held = await openEngagement(env, taskQueue, 'UZ', 2026);
      await record(held, 'KICK_OFF_REPORT', kickOffReport);
      const heldReview = pendingReviewOf(await submit(held));
      await held.executeUpdate(suspendUpdate, {
        args: [{ by: reviewer, reason: 'human-rights hold hold-uz', holdId: 'hold-uz' }],
      });
      await held.executeUpdate(resumeUpdate, { args: [{ by: 'reviewer-2', holdId: 'hold-uz' }] });
      await decide(held, approval('KICK_OFF', heldReview.reviewRequestId));
      expect((await status(held)).stage).toBe('NEEDS_ASSESSMENT');
      await keep('human-rights-hold', held);

      // a review reminded and escalated by its timers, then approved (skips 11 days, so last)
      const late = await openEngagement(env, taskQueue, 'TJ', 2026, {
        deadlines: { reviewDays: 10, reviewReminderDaysBefore: 3 },
      });
      await record(late, 'KICK_OFF_REPORT', kickOffReport);
      const review = pendingReviewOf(await submit(late));
      await env.sleep('11 days');
      await waitFor(async () => (await status(late)).overdue, { what: 'the review escalated' });
      await decide(late, approval('KICK_OFF', review.reviewRequestId));
      await keep('review-escalated', late);
    });

    expect([...recorded.keys()].sort()).toEqual([...recordedHistoryNames].sort());
    const target = recording ? historiesDirectory : mkdtempSync(join(tmpdir(), 'histories-'));
    const alteredTarget = recording ? alteredHistoriesDirectory : join(target, 'altered');
    mkdirSync(alteredTarget, { recursive: true });
    for (const [name, history] of recorded) {
      writeFileSync(join(target, `${name}.json`), historyFileText(history));
    }
    const toAlter = recorded.get(alteredHistoryName);
    if (!toAlter) throw new Error(`${alteredHistoryName} was not recorded`);
    writeFileSync(
      join(alteredTarget, `${alteredHistoryName}.json`),
      historyFileText(withFirstActivityRenamed(toAlter)),
    );

    // what was just recorded replays through the code that recorded it
    const replayed: unknown[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: await engagementBundle() },
      [...recorded].map(([name, history]) => ({ workflowId: recordedHistories[name], history })),
    )) {
      replayed.push(result.error);
    }
    expect(replayed).toEqual(recordedHistoryNames.map(() => undefined));
  });
});
