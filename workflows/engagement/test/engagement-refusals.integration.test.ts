import { describe, expect, it } from '@jest/globals';
import { complianceChecklist } from '@cttech/domain';
import { kickOffReport, needsAssessment } from '@cttech/domain/samples';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { EngagementStatus } from '../src/contract.ts';
import {
  approval,
  engagementWorker,
  PublishedEvents,
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
  type EngagementHandle,
  type UpdateRefusal,
} from './engagement-steps.ts';

describe('updates the workflow refuses (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;

  useTimeSkippingServer((started) => {
    env = started;
  });

  it('refuses invalid work, a milestone not ready and an incomplete decision, leaving the engagement as it was', async () => {
    const events = new PublishedEvents();
    const taskQueue = 'refusals';
    const worker = await engagementWorker(env, taskQueue, events);

    /** Runs a refused update and checks it changed nothing: same status, no event published. */
    async function refusedWithoutEffect(
      handle: EngagementHandle,
      update: () => Promise<EngagementStatus>,
    ): Promise<UpdateRefusal> {
      const before = await status(handle);
      const published = events.events.length;
      const refusal = await refusalOf(update());
      const after = await status(handle);
      expect(after).toEqual(before);
      expect(after.history).toHaveLength(before.history.length);
      expect(events.events).toHaveLength(published);
      return refusal;
    }

    await worker.runUntil(async () => {
      const handle = await openEngagement(env, taskQueue, 'KE', 2029);

      // no stakeholder, no needs identified, a period that ends before it starts
      const invalidReport = {
        stakeholders: [],
        assistancePlan: {
          ...kickOffReport.assistancePlan,
          periodStart: '2026-09-01',
          periodEnd: '2026-03-31',
        },
      };
      const invalid = await refusedWithoutEffect(handle, () =>
        record(handle, 'KICK_OFF_REPORT', invalidReport),
      );
      expect(invalid.type).toBe('INVALID_SUBMISSION');
      expect(fieldsOf(invalid).sort()).toEqual([
        'assistancePlan.periodEnd',
        'needsIdentified',
        'stakeholders',
      ]);
      expect(invalid.message).toMatch(/^the submission has 3 problems: /);
      for (const field of fieldsOf(invalid)) expect(invalid.message).toContain(field);

      const withoutPlan = {
        stakeholders: kickOffReport.stakeholders,
        needsIdentified: kickOffReport.needsIdentified,
      };
      const noPlan = await refusedWithoutEffect(handle, () =>
        record(handle, 'KICK_OFF_REPORT', withoutPlan),
      );
      expect(noPlan.type).toBe('INVALID_SUBMISSION');
      expect(fieldsOf(noPlan)).toEqual(['assistancePlan']);

      const wrongStage = await refusedWithoutEffect(handle, () =>
        record(handle, 'NEEDS_ASSESSMENT', needsAssessment),
      );
      expect(wrongStage.type).toBe('ACTION_NOT_ALLOWED');
      expect(wrongStage.message).toMatch(/NEEDS_ASSESSMENT cannot be recorded .* in KICK_OFF/);

      const notReady = await refusedWithoutEffect(handle, () => submit(handle));
      expect(notReady.type).toBe('ACTION_NOT_ALLOWED');
      expect(notReady.message).toContain('the kick-off report is not recorded');
      expect(fieldsOf(notReady)).toEqual(['KICK_OFF_REPORT_RECORDED']);

      const noAuthor = await refusedWithoutEffect(handle, () =>
        record(handle, 'KICK_OFF_REPORT', kickOffReport, ''),
      );
      expect(noAuthor.type).toBe('INVALID_SUBMISSION');
      expect(fieldsOf(noAuthor)).toEqual(['by']);

      // nothing refused so far left a trace: the engagement is as it was opened
      const opened = await status(handle);
      expect(opened.history.map((entry) => entry.action)).toEqual(['OPEN']);
      expect(opened.record).toEqual({ trainingDeliveries: [] });

      await record(handle, 'KICK_OFF_REPORT', kickOffReport);
      const review = pendingReviewOf(await submit(handle));

      const [firstCriterion, ...others] = complianceChecklist('KICK_OFF');
      const decision = approval('KICK_OFF', review.reviewRequestId);
      const missingAnswer = {
        ...decision,
        decision: {
          outcome: 'APPROVED',
          answers: others.map((criterion) => ({ criterionId: criterion.id, verdict: 'MET' })),
          findings: [],
        },
      };
      const unanswered = await refusedWithoutEffect(handle, () => decide(handle, missingAnswer));
      expect(unanswered.type).toBe('INVALID_REVIEW_DECISION');
      expect(unanswered.problems).toEqual([
        {
          field: 'answers',
          message: `must answer criterion ${firstCriterion?.id} (${firstCriterion?.title})`,
        },
      ]);

      const recordWhileInReview = await refusedWithoutEffect(handle, () =>
        record(handle, 'KICK_OFF_REPORT', kickOffReport),
      );
      expect(recordWhileInReview.type).toBe('ACTION_NOT_ALLOWED');
      expect(recordWhileInReview.message).toMatch(/frozen until a compliance reviewer decides/);

      // the refused decision's id (and update id) was not spent: the complete decision is applied
      const approved = await decide(handle, decision);
      expect(approved).toMatchObject({ stage: 'NEEDS_ASSESSMENT', state: 'ACTIVE' });
    });

    expect(events.types()).toEqual([
      'engagement.opened',
      'engagement.work-recorded',
      'engagement.milestone-submitted',
      'engagement.stage-advanced',
    ]);
  });
});
