// The reviewer's decision form: a verdict and comment per checklist criterion, findings, and
// the decision body for `POST /reviews/:id/decision`, checked by the domain's own rules for
// the stage; the reviewer's queue in the order it is worked (the earliest due first).
import {
  validateReviewDecision,
  type CriterionVerdict,
  type MilestoneStage,
  type ReviewOutcome,
} from '@cttech/domain';
import { messagesByField, type FieldProblem, type FormFieldPlace } from '../gateway/api-problem.ts';
import type { ChecklistCriterion, ReviewSummary } from '../gateway/api-types.ts';

export interface CriterionAnswerEntry {
  readonly verdict: CriterionVerdict | '';
  readonly comment: string;
}

export interface FindingEntry {
  /** '' when the finding is about no single criterion. */
  readonly criterionId: string;
  readonly text: string;
}

export interface DecisionFormValues {
  /** By criterion id. */
  readonly answers: Readonly<Record<string, CriterionAnswerEntry>>;
  readonly findings: readonly FindingEntry[];
}

type Checklist = readonly Pick<ChecklistCriterion, 'criterionId' | 'title'>[];

export function emptyDecisionForm(checklist: Checklist): DecisionFormValues {
  return {
    answers: Object.fromEntries(
      checklist.map(({ criterionId }) => [criterionId, { verdict: '', comment: '' }]),
    ),
    findings: [],
  };
}

/** The decision as the API takes it: one answer per criterion, in the checklist's order. */
export function decisionBody(
  outcome: ReviewOutcome,
  checklist: Checklist,
  values: DecisionFormValues,
): unknown {
  return {
    outcome,
    answers: checklist.map(({ criterionId }) => {
      const { verdict = '', comment = '' } = values.answers[criterionId] ?? {};
      return {
        criterionId,
        ...(verdict === '' ? {} : { verdict }),
        ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      };
    }),
    findings: values.findings.map(({ criterionId, text }) => ({
      ...(criterionId === '' ? {} : { criterionId }),
      text: text.trim(),
    })),
  };
}

/** What the domain finds wrong with the decision for the stage (none: it may be sent). */
export function decisionProblems(
  stage: MilestoneStage,
  outcome: ReviewOutcome,
  checklist: Checklist,
  values: DecisionFormValues,
): readonly FieldProblem[] {
  const checked = validateReviewDecision(stage, decisionBody(outcome, checklist, values));
  return checked.ok ? [] : checked.problems;
}

/** The problems' messages by form field: `answers.<criterion>.verdict`, `findings.0.text`, ... */
export function decisionMessages(checklist: Checklist, problems: readonly FieldProblem[]) {
  const placeOf = (field: string): FormFieldPlace | undefined => {
    const [first, second, third] = field.split('.');
    if (first === 'outcome') return { key: '', subject: 'The decision' };
    if (first === 'answers') {
      const criterion = second === undefined ? undefined : checklist[Number(second)];
      if (criterion === undefined) return { key: 'answers', subject: 'The checklist' };
      const part = third === 'comment' ? 'comment' : 'verdict';
      return {
        key: `answers.${criterion.criterionId}.${part}`,
        subject: `${criterion.title}: ${part}`,
      };
    }
    if (first === 'findings') {
      if (second === undefined) return { key: 'findings', subject: 'Findings' };
      const finding = `Finding ${Number(second) + 1}`;
      return third === 'criterionId'
        ? { key: `findings.${second}.criterionId`, subject: `${finding}: criterion` }
        : { key: `findings.${second}.text`, subject: finding };
    }
    return undefined;
  };
  return messagesByField(
    problems.map((problem) =>
      problem.field.endsWith('.verdict') && problem.message.startsWith('must be one of')
        ? { ...problem, message: 'must be chosen' }
        : problem,
    ),
    placeOf,
  );
}

/** The queue as it is worked: the earliest due first, then the earliest submitted. */
export function reviewQueueOrder(reviews: readonly ReviewSummary[]): ReviewSummary[] {
  return [...reviews].sort(
    (a, b) => a.dueAt.localeCompare(b.dueAt) || a.submittedAt.localeCompare(b.submittedAt),
  );
}
