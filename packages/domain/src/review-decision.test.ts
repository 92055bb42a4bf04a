import { describe, expect, it } from '@jest/globals';
import { complianceChecklist } from './compliance-checklist.ts';
import type { CriterionAnswer, ReviewDecision } from './review-decision.ts';
import { reviewDecisionSchema, validateReviewDecision } from './review-decision.ts';
import type { MilestoneStage } from './stages.ts';

const allMet = (stage: MilestoneStage): CriterionAnswer[] =>
  complianceChecklist(stage).map((criterion) => ({ criterionId: criterion.id, verdict: 'MET' }));

const approval: ReviewDecision = {
  outcome: 'APPROVED',
  answers: allMet('KICK_OFF'),
  findings: [],
};

const hrdd = { criterionId: 'HRDD_RISK_ASSESSMENT', verdict: 'MET' } as const;
const gender = { criterionId: 'STAKEHOLDER_MAPPING_GENDER', verdict: 'MET' } as const;

function problemsOf(input: unknown, stage: MilestoneStage = 'KICK_OFF') {
  const result = validateReviewDecision(stage, input);
  return result.ok ? [] : result.problems;
}

describe('validateReviewDecision: accepted decisions', () => {
  it.each(['KICK_OFF', 'NEEDS_ASSESSMENT', 'TAILORED_TRAINING', 'STRATEGY_ADOPTION'] as const)(
    'approves %s with every criterion of its checklist met',
    (stage) => {
      const decision = { outcome: 'APPROVED', answers: allMet(stage), findings: [] };
      expect(validateReviewDecision(stage, decision)).toEqual({ ok: true, value: decision });
    },
  );

  it('approves with a criterion not applicable, explained, and an observation', () => {
    const decision = {
      outcome: 'APPROVED',
      answers: [
        hrdd,
        { ...gender, verdict: 'NOT_APPLICABLE', comment: 'No gender focal point exists yet.' },
      ],
      findings: [{ text: 'Recommend appointing a gender focal point.' }],
    };
    expect(problemsOf(decision)).toEqual([]);
  });

  it('requests changes with a finding on a criterion not met', () => {
    const decision = {
      outcome: 'CHANGES_REQUESTED',
      answers: [{ ...hrdd, verdict: 'NOT_MET', comment: 'The assessment is missing.' }, gender],
      findings: [{ criterionId: 'HRDD_RISK_ASSESSMENT', text: 'Attach the HRDD risk assessment.' }],
    };
    expect(problemsOf(decision)).toEqual([]);
  });
});

