import { describe, expect, it } from '@jest/globals';
import { demoUsers } from '@cttech/auth';
import {
  applyEngagementAction,
  checkDeliveryAgainstPlan,
  checkFourEyes,
  complianceChecklist,
  emptyStageRecord,
  engagementIndicators,
  exitCriteria,
  refusalForProblems,
  submissionKindsByStage,
  validateReviewDecision,
  validateSubmission,
  type EngagementAction,
  type EngagementPosition,
  type EngagementStage,
  type EngagementState,
  type MilestoneStage,
  type Problem,
  type StageRecord,
} from '@cttech/domain';
import {
  demoCycle,
  demoManager,
  demoOperator,
  demoPartnerStates,
  demoScenarios,
  describeStep,
  engagementIdOf,
  nextActors,
  progressAlong,
  reviewDecision,
  type DecideStep,
  type DemoScenario,
  type DemoStep,
  type HistoryEntry,
  type RecordStep,
} from './demo-scenarios.ts';

const scenarios = demoScenarios();
const scenario = (state: string): DemoScenario => {
  const found = scenarios.find(({ partnerState }) => partnerState === state);
  if (!found) throw new Error(`no scenario for ${state}`);
  return found;
};

function userWith(userId: string) {
  const user = demoUsers.find((candidate) => candidate.userId === userId);
  if (!user) throw new Error(`${userId} is not a demo user of @cttech/auth`);
  return user;
}

const mayAct = (userId: string, role: string, state: string) => {
  const user = userWith(userId);
  return (
    user.roles.includes(role as (typeof user.roles)[number]) &&
    (user.partnerStates.includes('*') || user.partnerStates.includes(state))
  );
};

/** The history entries the steps would leave, as the workflow writes them. */
const historyOf = (steps: readonly DemoStep[]): HistoryEntry[] =>
  steps.map((step) => {
    switch (step.kind) {
      case 'OPEN':
        return { action: 'OPEN', by: step.as };
      case 'RECORD':
        return { action: 'RECORD_WORK', by: step.as, note: step.submissionKind };
      case 'SUBMIT':
        return { action: 'SUBMIT_MILESTONE', by: step.as };
      case 'DECIDE':
        return { action: step.outcome === 'APPROVED' ? 'APPROVE' : 'REQUEST_CHANGES', by: step.as };
      case 'HOLD':
        return { action: 'SUSPEND', by: step.as, note: step.concern };
    }
  });

const checklistOf = (stage: MilestoneStage): string[] =>
  complianceChecklist(stage).map(({ id }) => id);

/** The engagement's record with one more piece of work (a course's delivery replaces its last). */
function withWork(record: StageRecord, step: RecordStep): StageRecord {
  switch (step.submissionKind) {
    case 'KICK_OFF_REPORT':
      return { ...record, kickOffReport: step.submission };
    case 'NEEDS_ASSESSMENT':
      return { ...record, needsAssessment: step.submission };
    case 'TRAINING_PLAN':
      return { ...record, trainingPlan: step.submission };
    case 'TRAINING_DELIVERY': {
      const { courseId } = step.submission;
      const others = record.trainingDeliveries.filter((each) => each.courseId !== courseId);
      return { ...record, trainingDeliveries: [...others, step.submission] };
    }
    case 'TRAINING_COMPLETION':
      return { ...record, trainingCompletion: step.submission };
    case 'STRATEGY_ADOPTION':
      return { ...record, strategyAdoption: step.submission };
  }
}

/**
 * Walks the steps through the engagement's rules as the workflow applies them, with
 * @cttech/domain's own: the state machine, the kinds of work each stage takes, every
 * submission validated (a delivery against its plan too), the exit criteria, four eyes, and
 * every decision validated against its stage's checklist. Only the open findings a
 * resubmission answers are modelled here (the workflow keeps them). What each step breaks,
 * and where the steps leave the engagement with its record.
 */
