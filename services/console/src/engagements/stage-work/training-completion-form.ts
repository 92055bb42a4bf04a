// The training completion form: the investigators trained so far (from the deliveries
// recorded) against the target of 40, and the shortfall justification, asked for only when
// fewer were trained (the exit criterion needs it then); the submission for
// `PUT .../submissions/TRAINING_COMPLETION`.
import {
  attendanceTotals,
  investigatorsTrainedTarget,
  validateSubmission,
  type StageRecord,
  type TrainingCompletion,
} from '@cttech/domain';
import type { FieldProblem } from '../../gateway/api-problem.ts';
import { layoutMessages, type FieldLayout } from './field-layout.ts';
import type { StageWorkForm } from './stage-work-form.ts';
import { givenField, typedText } from './typed-entries.ts';

export interface TrainingCompletionFormValues {
  readonly shortfallJustification: string;
}

/** The form as the recorded completion left it, or empty. */
export function trainingCompletionFormOf(
  completion: TrainingCompletion | undefined,
): TrainingCompletionFormValues {
  return { shortfallJustification: completion?.shortfallJustification ?? '' };
}

export function isShortOfTrainedTarget(trained: number): boolean {
  return trained < investigatorsTrainedTarget;
}

/** The submission the form makes: the justification only when short of the target. */
export function trainingCompletionSubmission(
  values: TrainingCompletionFormValues,
  trained: number,
): unknown {
  return isShortOfTrainedTarget(trained)
    ? givenField('shortfallJustification', typedText(values.shortfallJustification))
    : {};
}

/** The domain's problems, and a justification missing when short of the target. */
export function trainingCompletionProblems(
  values: TrainingCompletionFormValues,
  trained: number,
): readonly FieldProblem[] {
  const submission = trainingCompletionSubmission(values, trained);
  const checked = validateSubmission('TRAINING_COMPLETION', submission);
  if (!checked.ok) return checked.problems;
  if (isShortOfTrainedTarget(trained) && checked.value.shortfallJustification === undefined) {
    return [
      {
        field: 'shortfallJustification',
        message: `is required: ${trained} investigators trained, below the target of ${investigatorsTrainedTarget}`,
      },
    ];
  }
  return [];
}

const trainingCompletionLayout: FieldLayout = {
  shortfallJustification: { title: 'The shortfall justification' },
};

/** The problems' messages by form field key ('' for those of the whole completion). */
export function trainingCompletionMessages(problems: readonly FieldProblem[]) {
  return layoutMessages(trainingCompletionLayout, problems);
}

/** The investigators trained in the deliveries recorded so far. */
function trainedIn(record: StageRecord): number {
  return attendanceTotals(record.trainingDeliveries).total;
}

/** The training completion form, as the stage's work runs it. */
export const trainingCompletionForm: StageWorkForm<TrainingCompletionFormValues> = {
  kind: 'TRAINING_COMPLETION',
  form: 'training-completion',
  heading: 'Training completion',
  submitLabel: 'Record training completion',
  savedText: 'Training completion saved.',
  valuesOf: (record) => trainingCompletionFormOf(record.trainingCompletion),
  submissionOf: (values, record) => trainingCompletionSubmission(values, trainedIn(record)),
  problemsOf: (values, record) => trainingCompletionProblems(values, trainedIn(record)),
  messagesOf: trainingCompletionMessages,
};
