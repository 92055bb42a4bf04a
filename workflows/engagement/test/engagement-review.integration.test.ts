import { describe, expect, it } from '@jest/globals';
import { kickOffReport } from '@cttech/domain/samples';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { decideMilestoneUpdate, engagementWorkflowId } from '../src/contract.ts';
import {
  approval,
  changesRequested,
  engagementWorker,
  officer,
  PublishedEvents,
  reviewer,
  secondOfficer,
  useTimeSkippingServer,
} from './engagement-harness.ts';
import {
  decide,
  fieldsOf,
  openEngagement,
  pendingReviewOf,
  record,
  refusalOf,
  status,
  submit,
} from './engagement-steps.ts';

describe('a submitted milestone and its compliance review (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;

  useTimeSkippingServer((started) => {
    env = started;
  });

  it('goes back to the officer with the findings when changes are requested, and is approved once resubmitted', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'review-changes-requested';
    const worker = await engagementWorker(env, taskQueue, events);
    const workflowId = engagementWorkflowId('GH', 2026);

    await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'GH', 2026);
      await record(handle, 'KICK_OFF_REPORT', kickOffReport);
      const first = pendingReviewOf(await submit(handle));
      const finding = 'The stakeholder mapping names no gender focal point.';
      const sentBack = changesRequested('KICK_OFF', first.reviewRequestId, finding);

      const changes = await decide(handle, sentBack);
      expect(changes).toMatchObject({
        stage: 'KICK_OFF',
        state: 'CHANGES_REQUESTED',
        pendingReview: null,
        pending: { on: 'PROGRAMME_OFFICER' },
        allowedActions: ['RECORD_WORK', 'SUBMIT_MILESTONE', 'SUSPEND', 'CANCEL'],
      });
      expect(changes.openFindings).toEqual([
        { criterionId: 'HRDD_RISK_ASSESSMENT', text: finding },
      ]);
      expect(events.ofType('engagement.changes-requested')).toEqual([
        expect.objectContaining({
          data: {
            reviewRequestId: first.reviewRequestId,
            decisionId: sentBack.decisionId,
            stage: 'KICK_OFF',
            decidedBy: reviewer,
            findingCount: 1,
          },
        }),
      ]);

      const corrected = {
        ...kickOffReport,
        stakeholders: [
          ...kickOffReport.stakeholders,
          { agency: 'MINISTRY', organisation: 'Ministry of Gender, gender focal point' },
        ],
      };
      await record(handle, 'KICK_OFF_REPORT', corrected);
      // every open finding must be answered, once, before the milestone goes back
      const unanswered = await refusalOf(submit(handle));
      expect(unanswered.type).toBe('INVALID_SUBMISSION');
      expect(fieldsOf(unanswered)).toEqual(['findingResponses']);
      const badAnswers = await refusalOf(
        submit(handle, officer, [
          { finding: 0, response: ' ' },
          { finding: 3, response: 'Nothing to say.' },
        ]),
      );
      expect(fieldsOf(badAnswers)).toEqual([
        'findingResponses.0.response',
        'findingResponses.1.finding',
      ]);
      expect((await status(handle)).state).toBe('CHANGES_REQUESTED');

      const response = 'The Ministry of Gender focal point is now in the stakeholder mapping.';
      const resubmitted = await submit(handle, officer, [{ finding: 0, response }]);
      const second = pendingReviewOf(resubmitted);
      expect(resubmitted).toMatchObject({ state: 'AWAITING_REVIEW', openFindings: [] });
      // the reviewer sees what was asked and how it was answered
      expect(second.answeredFindings).toEqual([
        { criterionId: 'HRDD_RISK_ASSESSMENT', text: finding, response },
      ]);
      expect(second.reviewRequestId).not.toBe(first.reviewRequestId);

      // a decision on the first request, now answered, no longer applies
      const stale = await refusalOf(
        handle.executeUpdate(decideMilestoneUpdate, {
          args: [approval('KICK_OFF', first.reviewRequestId)],
        }),
      );
      expect(stale.type).toBe('ACTION_NOT_ALLOWED');
      expect(stale.message).toContain(first.reviewRequestId);

      const approved = await decide(handle, approval('KICK_OFF', second.reviewRequestId));
      expect(approved).toMatchObject({ stage: 'NEEDS_ASSESSMENT', state: 'ACTIVE' });
      expect(approved.record.kickOffReport).toEqual(corrected);
      expect(approved.history.map((entry) => entry.action)).toEqual([
        'OPEN',
        'RECORD_WORK',
        'SUBMIT_MILESTONE',
        'REQUEST_CHANGES',
        'RECORD_WORK',
        'SUBMIT_MILESTONE',
        'APPROVE',
      ]);
    });

    expect(events.types()).toEqual([
      'engagement.opened',
      'engagement.work-recorded',
      'engagement.milestone-submitted',
      'engagement.changes-requested',
      'engagement.work-recorded',
      'engagement.milestone-submitted',
      'engagement.stage-advanced',
    ]);
    const submitted = events.ofType('engagement.milestone-submitted');
    expect(submitted.map((event) => event.data.reviewRequestId)).toEqual(
      submitted.map((event) => event.id),
    );
    expect(new Set(submitted.map((event) => event.data.reviewRequestId)).size).toBe(2);
    expect(events.ofType('engagement.stage-advanced')[0]?.data).toMatchObject({
      reviewRequestId: submitted[1]?.id,
      fromStage: 'KICK_OFF',
      toStage: 'NEEDS_ASSESSMENT',
    });
    expect(events.events.map((event) => event.id)).toEqual(
      events.events.map((_, index) => `${workflowId}/${index + 1}`),
    );
  });

  it('refuses a decision by the officer who submitted the milestone or by anyone who recorded its work', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'review-four-eyes';
    const worker = await engagementWorker(env, taskQueue, events);

    await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'NG', 2026);
      await record(handle, 'KICK_OFF_REPORT', kickOffReport, secondOfficer);
      const review = pendingReviewOf(await submit(handle, officer));
      const before = await status(handle);
      const publishedBefore = events.events.length;

      const bySubmitter = await refusalOf(
        decide(handle, approval('KICK_OFF', review.reviewRequestId, officer)),
      );
      expect(bySubmitter.type).toBe('FOUR_EYES');
      expect(bySubmitter.message).toMatch(/submitted this milestone/);

      const byEditor = await refusalOf(
        decide(handle, approval('KICK_OFF', review.reviewRequestId, secondOfficer)),
      );
      expect(byEditor.type).toBe('FOUR_EYES');
      expect(byEditor.message).toMatch(/edited this milestone/);

      expect(await status(handle)).toEqual(before);
      expect(before).toMatchObject({ state: 'AWAITING_REVIEW', pendingReview: review });
      expect(events.events).toHaveLength(publishedBefore);

      const approved = await decide(handle, approval('KICK_OFF', review.reviewRequestId));
      expect(approved).toMatchObject({ stage: 'NEEDS_ASSESSMENT', state: 'ACTIVE' });
      expect(approved.history.at(-1)).toMatchObject({ action: 'APPROVE', by: reviewer });
    });

    expect(events.types()).toEqual([
      'engagement.opened',
      'engagement.work-recorded',
      'engagement.milestone-submitted',
      'engagement.stage-advanced',
    ]);
    expect(events.ofType('engagement.stage-advanced')[0]?.data.decidedBy).toBe(reviewer);
    // the compliance service learns who may not sign off, too
    expect(events.ofType('engagement.milestone-submitted')[0]?.data.editedBy).toEqual([
      secondOfficer,
    ]);
  });

  it('applies a decision delivered twice with the same update id once, and refuses its id under another update id', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'review-duplicate-decision';
    const worker = await engagementWorker(env, taskQueue, events);

    await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'PH', 2026);
      await record(handle, 'KICK_OFF_REPORT', kickOffReport);
      const review = pendingReviewOf(await submit(handle));
      const decision = approval('KICK_OFF', review.reviewRequestId);

      const first = await decide(handle, decision);
      const redelivered = await decide(handle, decision);
      expect(first).toMatchObject({ stage: 'NEEDS_ASSESSMENT', state: 'ACTIVE' });
      expect(redelivered).toEqual(first);
      expect((await status(handle)).history.filter((e) => e.action === 'APPROVE')).toHaveLength(1);

      const underAnotherUpdateId = await refusalOf(
        handle.executeUpdate(decideMilestoneUpdate, {
          args: [decision],
          updateId: `${decision.decisionId}-redelivered`,
        }),
      );
      expect(underAnotherUpdateId.type).toBe('ACTION_NOT_ALLOWED');
      expect(underAnotherUpdateId.message).toBe(
        `decision ${decision.decisionId} has been applied already`,
      );
      expect((await status(handle)).stage).toBe('NEEDS_ASSESSMENT');
    });

    expect(events.ofType('engagement.stage-advanced')).toHaveLength(1);
    expect(events.types().at(-1)).toBe('engagement.stage-advanced');
  });
});
