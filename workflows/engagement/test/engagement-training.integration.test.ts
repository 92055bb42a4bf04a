import { describe, expect, it } from '@jest/globals';
import { darknetDelivery, kickOffReport, trainingPlan } from '@cttech/domain/samples';
import { waitFor } from '@cttech/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  engagementWorkflowId,
  resumeUpdate,
  suspendUpdate,
  cancelUpdate,
  trainingCourseWorkflowId,
  type CourseStatus,
} from '../src/contract.ts';
import {
  approval,
  engagementWorker,
  manager,
  PublishedEvents,
  useTimeSkippingServer,
} from './engagement-harness.ts';
import type { engagementWorkflow } from '../src/engagement-workflow.ts';
import {
  decide,
  fieldsOf,
  openEngagement,
  pendingReviewOf,
  reachTailoredTraining,
  realTimeClient,
  record,
  refusalOf,
  status,
  submit,
  type EngagementHandle,
} from './engagement-steps.ts';

const darknet = 'darknet-basic-1';
const crypto = 'cryptocurrency-investigations-1';

/** Waits until every course the engagement follows has the status. */
function allCourses(handle: EngagementHandle, courseStatus: CourseStatus) {
  return waitFor(
    async () => {
      const current = await status(handle);
      return (
        current.trainingCourses.length > 0 &&
        current.trainingCourses.every((course) => course.status === courseStatus) &&
        current
      );
    },
    { what: `every training course ${courseStatus}` },
  );
}

/** The statuses published for one course, in order. */
function courseStatuses(events: PublishedEvents, courseId: string): string[] {
  return events
    .ofType('training.course-status-changed')
    .filter((event) => event.data.courseId === courseId)
    .map((event) => event.data.status);
}

