// The needs assessment form: readiness (1 to 5) and its evidence for each of the four pillars,
// the gaps typed one per line, and the training needs as rows of a course and its rank; the
// submission they make for `PUT .../submissions/NEEDS_ASSESSMENT`, the domain's own check of
// it, and where each problem (the console's or the API's) shows in the form.
import {
  assessmentPillars,
  validateSubmission,
  type AssessmentPillar,
  type CourseCode,
  type NeedsAssessment,
} from '@cttech/domain';
import type { FieldProblem } from '../../gateway/api-problem.ts';
import { pillarTitles } from '../../wording/engagement-words.ts';
import { layoutMessages, type FieldLayout, type FieldShape } from './field-layout.ts';
import type { StageWorkForm } from './stage-work-form.ts';
import { givenField, linesOf, textOfLines, textOfNumber, typedNumber } from './typed-entries.ts';

export interface PillarEntry {
  /** '1' to '5', or '' until chosen. */
  readonly readinessScore: string;
  readonly evidence: string;
}

export interface TrainingNeedEntry {
  readonly course: CourseCode | '';
  /** 1 is the most needed; typed as text. */
  readonly rank: string;
}

export interface NeedsAssessmentFormValues {
  readonly pillars: Readonly<Record<AssessmentPillar, PillarEntry>>;
  /** One gap per line. */
  readonly gaps: string;
  readonly trainingNeeds: readonly TrainingNeedEntry[];
}

/** Readiness from 1 (not ready) to 5 (ready to adopt the technology), in words. */
export const readinessChoices: readonly { readonly value: string; readonly title: string }[] = [
  { value: '1', title: '1: not ready' },
  { value: '2', title: '2' },
  { value: '3', title: '3' },
  { value: '4', title: '4' },
  { value: '5', title: '5: ready to adopt the technology' },
];

/** A need added after the others, ranked after them. */
export function trainingNeedAfter(needs: readonly TrainingNeedEntry[]): TrainingNeedEntry {
  return { course: '', rank: String(needs.length + 1) };
}

/** The form as the engagement's recorded assessment left it, or empty. */
export function needsAssessmentFormOf(
  assessment: NeedsAssessment | undefined,
): NeedsAssessmentFormValues {
  const pillarOf = (pillar: AssessmentPillar): PillarEntry => {
    const recorded = assessment?.pillars[pillar];
    return {
      readinessScore: textOfNumber(recorded?.readinessScore),
      evidence: recorded?.evidence ?? '',
    };
  };
  return {
    pillars: {
      policy: pillarOf('policy'),
      legal: pillarOf('legal'),
      institutional: pillarOf('institutional'),
      technical: pillarOf('technical'),
    },
    gaps: textOfLines(assessment?.gaps ?? []),
    trainingNeeds:
      assessment === undefined
        ? [trainingNeedAfter([])]
        : assessment.trainingNeeds.map(({ course, rank }) => ({ course, rank: String(rank) })),
  };
}

/** The submission the form makes: text trimmed, one gap per line, numbers as numbers. */
export function needsAssessmentSubmission(values: NeedsAssessmentFormValues): unknown {
  return {
    pillars: Object.fromEntries(
      assessmentPillars.map((pillar) => {
        const { readinessScore, evidence } = values.pillars[pillar];
        return [
          pillar,
          {
            ...givenField('readinessScore', typedNumber(readinessScore)),
            evidence: evidence.trim(),
          },
        ];
      }),
    ),
    gaps: linesOf(values.gaps),
    trainingNeeds: values.trainingNeeds.map(({ course, rank }) => ({
      ...givenField('course', course),
      ...givenField('rank', typedNumber(rank)),
    })),
  };
}

/** The problems the domain finds in the form's submission (none: it may be sent). */
export function needsAssessmentProblems(
  values: NeedsAssessmentFormValues,
): readonly FieldProblem[] {
  const checked = validateSubmission('NEEDS_ASSESSMENT', needsAssessmentSubmission(values));
  return checked.ok ? [] : checked.problems;
}

function pillarLayout(pillar: AssessmentPillar): FieldShape {
  const name = `The ${pillarTitles[pillar].toLowerCase()} pillar`;
  return {
    title: name,
    group: {
      readinessScore: { title: `${name}'s readiness`, choice: true },
      evidence: { title: `${name}'s evidence` },
    },
  };
}

const needsAssessmentLayout: FieldLayout = {
  pillars: {
    title: 'The pillars',
    group: Object.fromEntries(assessmentPillars.map((pillar) => [pillar, pillarLayout(pillar)])),
  },
  gaps: { title: 'Gaps', line: 'Gap' },
  trainingNeeds: {
    title: 'Training needs',
    row: 'Training need',
    fields: { course: { title: 'course', choice: true }, rank: { title: 'rank' } },
  },
};

/** The problems' messages by form field key ('' for those of the whole assessment). */
export function needsAssessmentMessages(problems: readonly FieldProblem[]) {
  return layoutMessages(needsAssessmentLayout, problems);
}

/** The needs assessment form, as the stage's work runs it. */
export const needsAssessmentForm: StageWorkForm<NeedsAssessmentFormValues> = {
  kind: 'NEEDS_ASSESSMENT',
  form: 'needs-assessment',
  heading: 'Needs assessment',
  submitLabel: 'Save needs assessment',
  savedText: 'Needs assessment saved.',
  valuesOf: (record) => needsAssessmentFormOf(record.needsAssessment),
  submissionOf: needsAssessmentSubmission,
  problemsOf: needsAssessmentProblems,
  messagesOf: needsAssessmentMessages,
};
