// End to end over HTTP against the running system, through the gateway only: an officer takes
// Kenya from kick-off to completion while other people review each milestone. On the way a
// reviewer asks for changes, a reviewer puts the engagement on hold for a human-rights concern
// (the manager cannot resume it; lifting the hold does), and the training courses run as child
// workflows. At the end the engagement's status, the audit trail and the programme indicators
// agree.
import { describe, expect, it } from '@jest/globals';
import { complianceChecklist, type MilestoneStage } from '@cttech/domain';
import {
  cryptoDelivery,
  darknetDelivery,
  kickOffReport,
  needsAssessment,
  strategyAdoption,
  trainingPlan,
} from '@cttech/domain/samples';
import { waitFor } from '@cttech/testing';
import { call, freshEngagement, tokenFor, type EngagementStatusBody } from './running-system.ts';

interface Review {
  id: string;
  engagementId: string;
  stage: string;
  status: string;
  checklist: { criterionId: string; evidenceRequired: string | null }[];
}
interface AuditEntry {
  action: string;
  actor: string;
}
interface IndicatorFigure {
  indicator: string;
  value: number | null;
  bySex?: { women: number; men: number; undisclosed: number };
}
interface ProgrammeResults {
  partnerStates: { partnerState: string; engagements: number; indicators: IndicatorFigure[] }[];
}

const approvalOf = (stage: MilestoneStage) => ({
  outcome: 'APPROVED',
  answers: complianceChecklist(stage).map(({ id }) => ({ criterionId: id, verdict: 'MET' })),
  findings: [],
});