describe('training courses, suspension and cancellation (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;

  useTimeSkippingServer((started) => {
    env = started;
  });

  it('follows each planned course as a child workflow until its delivery is recorded', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'training-courses';
    const worker = await engagementWorker(env, taskQueue, events);
    const workflowId = engagementWorkflowId('IQ', 2026);

    await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'IQ', 2026);
      expect((await reachTailoredTraining(handle)).stage).toBe('TAILORED_TRAINING');

      const planned = await record(handle, 'TRAINING_PLAN', trainingPlan);
      expect(planned.trainingCourses.map((course) => course.courseId)).toEqual([darknet, crypto]);

      // both courses' dates are past: each runs through to awaiting its delivery record
      const awaiting = await allCourses(handle, 'AWAITING_DELIVERY');
      expect(awaiting.trainingCourses).toEqual([
        { courseId: darknet, course: 'DARKNET_BASIC', status: 'AWAITING_DELIVERY' },
        { courseId: crypto, course: 'CRYPTOCURRENCY_INVESTIGATIONS', status: 'AWAITING_DELIVERY' },
      ]);

      const unknown = await refusalOf(
        record(handle, 'TRAINING_DELIVERY', { ...darknetDelivery, courseId: 'osint-9' }),
      );
      expect(unknown.type).toBe('INVALID_SUBMISSION');
      expect(unknown.problems).toEqual([
        { field: 'courseId', message: 'is not a course in the training plan' },
      ]);

      await record(handle, 'TRAINING_DELIVERY', darknetDelivery);
      const delivered = await waitFor(
        async () => {
          const current = await status(handle);
          const course = current.trainingCourses.find((c) => c.courseId === darknet);
          return course?.status === 'DELIVERED' && current;
        },
        { what: `${darknet} delivered` },
      );
      expect(delivered.trainingCourses).toEqual([
        { courseId: darknet, course: 'DARKNET_BASIC', status: 'DELIVERED' },
        { courseId: crypto, course: 'CRYPTOCURRENCY_INVESTIGATIONS', status: 'AWAITING_DELIVERY' },
      ]);
      expect(delivered.unmetExitCriteria.map((unmet) => unmet.criterion)).toContain(
        'EVERY_PLANNED_COURSE_DELIVERED',
      );

      const courses = realTimeClient(env).workflow;
      const darknetRun = courses.getHandle(trainingCourseWorkflowId(workflowId, darknet));
      const cryptoRun = courses.getHandle(trainingCourseWorkflowId(workflowId, crypto));
      expect(await darknetRun.result()).toBe('DELIVERED');
      const [darknetDescription, cryptoDescription] = await Promise.all([
        darknetRun.describe(),
        cryptoRun.describe(),
      ]);
      expect(darknetDescription).toMatchObject({
        type: 'trainingCourseWorkflow',
        status: { name: 'COMPLETED' },
        parentExecution: { workflowId },
      });
      expect(cryptoDescription).toMatchObject({
        type: 'trainingCourseWorkflow',
        status: { name: 'RUNNING' },
        parentExecution: { workflowId },
      });
    });

    expect(courseStatuses(events, darknet)).toEqual([
      'SCHEDULED',
      'IN_PROGRESS',
      'AWAITING_DELIVERY',
      'DELIVERED',
    ]);
    expect(courseStatuses(events, crypto)).toEqual([
      'SCHEDULED',
      'IN_PROGRESS',
      'AWAITING_DELIVERY',
    ]);
    expect(events.ofType('engagement.work-recorded').map((event) => event.data.kind)).toEqual([
      'KICK_OFF_REPORT',
      'NEEDS_ASSESSMENT',
      'TRAINING_PLAN',
      'TRAINING_DELIVERY',
    ]);
  });

  it('suspends a milestone awaiting review, holds decisions while suspended, and resumes it', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'training-suspend-resume';
    const worker = await engagementWorker(env, taskQueue, events);

    await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'KE', 2027);
      await record(handle, 'KICK_OFF_REPORT', kickOffReport);
      const review = pendingReviewOf(await submit(handle));

      const withoutReason = await refusalOf(
        handle.executeUpdate(suspendUpdate, { args: [{ by: manager, reason: ' ' }] }),
      );
      expect(withoutReason.type).toBe('INVALID_SUBMISSION');
      expect(fieldsOf(withoutReason)).toEqual(['reason']);
      expect((await status(handle)).state).toBe('AWAITING_REVIEW');

      const reason = 'Elections: the partner state asked for a pause';
      const suspended = await handle.executeUpdate(suspendUpdate, {
        args: [{ by: manager, reason }],
      });
      expect(suspended).toMatchObject({
        stage: 'KICK_OFF',
        state: 'SUSPENDED',
        position: { suspendedFrom: 'AWAITING_REVIEW' },
        pending: { on: 'PROGRAMME_MANAGER' },
        allowedActions: ['RESUME', 'CANCEL'],
        pendingReview: review,
      });
      expect(suspended.history.at(-1)).toMatchObject({
        action: 'SUSPEND',
        by: manager,
        note: reason,
      });

      const whileSuspended = await refusalOf(
        decide(handle, approval('KICK_OFF', review.reviewRequestId)),
      );
      expect(whileSuspended.type).toBe('ACTION_NOT_ALLOWED');
      expect(whileSuspended.message).toMatch(/suspended/);

      const resumed = await handle.executeUpdate(resumeUpdate, { args: [{ by: manager }] });
      // the review's clock stopped while suspended: it falls due that much later
      const paused =
        Date.parse(resumed.history.at(-1)?.at ?? '') -
        Date.parse(suspended.history.at(-1)?.at ?? '');
      expect(resumed).toMatchObject({
        state: 'AWAITING_REVIEW',
        pending: { on: 'COMPLIANCE_REVIEWER' },
        pendingReview: {
          ...review,
          dueAt: new Date(Date.parse(review.dueAt) + paused).toISOString(),
        },
      });
      expect(resumed.position.suspendedFrom).toBeUndefined();

      const approved = await decide(handle, approval('KICK_OFF', review.reviewRequestId));
      expect(approved.stage).toBe('NEEDS_ASSESSMENT');
    });

    expect(events.types()).toEqual([
      'engagement.opened',
      'engagement.work-recorded',
      'engagement.milestone-submitted',
      'engagement.suspended',
      'engagement.resumed',
      'engagement.stage-advanced',
    ]);
  });

  it('cancels the engagement with a reason, ending the workflow and its running training courses', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'training-cancel';
    const worker = await engagementWorker(env, taskQueue, events);
    const workflowId = engagementWorkflowId('KE', 2028);

    const final = await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'KE', 2028);
      await reachTailoredTraining(handle);
      await record(handle, 'TRAINING_PLAN', trainingPlan);
      await allCourses(handle, 'AWAITING_DELIVERY');

      const withoutReason = await refusalOf(
        handle.executeUpdate(cancelUpdate, { args: [{ by: manager, reason: '' }] }),
      );
      expect(fieldsOf(withoutReason)).toEqual(['reason']);

      const reason = 'The partner state withdrew from the programme';
      const cancelled = await handle.executeUpdate(cancelUpdate, {
        args: [{ by: manager, reason }],
      });
      expect(cancelled).toMatchObject({
        stage: 'TAILORED_TRAINING',
        state: 'CANCELLED',
        pending: null,
        allowedActions: [],
        trainingCourses: [
          { courseId: darknet, course: 'DARKNET_BASIC', status: 'CANCELLED' },
          { courseId: crypto, course: 'CRYPTOCURRENCY_INVESTIGATIONS', status: 'CANCELLED' },
        ],
      });

      const client = realTimeClient(env).workflow;
      for (const courseId of [darknet, crypto]) {
        const course = client.getHandle(trainingCourseWorkflowId(workflowId, courseId));
        expect(await course.result()).toBe('CANCELLED');
        expect((await course.describe()).status.name).toBe('COMPLETED');
      }
      return client.getHandle<typeof engagementWorkflow>(handle.workflowId).result();
    });

    expect(final).toMatchObject({ state: 'CANCELLED', stage: 'TAILORED_TRAINING' });
    expect(final.history.at(-1)).toMatchObject({ action: 'CANCEL', by: manager });
    expect(events.types().at(-1)).toBe('engagement.cancelled');
    // the courses' followers learn they were cancelled, before the engagement's own event
    expect(
      events
        .ofType('training.course-status-changed')
        .filter((event) => event.data.status === 'CANCELLED')
        .map((event) => event.data.courseId),
    ).toEqual([darknet, crypto]);
    expect(events.ofType('engagement.cancelled')).toEqual([
      expect.objectContaining({
        data: { by: manager, reason: 'The partner state withdrew from the programme' },
      }),
    ]);
  });
});
