// The delivery form: a planned course not yet delivered, its attendance counted by sex
// (numbers only, never names) and whether its human-rights module was delivered; the
// submission for `PUT .../submissions/TRAINING_DELIVERY`, checked by the domain's rules and
// against the training plan (a planned course, no more participants than seats).
import {
  checkDeliveryAgainstPlan,
  validateSubmission,
  type PlannedCourse,
  type TrainingDelivery,
  type TrainingPlan,
} from '@cttech/domain';
import type { FieldProblem } from '../../gateway/api-problem.ts';
import { layoutMessages, type FieldLayout } from './field-layout.ts';
import type { StageWorkForm } from './stage-work-form.ts';
import { deliveredCourseIds } from './training-plan-form.ts';
import { givenField, typedNumber } from './typed-entries.ts';

export interface TrainingDeliveryFormValues {
  readonly courseId: string;
  /** Participants by sex, typed as text. */
  readonly women: string;
  readonly men: string;
  readonly undisclosed: string;
  readonly humanRightsModuleDelivered: boolean;
}

export const emptyTrainingDelivery: TrainingDeliveryFormValues = {
  courseId: '',
  women: '',
  men: '',
  undisclosed: '',
  humanRightsModuleDelivered: false,
};

/**
 * The planned courses whose delivery is still to be recorded, in the plan's order. (The API
 * would take a second delivery of a course as a correction replacing the first; the console
 * records each course once.)
 */
export function coursesAwaitingDelivery(
  plan: TrainingPlan | undefined,
  deliveries: readonly TrainingDelivery[],
): readonly PlannedCourse[] {
  const delivered = deliveredCourseIds(deliveries);
  return (plan?.courses ?? []).filter((course) => !delivered.has(course.courseId));
}

/** The submission the form makes: counts as numbers, a course not chosen left out. */
export function trainingDeliverySubmission(values: TrainingDeliveryFormValues): unknown {
  return {
    ...givenField('courseId', values.courseId),
    attendance: {
      ...givenField('women', typedNumber(values.women)),
      ...givenField('men', typedNumber(values.men)),
      ...givenField('undisclosed', typedNumber(values.undisclosed)),
    },
    humanRightsModuleDelivered: values.humanRightsModuleDelivered,
  };
}

/** The problems the domain finds in the delivery, on its own and against the plan. */
export function trainingDeliveryProblems(
  values: TrainingDeliveryFormValues,
  plan: TrainingPlan | undefined,
): readonly FieldProblem[] {
  if (plan === undefined) {
    return [{ field: '', message: 'A delivery cannot be recorded before the training plan.' }];
  }
  const checked = validateSubmission('TRAINING_DELIVERY', trainingDeliverySubmission(values));
  if (!checked.ok) return checked.problems;
  const againstPlan = checkDeliveryAgainstPlan(plan, checked.value);
  return againstPlan.ok ? [] : againstPlan.problems;
}

const trainingDeliveryLayout: FieldLayout = {
  courseId: { title: 'The course', choice: true },
  attendance: {
    title: 'The attendance',
    group: {
      women: { title: 'The number of women' },
      men: { title: 'The number of men' },
      undisclosed: { title: 'The number who did not disclose their sex' },
    },
  },
  humanRightsModuleDelivered: { title: 'The human-rights module' },
};

/** The problems' messages by form field key ('' for those of the whole delivery). */
export function trainingDeliveryMessages(problems: readonly FieldProblem[]) {
  return layoutMessages(trainingDeliveryLayout, problems);
}

/** The delivery form, as the stage's work runs it: empty again once a delivery is recorded. */
export const trainingDeliveryForm: StageWorkForm<TrainingDeliveryFormValues> = {
  kind: 'TRAINING_DELIVERY',
  form: 'training-delivery',
  heading: 'Record a delivery',
  submitLabel: 'Record delivery',
  savedText: 'Delivery recorded.',
  valuesOf: () => emptyTrainingDelivery,
  submissionOf: trainingDeliverySubmission,
  problemsOf: (values, record) => trainingDeliveryProblems(values, record.trainingPlan),
  messagesOf: trainingDeliveryMessages,
  afterSaving: () => emptyTrainingDelivery,
};