function walk(steps: readonly DemoStep[]): {
  stage: EngagementStage;
  state: EngagementState;
  record: StageRecord;
  broken: string[];
} {
  let position: EngagementPosition = { stage: 'KICK_OFF', state: 'ACTIVE' };
  let record = emptyStageRecord;
  let editors: string[] = [];
  let submittedBy = '';
  let openFindings = 0;
  const broken: string[] = [];
  const act = (at: string, action: EngagementAction): boolean => {
    const moved = applyEngagementAction(position, action);
    if (moved.ok) position = moved.position;
    else broken.push(`${at}: ${moved.refusal.message}`);
    return moved.ok;
  };
  /** The gateway's refusal of an invalid submission or decision: every problem listed. */
  const refuse = (
    at: string,
    code: 'INVALID_SUBMISSION' | 'INVALID_REVIEW_DECISION',
    problems: readonly Problem[],
  ) => broken.push(`${at}: ${refusalForProblems(code, problems).message}`);
  const onStage = (at: string, stage: MilestoneStage): boolean => {
    if (stage === position.stage) return true;
    broken.push(`${at}: the engagement is at ${position.stage}`);
    return false;
  };
  steps.forEach((step, index) => {
    const at = `step ${index + 1} (${describeStep(step)})`;
    switch (step.kind) {
      case 'OPEN':
        if (index !== 0) broken.push(`${at}: only the first step opens`);
        break;
      case 'RECORD': {
        const { stage } = position;
        if (stage === 'COMPLETED' || !submissionKindsByStage[stage].includes(step.submissionKind)) {
          broken.push(`${at}: ${stage} does not take a ${step.submissionKind}`);
        }
        const validated = validateSubmission(step.submissionKind, step.submission);
        if (!validated.ok) refuse(at, 'INVALID_SUBMISSION', validated.problems);
        if (step.submissionKind === 'TRAINING_DELIVERY') {
          const plan = record.trainingPlan;
          const checked = plan && checkDeliveryAgainstPlan(plan, step.submission);
          if (!checked) broken.push(`${at}: recorded before the training plan`);
          else if (!checked.ok) refuse(at, 'INVALID_SUBMISSION', checked.problems);
        }
        if (act(at, 'RECORD_WORK')) {
          record = withWork(record, step);
          if (!editors.includes(step.as)) editors.push(step.as);
        }
        break;
      }
      case 'SUBMIT': {
        if (onStage(at, step.stage)) {
          const { unmet } = exitCriteria(step.stage, record);
          broken.push(...unmet.map(({ message }) => `${at}: ${message}`));
        }
        const answered = new Set((step.findingResponses ?? []).map(({ finding }) => finding));
        if (
          answered.size !== openFindings ||
          [...answered].some((finding) => finding >= openFindings)
        ) {
          broken.push(`${at}: must answer each of the ${openFindings} open findings, once`);
        }
        if (act(at, 'SUBMIT_MILESTONE')) {
          submittedBy = step.as;
          openFindings = 0;
        }
        break;
      }
      case 'DECIDE': {
        onStage(at, step.stage);
        const fourEyes = checkFourEyes({ submittedBy, decidedBy: step.as, editedBy: editors });
        if (!fourEyes.ok) broken.push(`${at}: ${fourEyes.refusal.message}`);
        const decision = reviewDecision(step, checklistOf(step.stage));
        if (!decision.ok) broken.push(`${at}: ${decision.message}`);
        else {
          const validated = validateReviewDecision(step.stage, decision.body);
          if (!validated.ok) refuse(at, 'INVALID_REVIEW_DECISION', validated.problems);
        }
        const approved = step.outcome === 'APPROVED';
        if (act(at, approved ? 'APPROVE' : 'REQUEST_CHANGES')) {
          if (approved) editors = [];
          openFindings = approved ? 0 : (step.findings?.length ?? 0);
        }
        break;
      }
      case 'HOLD':
        act(at, 'SUSPEND');
        break;
    }
  });
  return { stage: position.stage, state: position.state, record, broken };
}

