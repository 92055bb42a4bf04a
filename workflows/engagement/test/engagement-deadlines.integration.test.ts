import { describe, expect, it } from '@jest/globals';
import { kickOffReport } from '@cttech/domain/samples';
import { waitFor } from '@cttech/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { resumeUpdate, suspendUpdate } from '../src/contract.ts';
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
} from './engagement-steps.ts';

const dayMs = 24 * 60 * 60 * 1000;

// Simulated time is global to the test server: these tests skip days, so they run on a server
// of their own, apart from the other engagement tests.
describe('review reminders, escalation and stage deadlines (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;

  useTimeSkippingServer((started) => {
    env = started;
  });

  it('reminds the reviewers 3 days before the review is due, escalates when it is overdue, and clears it on the decision', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'deadlines-review';
    const worker = await engagementWorker(env, taskQueue, events);

    await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'TJ', 2026, {
        deadlines: { reviewDays: 10, reviewReminderDaysBefore: 3 },
      });
      await record(handle, 'KICK_OFF_REPORT', kickOffReport);
      const submitted = await submit(handle);
      const review = pendingReviewOf(submitted);
      expect(Date.parse(review.dueAt) - Date.parse(review.submittedAt)).toBe(10 * dayMs);
      expect(submitted.deadlines.reviewDueAt).toBe(review.dueAt);

      await env.sleep('6 days');
      const day6 = await status(handle);
      expect(day6.pendingReview).toMatchObject({ reminded: false, escalated: false });
      expect(events.ofType('engagement.review-reminder')).toEqual([]);

      await env.sleep('2 days');
      const reminders = await waitFor(
        () =>
          events.ofType('engagement.review-reminder').length > 0 &&
          events.ofType('engagement.review-reminder'),
        { what: 'the review reminder on day 8' },
      );
      expect(reminders).toEqual([
        expect.objectContaining({
          data: {
            reviewRequestId: review.reviewRequestId,
            stage: 'KICK_OFF',
            reviewDueAt: review.dueAt,
          },
        }),
      ]);
      const day8 = await status(handle);
      expect(day8).toMatchObject({
        state: 'AWAITING_REVIEW',
        overdue: false,
        pendingReview: { reminded: true, escalated: false },
      });
      expect(events.ofType('engagement.review-escalated')).toEqual([]);

      await env.sleep('3 days');
      const escalated = await waitFor(
        async () => {
          const current = await status(handle);
          return current.overdue && current;
        },
        { what: 'the review escalated on day 11' },
      );
      expect(escalated).toMatchObject({
        state: 'AWAITING_REVIEW',
        pendingReview: { reviewRequestId: review.reviewRequestId, escalated: true },
      });
      expect(escalated.history.at(-1)).toMatchObject({
        action: 'DEADLINE',
        by: 'system',
        from: { stage: 'KICK_OFF', state: 'AWAITING_REVIEW' },
        to: { stage: 'KICK_OFF', state: 'AWAITING_REVIEW' },
      });
      await waitFor(() => events.ofType('engagement.review-escalated').length > 0, {
        what: 'the review-escalated event',
      });
      expect(events.ofType('engagement.review-escalated')).toEqual([
        expect.objectContaining({
          data: {
            reviewRequestId: review.reviewRequestId,
            stage: 'KICK_OFF',
            reviewDueAt: review.dueAt,
          },
        }),
      ]);
      expect(events.ofType('engagement.review-reminder')).toHaveLength(1);

      const approved = await decide(handle, approval('KICK_OFF', review.reviewRequestId));
      expect(approved).toMatchObject({
        stage: 'NEEDS_ASSESSMENT',
        state: 'ACTIVE',
        overdue: false,
        pendingReview: null,
        deadlines: { reviewDueAt: null },
      });
    });

    expect(events.types()).toEqual([
      'engagement.opened',
      'engagement.work-recorded',
      'engagement.milestone-submitted',
      'engagement.review-reminder',
      'engagement.review-escalated',
      'engagement.stage-advanced',
    ]);
  });

  it('marks a stage overdue once when its milestone is not submitted in time', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'deadlines-stage';
    const worker = await engagementWorker(env, taskQueue, events);

    await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'UZ', 2026, {
        deadlines: { stageDays: 5 },
      });
      const opened = await status(handle);
      expect(opened).toMatchObject({ overdue: false, deadlines: { stageDays: 5 } });
      const stageDueAt = opened.deadlines.stageDueAt;
      expect(Date.parse(stageDueAt ?? '') - Date.parse(opened.history[0]?.at ?? '')).toBe(
        5 * dayMs,
      );

      await env.sleep('6 days');
      const overdue = await waitFor(
        async () => {
          const current = await status(handle);
          return current.overdue && current;
        },
        { what: 'the kick-off stage overdue' },
      );
      expect(overdue).toMatchObject({ stage: 'KICK_OFF', state: 'ACTIVE' });
      expect(overdue.history.map((entry) => [entry.action, entry.note])).toEqual([
        ['OPEN', undefined],
        ['DEADLINE', 'stage overdue'],
      ]);
      await waitFor(() => events.ofType('engagement.stage-overdue').length > 0, {
        what: 'the stage-overdue event',
      });
      // a second deadline's worth of days changes nothing: the stage is overdue once
      await env.sleep('6 days');
      expect((await status(handle)).history).toHaveLength(2);
      expect(events.ofType('engagement.stage-overdue')).toEqual([
        expect.objectContaining({ data: { stage: 'KICK_OFF', stageDueAt } }),
      ]);
    });

    expect(events.types()).toEqual(['engagement.opened', 'engagement.stage-overdue']);
  });

  it('stops the clock while the engagement is suspended: the review falls due later by the time suspended', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'deadlines-suspended';
    const worker = await engagementWorker(env, taskQueue, events);

    await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'UZ', 2027, {
        deadlines: { stageDays: 30, reviewDays: 10, reviewReminderDaysBefore: 3 },
      });
      await record(handle, 'KICK_OFF_REPORT', kickOffReport);
      const review = pendingReviewOf(await submit(handle));

      await env.sleep('2 days');
      await handle.executeUpdate(suspendUpdate, {
        args: [{ by: manager, reason: 'human-rights concern raised by the reviewer' }],
      });
      await env.sleep('20 days');
      // nothing falls due while suspended, though the review's first due date has passed
      expect(events.ofType('engagement.review-reminder')).toEqual([]);
      expect(events.ofType('engagement.review-escalated')).toEqual([]);

      const resumed = await handle.executeUpdate(resumeUpdate, { args: [{ by: manager }] });
      const paused =
        Date.parse(resumed.history.at(-1)?.at ?? '') - Date.parse(resumed.history.at(-2)?.at ?? '');
      expect(paused).toBeGreaterThanOrEqual(20 * dayMs);
      expect(resumed).toMatchObject({ state: 'AWAITING_REVIEW', overdue: false });
      expect(Date.parse(pendingReviewOf(resumed).dueAt) - Date.parse(review.dueAt)).toBe(paused);
      expect(resumed.deadlines.reviewDueAt).toBe(pendingReviewOf(resumed).dueAt);
      expect(events.ofType('engagement.review-reminder')).toEqual([]);
    });
  });
});