describe('validateReviewDecision: every refusal', () => {
  it.each([
    [
      'a criterion of the stage left unanswered',
      { ...approval, answers: [hrdd] },
      'answers',
      'must answer criterion STAKEHOLDER_MAPPING_GENDER (Gender in the stakeholder mapping)',
    ],
    [
      'a criterion answered twice',
      {
        ...approval,
        answers: [hrdd, gender, { ...hrdd, verdict: 'NOT_APPLICABLE', comment: 'x' }],
      },
      'answers.2.criterionId',
      'repeats answers.0.criterionId: each criterion is answered once',
    ],
    [
      'an answer to an unknown criterion',
      { ...approval, answers: [hrdd, gender, { criterionId: 'VIBES', verdict: 'MET' }] },
      'answers.2.criterionId',
      'is not a criterion of the Kick-off checklist',
    ],
    [
      "an answer to another stage's criterion",
      {
        ...approval,
        answers: [hrdd, gender, { criterionId: 'DATA_PROTECTION_ASSESSMENT', verdict: 'MET' }],
      },
      'answers.2.criterionId',
      'is not a criterion of the Kick-off checklist',
    ],
    [
      'NOT_MET without a comment',
      {
        outcome: 'CHANGES_REQUESTED',
        answers: [hrdd, { ...gender, verdict: 'NOT_MET' }],
        findings: [{ text: 'Map gender.' }],
      },
      'answers.1.comment',
      'is required when the verdict is NOT_MET',
    ],
    [
      'NOT_APPLICABLE without a comment',
      { ...approval, answers: [{ ...hrdd, verdict: 'NOT_APPLICABLE' }, gender] },
      'answers.0.comment',
      'is required when the verdict is NOT_APPLICABLE',
    ],
    [
      'a blank comment',
      { ...approval, answers: [{ ...hrdd, verdict: 'NOT_APPLICABLE', comment: ' ' }, gender] },
      'answers.0.comment',
      'must not be empty',
    ],
    [
      'approval while a criterion is not met',
      {
        ...approval,
        answers: [hrdd, { ...gender, verdict: 'NOT_MET', comment: 'Not considered.' }],
      },
      'outcome',
      'cannot be APPROVED while a criterion is NOT_MET: STAKEHOLDER_MAPPING_GENDER',
    ],
    [
      'changes requested without a finding',
      { ...approval, outcome: 'CHANGES_REQUESTED' },
      'findings',
      'must hold at least one finding when the outcome is CHANGES_REQUESTED',
    ],
    [
      "a finding on another stage's criterion",
      { ...approval, findings: [{ criterionId: 'HUMAN_RIGHTS_SAFEGUARDS', text: 'Too early.' }] },
      'findings.0.criterionId',
      'is not a criterion of the Kick-off checklist',
    ],
    [
      'a finding without text',
      { ...approval, findings: [{ criterionId: 'HRDD_RISK_ASSESSMENT', text: '' }] },
      'findings.0.text',
      'must not be empty',
    ],
    [
      'an unknown outcome',
      { ...approval, outcome: 'REJECTED' },
      'outcome',
      'must be one of: APPROVED, CHANGES_REQUESTED',
    ],
    [
      'an unknown verdict',
      { ...approval, answers: [{ ...hrdd, verdict: 'PARTLY' }, gender] },
      'answers.0.verdict',
      'must be one of: MET, NOT_MET, NOT_APPLICABLE',
    ],
    [
      'an empty criterion id',
      { ...approval, answers: [hrdd, gender, { criterionId: '', verdict: 'MET' }] },
      'answers.2.criterionId',
      'must be at least 1 character long',
    ],
    [
      'no findings list',
      { outcome: 'APPROVED', answers: approval.answers },
      'findings',
      'is required',
    ],
    [
      'an unexpected field',
      { ...approval, signedBy: 'reviewer-3' },
      'signedBy',
      'is not an expected field',
    ],
  ])('refuses %s', (_name, input, field, message) => {
    expect(problemsOf(input)).toEqual([{ field, message }]);
  });

  it('lists every problem at once', () => {
    expect(
      problemsOf({
        outcome: 'APPROVED',
        answers: [
          { ...hrdd, verdict: 'NOT_MET' },
          { criterionId: 'ATTENDANCE_BY_SEX', verdict: 'MET' },
        ],
        findings: [{ criterionId: 'ATTENDANCE_BY_SEX', text: 'Wrong stage.' }],
        extra: true,
      }),
    ).toEqual([
      { field: 'extra', message: 'is not an expected field' },
      { field: 'answers.0.comment', message: 'is required when the verdict is NOT_MET' },
      {
        field: 'outcome',
        message: 'cannot be APPROVED while a criterion is NOT_MET: HRDD_RISK_ASSESSMENT',
      },
      { field: 'answers.1.criterionId', message: 'is not a criterion of the Kick-off checklist' },
      {
        field: 'answers',
        message:
          'must answer criterion STAKEHOLDER_MAPPING_GENDER (Gender in the stakeholder mapping)',
      },
      { field: 'findings.0.criterionId', message: 'is not a criterion of the Kick-off checklist' },
    ]);
  });

  it('refuses something that is not a decision', () => {
    expect(problemsOf('approved')).toEqual([{ field: '', message: 'must be an object' }]);
  });

  it('refuses a decision at a stage without a milestone', () => {
    expect(validateReviewDecision('COMPLETED' as MilestoneStage, approval)).toEqual({
      ok: false,
      problems: [
        {
          field: '',
          message: 'cannot be decided at stage COMPLETED: only a milestone stage is reviewed',
        },
      ],
    });
  });
});

describe('reviewDecisionSchema', () => {
  it('holds the rules that do not depend on the stage', () => {
    expect(
      reviewDecisionSchema.safeParse({
        ...approval,
        answers: [{ criterionId: 'ANY', verdict: 'MET' }],
      }).success,
    ).toBe(true);
    expect(
      reviewDecisionSchema.safeParse({ ...approval, outcome: 'CHANGES_REQUESTED' }).success,
    ).toBe(false);
  });
});