describe('the demo programme plan', () => {
  it("covers the programme's seven kick-off partner states, each engagement once, in the demo cycle", () => {
    expect(scenarios.map(({ partnerState, name }) => `${partnerState} ${name}`)).toEqual([
      'GH Ghana',
      'IQ Iraq',
      'KE Kenya',
      'NG Nigeria',
      'PH Philippines',
      'TJ Tajikistan',
      'UZ Uzbekistan',
    ]);
    expect(demoPartnerStates).toHaveLength(7);
    expect(demoCycle).toBe(2026);
    expect(engagementIdOf('KE', demoCycle)).toBe('engagement-KE-2026');
    expect(() => demoScenarios(1999)).toThrow(RangeError);
    expect(() => demoScenarios(2100.5)).toThrow(RangeError);
  });

  it('leaves each engagement somewhere else: every stage, and each kind of waiting', () => {
    expect(
      scenarios.map(
        ({ partnerState, leftAt }) => `${partnerState} ${leftAt.stage} ${leftAt.state}`,
      ),
    ).toEqual([
      'GH KICK_OFF ACTIVE',
      'IQ TAILORED_TRAINING ACTIVE',
      'KE KICK_OFF AWAITING_REVIEW',
      'NG NEEDS_ASSESSMENT CHANGES_REQUESTED',
      'PH STRATEGY_ADOPTION AWAITING_REVIEW',
      'TJ COMPLETED COMPLETED',
      'UZ NEEDS_ASSESSMENT SUSPENDED',
    ]);
  });

  it.each(scenarios.map((each) => [each.name, each] as const))(
    "takes %s's steps by the engagement's rules, every submission and decision valid, to where the demo says it leaves it",
    (_name, { steps, leftAt }) => {
      expect(steps[0]?.kind).toBe('OPEN');
      const { broken, stage, state } = walk(steps);
      expect(broken).toEqual([]);
      expect({ stage, state }).toEqual(leftAt);
    },
  );

  it("refuses, in this model of the rules, what the engagement's workflow refuses", () => {
    const [open, , submit] = scenario('KE').steps as [DemoStep, DemoStep, DemoStep];
    expect(walk([open, submit]).broken).toEqual([
      'step 2 (officer-ke-1 submits the kick-off milestone): the kick-off report is not recorded',
    ]);
    const ownApproval: DecideStep = {
      kind: 'DECIDE',
      as: 'officer-ke-1',
      stage: 'KICK_OFF',
      outcome: 'APPROVED',
    };
    expect(walk([...scenario('KE').steps, ownApproval]).broken).toEqual([
      'step 4 (officer-ke-1 approves the kick-off milestone): the reviewer submitted this milestone and cannot sign it off; another compliance reviewer must decide it',
    ]);
    const tajik = scenario('TJ').steps;
    const firstDelivery = tajik.findIndex(
      (step) => step.kind === 'RECORD' && step.submissionKind === 'TRAINING_DELIVERY',
    );
    expect(walk(tajik.filter((_, index) => index !== firstDelivery)).broken).toEqual([
      'step 11 (officer-tj-1 submits the tailored training milestone): no delivery is recorded for virtual-assets-basic-2026-1',
      'step 11 (officer-tj-1 submits the tailored training milestone): 30 investigators trained, below the target of 40, and no shortfall justification is recorded',
    ]);
    const nigeria = scenario('NG').steps;
    const unanswered: DemoStep = { kind: 'SUBMIT', as: 'officer-ng-1', stage: 'NEEDS_ASSESSMENT' };
    expect(walk([...nigeria, unanswered]).broken).toEqual([
      'step 8 (officer-ng-1 submits the needs assessment milestone): must answer each of the 2 open findings, once',
    ]);
  });

  it("refuses, by @cttech/domain's validation, a submission, a delivery or a decision the gateway refuses", () => {
    const [open, report] = scenario('GH').steps;
    if (
      open === undefined ||
      report?.kind !== 'RECORD' ||
      report.submissionKind !== 'KICK_OFF_REPORT'
    ) {
      throw new Error("Ghana's steps no longer start with the kick-off report");
    }
    const { assistancePlan } = report.submission;
    const backwards: RecordStep = {
      ...report,
      submission: {
        ...report.submission,
        assistancePlan: { ...assistancePlan, periodEnd: '2026-08-31' },
      },
    };
    expect(walk([open, backwards]).broken).toEqual([
      'step 2 (officer-gh-1 records the kick-off report): the submission has 1 problem: assistancePlan.periodEnd must be on or after assistancePlan.periodStart',
    ]);
    const iraq = scenario('IQ').steps;
    const delivery = iraq.at(-1);
    if (delivery?.kind !== 'RECORD' || delivery.submissionKind !== 'TRAINING_DELIVERY') {
      throw new Error('no delivery');
    }
    const overbooked: RecordStep = {
      ...delivery,
      submission: { ...delivery.submission, attendance: { women: 6, men: 15, undisclosed: 0 } },
    };
    expect(walk([...iraq.slice(0, -1), overbooked]).broken).toEqual([
      'step 9 (officer-iq-1 records the delivery of cryptocurrency-investigations-2026-1): the submission has 1 problem: attendance counts 21 participants, more than the 20 seats planned for cryptocurrency-investigations-2026-1',
    ]);
    const approvalOverNotMet: DecideStep = {
      kind: 'DECIDE',
      as: 'reviewer-1',
      stage: 'KICK_OFF',
      outcome: 'APPROVED',
      notMet: [{ criterionId: 'HRDD_RISK_ASSESSMENT', comment: 'Not attached.' }],
    };
    expect(walk([...scenario('KE').steps, approvalOverNotMet]).broken).toEqual([
      'step 4 (reviewer-1 approves the kick-off milestone): the review decision has 1 problem: outcome cannot be APPROVED while a criterion is NOT_MET: HRDD_RISK_ASSESSMENT',
    ]);
  });

  it.each(scenarios.map((each) => [each.name, each] as const))(
    "gives %s a team of demo users who may do each step: the state's officer, its reviewers",
    (_name, { partnerState, team, steps }) => {
      expect(mayAct(team.officer, 'PROGRAMME_OFFICER', partnerState)).toBe(true);
      // every demo reviewer of the state, so "whose move" names them all; four eyes needs two
      const reviewersOfState = demoUsers
        .filter(({ userId }) => mayAct(userId, 'COMPLIANCE_REVIEWER', partnerState))
        .map(({ userId }) => userId);
      expect([...team.reviewers].sort()).toEqual(reviewersOfState.sort());
      expect(team.reviewers.length).toBeGreaterThanOrEqual(2);
      for (const step of steps) {
        const role =
          step.kind === 'DECIDE' || step.kind === 'HOLD'
            ? 'COMPLIANCE_REVIEWER'
            : 'PROGRAMME_OFFICER';
        expect({ step: describeStep(step), mayAct: mayAct(step.as, role, partnerState) }).toEqual({
          step: describeStep(step),
          mayAct: true,
        });
      }
    },
  );

  it('gives every kick-off partner state an officer and two reviewers among the demo users', () => {
    for (const state of demoPartnerStates) {
      const officers = demoUsers.filter(({ userId }) => mayAct(userId, 'PROGRAMME_OFFICER', state));
      const reviewers = demoUsers.filter(({ userId }) =>
        mayAct(userId, 'COMPLIANCE_REVIEWER', state),
      );
      expect({ state, officers: officers.length >= 1, reviewers: reviewers.length >= 2 }).toEqual({
        state,
        officers: true,
        reviewers: true,
      });
    }
    expect(mayAct(demoManager, 'PROGRAMME_MANAGER', 'TJ')).toBe(true);
    expect(mayAct(demoOperator, 'OPERATOR', 'UZ')).toBe(true);
  });

  it("counts Tajikistan in the manager's indicators: adopted, 3 recommendations, 55 trained, a mechanism", () => {
    expect(engagementIndicators(walk(scenario('TJ').steps).record)).toEqual({
      investigatorsTrained: { women: 18, men: 36, undisclosed: 1, total: 55 },
      womenShareInPolicyDesign: 0.31,
      recommendationsActedOn: 3,
      strategyAdopted: true,
      publicPrivateMechanism: true,
    });
  });

  it('dates the work in the cycle it seeds, so another cycle is another set of engagements', () => {
    const [ghana] = demoScenarios(2031);
    const report = ghana?.steps[1];
    expect(
      report?.kind === 'RECORD' &&
        report.submissionKind === 'KICK_OFF_REPORT' &&
        report.submission.assistancePlan.periodStart,
    ).toBe('2031-09-01');
    const courseIds = demoScenarios(2031)
      .flatMap(({ steps }) => steps)
      .flatMap((step) =>
        step.kind === 'RECORD' && step.submissionKind === 'TRAINING_PLAN'
          ? step.submission.courses
          : [],
      )
      .map(({ courseId }) => courseId);
    expect(courseIds.every((courseId) => courseId.includes('-2031-'))).toBe(true);
  });
});

