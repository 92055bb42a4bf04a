// The reviewer's decision form and queue order.
import { describe, expect, it } from '@jest/globals';
import { complianceChecklist } from '@cttech/domain';
import type { ReviewSummary } from '../gateway/api-types.ts';
import {
  decisionBody,
  decisionMessages,
  decisionProblems,
  emptyDecisionForm,
  reviewQueueOrder,
} from './review-decision-form.ts';

const checklist = complianceChecklist('KICK_OFF').map(({ id, title }) => ({
  criterionId: id,
  title,
}));

describe("the reviewer's decision", () => {
  it('answers every criterion in the checklist order, and approves when all are met', () => {
    const values = {
      answers: {
        STAKEHOLDER_MAPPING_GENDER: { verdict: 'MET' as const, comment: '  ' },
        HRDD_RISK_ASSESSMENT: { verdict: 'MET' as const, comment: ' Assessment of 12 March. ' },
      },
      findings: [],
    };
    expect(decisionBody('APPROVED', checklist, values)).toEqual({
      outcome: 'APPROVED',
      answers: [
        { criterionId: 'HRDD_RISK_ASSESSMENT', verdict: 'MET', comment: 'Assessment of 12 March.' },
        { criterionId: 'STAKEHOLDER_MAPPING_GENDER', verdict: 'MET' },
      ],
      findings: [],
    });
    expect(decisionProblems('KICK_OFF', 'APPROVED', checklist, values)).toEqual([]);
  });

  it("puts the domain's objections next to the criterion or finding concerned", () => {
    const values = {
      answers: {
        ...emptyDecisionForm(checklist).answers,
        HRDD_RISK_ASSESSMENT: { verdict: 'NOT_MET' as const, comment: '' },
      },
      findings: [{ criterionId: 'HRDD_RISK_ASSESSMENT', text: ' ' }],
    };
    expect(
      decisionMessages(checklist, [
        {
          field: 'findings.0.criterionId',
          message: 'is not a criterion of the Kick-off checklist',
        },
      ]),
    ).toEqual({
      'findings.0.criterionId': [
        'Finding 1: criterion is not a criterion of the Kick-off checklist',
      ],
    });
    const approving = decisionMessages(
      checklist,
      decisionProblems('KICK_OFF', 'APPROVED', checklist, values),
    );
    expect(approving).toEqual({
      'answers.HRDD_RISK_ASSESSMENT.comment': [
        'Human-rights due-diligence risk assessment: comment is required when the verdict is NOT_MET',
      ],
      'answers.STAKEHOLDER_MAPPING_GENDER.verdict': [
        'Gender in the stakeholder mapping: verdict must be chosen',
      ],
      'findings.0.text': ['Finding 1 must not be empty'],
      '': ['The decision cannot be APPROVED while a criterion is NOT_MET: HRDD_RISK_ASSESSMENT'],
    });
    const requesting = decisionProblems('KICK_OFF', 'CHANGES_REQUESTED', checklist, {
      ...values,
      findings: [],
    });
    expect(decisionMessages(checklist, requesting).findings).toEqual([
      'Findings must hold at least one finding when the outcome is CHANGES_REQUESTED',
    ]);
  });

  it('orders the queue by deadline, the earliest first', () => {
    const review = (id: string, dueAt: string, submittedAt = '2026-01-01T00:00:00Z') =>
      ({ id, dueAt, submittedAt }) as ReviewSummary;
    expect(
      reviewQueueOrder([
        review('late', '2026-03-01T00:00:00Z'),
        review('first', '2026-02-01T00:00:00Z', '2026-01-02T00:00:00Z'),
        review('earlier', '2026-02-01T00:00:00Z'),
      ]).map(({ id }) => id),
    ).toEqual(['earlier', 'first', 'late']);
  });
});