describe("Kenya's engagement from kick-off to completion across the running system", () => {
  it('ends with the status, the audit trail and the indicators in agreement', async () => {
    const officer = await tokenFor('officer-ke-1');
    const reviewer = await tokenFor('reviewer-1');
    const secondReviewer = await tokenFor('reviewer-2');
    const manager = await tokenFor('manager-1');
    const operator = await tokenFor('operator-1');

    const kenyaIndicators = async () => {
      const { body } = await call<ProgrammeResults>('GET', '/indicators', manager);
      const kenya = body.partnerStates.find(({ partnerState }) => partnerState === 'KE');
      const of = (indicator: string) =>
        kenya?.indicators.find((figure) => figure.indicator === indicator);
      return {
        engagements: kenya?.engagements ?? 0,
        trained: of('INVESTIGATORS_TRAINED')?.bySex ?? { women: 0, men: 0, undisclosed: 0 },
        coursesWithModule: of('COURSES_WITH_HUMAN_RIGHTS_MODULE')?.value ?? 0,
        recommendations: of('RECOMMENDATIONS_ACTED_ON')?.value ?? 0,
        publicPrivateMechanisms: of('PUBLIC_PRIVATE_MECHANISMS')?.value ?? 0,
      };
    };
    // other runs on this machine have their Kenyan engagements too: compare before and after
    const before = await kenyaIndicators();

    const opened = await freshEngagement(officer, 'KE');
    const id = opened.engagementId;
    const engagement = `/engagements/${id}`;
    const statusOf = async () =>
      (await call<EngagementStatusBody>('GET', engagement, officer)).body;
    const until = (what: string, done: (status: EngagementStatusBody) => boolean) =>
      waitFor(
        async () => {
          const current = await statusOf();
          return done(current) ? current : undefined;
        },
        { what: `${id}: ${what}`, timeoutMs: 60_000 },
      );

    const record = async (kind: string, submission: unknown) => {
      const answer = await call('PUT', `${engagement}/submissions/${kind}`, officer, submission);
      expect({ kind, status: answer.status }).toEqual({ kind, status: 200 });
    };
    const submit = async (
      stage: MilestoneStage,
      body: { findingResponses?: { finding: number; response: string }[] } = {},
    ) => {
      const submitted = await call<EngagementStatusBody>(
        'POST',
        `${engagement}/milestone`,
        officer,
        body,
      );
      expect({ stage, status: submitted.status, state: submitted.body.state }).toEqual({
        stage,
        status: 200,
        state: 'AWAITING_REVIEW',
      });
      return waitFor(
        async () => {
          const queue = await call<Review[]>('GET', '/reviews?status=OPEN', reviewer);
          return queue.body.find((review) => review.engagementId === id && review.stage === stage);
        },
        { what: `the ${stage} review of ${id} in the queue`, timeoutMs: 60_000 },
      );
    };
    const decide = async (review: Review, token: string, decision: unknown) => {
      const decided = await call<Review>('POST', `/reviews/${review.id}/decision`, token, decision);
      expect({ review: review.stage, status: decided.status }).toEqual({
        review: review.stage,
        status: 200,
      });
    };

    // kick-off: changes requested by one reviewer, answered, approved by another
    await record('KICK_OFF_REPORT', kickOffReport);
    const firstKickOff = await submit('KICK_OFF');
    const detail = await call<Review>('GET', `/reviews/${firstKickOff.id}`, reviewer);
    expect(detail.body.checklist.map(({ criterionId }) => criterionId)).toEqual(
      complianceChecklist('KICK_OFF').map(({ id: criterion }) => criterion),
    );
    expect(detail.body.checklist.every(({ evidenceRequired }) => evidenceRequired)).toBe(true);
    // the officer cannot sign off (nor could they their own work)
    expect(
      (await call('POST', `/reviews/${firstKickOff.id}/decision`, officer, approvalOf('KICK_OFF')))
        .status,
    ).toBe(403);
    await decide(firstKickOff, reviewer, {
      outcome: 'CHANGES_REQUESTED',
      answers: [
        { criterionId: 'HRDD_RISK_ASSESSMENT', verdict: 'NOT_MET', comment: 'Not attached.' },
        { criterionId: 'STAKEHOLDER_MAPPING_GENDER', verdict: 'MET' },
      ],
      findings: [{ criterionId: 'HRDD_RISK_ASSESSMENT', text: 'Attach the risk assessment.' }],
    });
    const sentBack = await until('changes requested', ({ state }) => state === 'CHANGES_REQUESTED');
    expect(sentBack.openFindings).toEqual([
      { criterionId: 'HRDD_RISK_ASSESSMENT', text: 'Attach the risk assessment.' },
    ]);
    await record('KICK_OFF_REPORT', kickOffReport);
    // the findings must be answered before the milestone goes back to review
    const unanswered = await call<{ errors: { field: string }[] }>(
      'POST',
      `${engagement}/milestone`,
      officer,
      {},
    );
    expect(unanswered.status).toBe(400);
    expect(unanswered.body.errors.map(({ field }) => field)).toEqual(['findingResponses']);
    const response = 'The risk assessment of 12 March is attached to the kick-off report.';
    const resubmitted = await submit('KICK_OFF', { findingResponses: [{ finding: 0, response }] });
    const answered = await statusOf();
    expect(answered.pendingReview?.answeredFindings).toEqual([
      { criterionId: 'HRDD_RISK_ASSESSMENT', text: 'Attach the risk assessment.', response },
    ]);
    await decide(resubmitted, secondReviewer, approvalOf('KICK_OFF'));
    await until('in the needs assessment', ({ stage }) => stage === 'NEEDS_ASSESSMENT');

    // a human-rights hold: the engagement is suspended; only lifting the hold resumes it
    const placed = await call<{ id: string }>('POST', `${engagement}/holds`, reviewer, {
      concern: 'Allegations of torture against the unit nominated for the training.',
    });
    expect(placed.status).toBe(201);
    const held = await until('suspended by the hold', ({ state }) => state === 'SUSPENDED');
    expect(held.humanRightsHold?.holdId).toBe(placed.body.id);
    expect(held.pending?.on).toBe('COMPLIANCE_REVIEWER');
    expect(
      (await call('PUT', `${engagement}/submissions/NEEDS_ASSESSMENT`, officer, needsAssessment))
        .status,
    ).toBe(409);
    const resume = await call<{ code: string; detail: string }>(
      'POST',
      `${engagement}/resume`,
      manager,
      {},
    );
    expect(resume.status).toBe(409);
    expect(resume.body.code).toBe('HUMAN_RIGHTS_HOLD');
    const lifted = await call(
      'POST',
      `${engagement}/holds/${placed.body.id}/lift`,
      secondReviewer,
      {
        resolution: 'The unit was replaced by the prosecution service in the training plan.',
      },
    );
    expect(lifted.status).toBe(200);
    await until('resumed when the hold is lifted', ({ state }) => state === 'ACTIVE');

    // needs assessment
    await record('NEEDS_ASSESSMENT', needsAssessment);
    await decide(await submit('NEEDS_ASSESSMENT'), reviewer, approvalOf('NEEDS_ASSESSMENT'));
    await until('in the tailored training', ({ stage }) => stage === 'TAILORED_TRAINING');

    // tailored training: the courses (dates past) run as child workflows until delivered
    await record('TRAINING_PLAN', trainingPlan);
    await until(
      'every course awaiting its delivery',
      ({ trainingCourses }) =>
        trainingCourses.length === 2 &&
        trainingCourses.every((c) => c.status === 'AWAITING_DELIVERY'),
    );
    await record('TRAINING_DELIVERY', darknetDelivery);
    await record('TRAINING_DELIVERY', cryptoDelivery);
    await until('every course delivered', ({ trainingCourses }) =>
      trainingCourses.every((c) => c.status === 'DELIVERED'),
    );
    await decide(
      await submit('TAILORED_TRAINING'),
      secondReviewer,
      approvalOf('TAILORED_TRAINING'),
    );
    await until('in the strategy adoption', ({ stage }) => stage === 'STRATEGY_ADOPTION');

    // strategy adoption, then completion
    await record('STRATEGY_ADOPTION', strategyAdoption);
    await decide(await submit('STRATEGY_ADOPTION'), reviewer, approvalOf('STRATEGY_ADOPTION'));
    const completed = await until('completed', ({ stage }) => stage === 'COMPLETED');

    // the status
    const trained = {
      women: darknetDelivery.attendance.women + cryptoDelivery.attendance.women,
      men: darknetDelivery.attendance.men + cryptoDelivery.attendance.men,
      undisclosed: darknetDelivery.attendance.undisclosed + cryptoDelivery.attendance.undisclosed,
    };
    expect(completed.indicators.investigatorsTrained).toEqual({
      ...trained,
      total: trained.women + trained.men + trained.undisclosed,
    });
    expect(completed.indicators.strategyAdopted).toBe(true);
    const decisions = completed.history.filter(
      ({ action }) => action === 'APPROVE' || action === 'REQUEST_CHANGES',
    );
    expect(decisions.map(({ by }) => by)).toEqual([
      'reviewer-1',
      'reviewer-2',
      'reviewer-1',
      'reviewer-2',
      'reviewer-1',
    ]);
    expect(decisions.map(({ action }) => action)).toEqual([
      'REQUEST_CHANGES',
      'APPROVE',
      'APPROVE',
      'APPROVE',
      'APPROVE',
    ]);
    expect(
      completed.history
        .filter(({ action }) => action === 'SUSPEND' || action === 'RESUME')
        .map(({ action, by }) => `${action} ${by}`),
    ).toEqual(['SUSPEND reviewer-1', 'RESUME reviewer-2']);
    // four eyes: nobody decided work they submitted
    const submitters = new Set(
      completed.history.filter(({ action }) => action === 'SUBMIT_MILESTONE').map(({ by }) => by),
    );
    expect(decisions.some(({ by }) => submitters.has(by))).toBe(false);

    // the audit trail tells the same story, and its chain verifies
    const audit = await call<AuditEntry[]>('GET', `${engagement}/audit`, manager);
    expect(audit.body.map(({ action, actor }) => `${action} ${actor}`)).toEqual([
      'REVIEW_OPENED officer-ke-1',
      'MILESTONE_DECIDED reviewer-1',
      'REVIEW_OPENED officer-ke-1',
      'MILESTONE_DECIDED reviewer-2',
      'HUMAN_RIGHTS_HOLD_PLACED reviewer-1',
      'HUMAN_RIGHTS_HOLD_LIFTED reviewer-2',
      'REVIEW_OPENED officer-ke-1',
      'MILESTONE_DECIDED reviewer-1',
      'REVIEW_OPENED officer-ke-1',
      'MILESTONE_DECIDED reviewer-2',
      'REVIEW_OPENED officer-ke-1',
      'MILESTONE_DECIDED reviewer-1',
    ]);
    expect((await call<{ ok: boolean }>('GET', '/audit/verification', operator)).body.ok).toBe(
      true,
    );

    // the programme indicators count this engagement's courses and its signed-off strategy,
    // from the workflow's events
    const after = await waitFor(
      async () => {
        const current = await kenyaIndicators();
        return current.coursesWithModule >= before.coursesWithModule + 2 &&
          current.recommendations >= before.recommendations + 2
          ? current
          : undefined;
      },
      { what: "Kenya's indicators counting the two delivered courses", timeoutMs: 60_000 },
    );
    expect(after.engagements).toBe(before.engagements + 1);
    expect(after.recommendations).toBe(
      before.recommendations + strategyAdoption.specialRapporteurRecommendationsActedOn.length,
    );
    expect(after.publicPrivateMechanisms).toBe(1);
    expect(after.trained).toMatchObject({
      women: before.trained.women + trained.women,
      men: before.trained.men + trained.men,
      undisclosed: before.trained.undisclosed + trained.undisclosed,
    });
    const csv = await call<string>('GET', '/indicators.csv', manager);
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toMatch(/^scope,indicator,/);
  });
});