describe('progressAlong', () => {
  const { steps } = scenario('NG');
  const history = historyOf(steps);

  it('is at the start with no history, and along the steps the history shows', () => {
    expect(progressAlong(steps, [])).toEqual({ kind: 'ALONG', done: 0 });
    expect(progressAlong(steps, history.slice(0, 3))).toEqual({ kind: 'ALONG', done: 3 });
    expect(progressAlong(steps, history)).toEqual({ kind: 'ALONG', done: steps.length });
  });

  it('skips the entries the clock adds', () => {
    const deadline = { action: 'DEADLINE', by: 'system', note: 'stage overdue' };
    expect(
      progressAlong(steps, [...history.slice(0, 2), deadline, ...history.slice(2, 4)]),
    ).toEqual({
      kind: 'ALONG',
      done: 4,
    });
  });

  it('has moved on when there is more than the steps (people used the demo)', () => {
    const since = [{ action: 'RECORD_WORK', by: 'officer-ng-1', note: 'NEEDS_ASSESSMENT' }];
    expect(progressAlong(steps, [...history, ...since])).toEqual({ kind: 'MOVED_ON', since });
  });

  it('has diverged when an entry is not the step the plan has there', () => {
    const found = { action: 'REQUEST_CHANGES', by: 'reviewer-3' };
    expect(progressAlong(steps, [...history.slice(0, 3), found])).toEqual({
      kind: 'DIVERGED',
      step: 3,
      expected: steps[3],
      found,
    });
    // recording another kind of work than planned is another way too
    const otherWork = { action: 'RECORD_WORK', by: 'officer-ng-1', note: 'TRAINING_PLAN' };
    expect(progressAlong(steps, [history[0] as HistoryEntry, otherWork])).toMatchObject({
      kind: 'DIVERGED',
      step: 1,
    });
  });
});

describe('reviewDecision', () => {
  const checklist = checklistOf('NEEDS_ASSESSMENT');

  it('answers every criterion of the checklist MET to approve', () => {
    const approval: DecideStep = {
      kind: 'DECIDE',
      as: 'reviewer-1',
      stage: 'NEEDS_ASSESSMENT',
      outcome: 'APPROVED',
    };
    const decision = reviewDecision(approval, checklist);
    expect(decision).toEqual({
      ok: true,
      body: {
        outcome: 'APPROVED',
        answers: checklist.map((criterionId) => ({ criterionId, verdict: 'MET' })),
        findings: [],
      },
    });
    expect(decision.ok && validateReviewDecision('NEEDS_ASSESSMENT', decision.body).ok).toBe(true);
  });

  it("answers the step's criteria NOT_MET, with comments and findings, to request changes", () => {
    const step = scenario('NG').steps.at(-1) as DecideStep;
    const decision = reviewDecision(step, checklist);
    expect(decision.ok && decision.body.outcome).toBe('CHANGES_REQUESTED');
    expect(
      decision.ok &&
        decision.body.answers.map(({ criterionId, verdict }) => `${criterionId} ${verdict}`),
    ).toEqual([
      'HRDD_RISK_ASSESSMENT_UPDATED MET',
      'DATA_PROTECTION_ASSESSMENT NOT_MET',
      'PARTICIPATION_BY_SEX NOT_MET',
    ]);
    expect(decision.ok && decision.body.findings).toHaveLength(2);
    // a comment for each criterion not met, findings to request changes: as the domain wants
    expect(decision.ok && validateReviewDecision('NEEDS_ASSESSMENT', decision.body).ok).toBe(true);
  });

  it('refuses a criterion the checklist does not have: the plan and the API disagree', () => {
    const step = scenario('NG').steps.at(-1) as DecideStep;
    expect(reviewDecision(step, ['HRDD_RISK_ASSESSMENT_UPDATED'])).toEqual({
      ok: false,
      message:
        'the needs assessment checklist (HRDD_RISK_ASSESSMENT_UPDATED) has no criterion DATA_PROTECTION_ASSESSMENT, PARTICIPATION_BY_SEX',
    });
  });
});

describe('nextActors', () => {
  const { team } = scenario('KE');

  it('names the officer, the reviewers who did not submit, or the manager, by whose move it is', () => {
    expect(nextActors(team, { on: 'PROGRAMME_OFFICER' })).toEqual(['officer-ke-1']);
    expect(nextActors(team, { on: 'COMPLIANCE_REVIEWER' }, 'officer-ke-1')).toEqual([
      'reviewer-1',
      'reviewer-2',
    ]);
    expect(nextActors(team, { on: 'COMPLIANCE_REVIEWER' }, 'reviewer-2')).toEqual(['reviewer-1']);
    expect(nextActors(team, { on: 'PROGRAMME_MANAGER' })).toEqual(['manager-1']);
    expect(nextActors(team, null)).toEqual([]);
  });
});
