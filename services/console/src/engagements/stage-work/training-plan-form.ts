// The training plan form: the planned courses (course id, course, dates, seats, venue or
// platform), a first plan drawn from the needs assessment's ranked needs, the submission for
// `PUT .../submissions/TRAINING_PLAN`, the domain's check of it, and the engagement's own
// rules for replacing a plan: the courses already delivered stay in it, under the same course
// id (the workflow refuses a plan without them), with no fewer seats than attended them.
import {
  attendanceTotal,
  checkDeliveryAgainstPlan,
  findCourse,
  validateSubmission,
  type CourseCode,
  type NeedsAssessment,
  type TrainingDelivery,
  type TrainingPlan,
} from '@cttech/domain';
import type { FieldProblem } from '../../gateway/api-problem.ts';
import { layoutMessages, type FieldLayout } from './field-layout.ts';
import type { StageWorkForm } from './stage-work-form.ts';
import { givenField, textOfNumber, typedNumber } from './typed-entries.ts';

export interface PlannedCourseEntry {
  readonly courseId: string;
  readonly course: CourseCode | '';
  readonly startDate: string;
  readonly endDate: string;
  /** 1 to 200, typed as text. */
  readonly seats: string;
  readonly venueOrPlatform: string;
}

export interface TrainingPlanFormValues {
  readonly courses: readonly PlannedCourseEntry[];
}

export const emptyPlannedCourse: PlannedCourseEntry = {
  courseId: '',
  course: '',
  startDate: '',
  endDate: '',
  seats: '',
  venueOrPlatform: '',
};

/** The form as the recorded plan left it, or with one empty course. */
export function trainingPlanFormOf(plan: TrainingPlan | undefined): TrainingPlanFormValues {
  if (plan === undefined) return { courses: [emptyPlannedCourse] };
  return {
    courses: plan.courses.map((course) => ({ ...course, seats: textOfNumber(course.seats) })),
  };
}

/** A course id for the first planned run of a course: 'cryptocurrency-investigations-1'. */
export function suggestedCourseId(course: CourseCode): string {
  return `${course.toLowerCase().replaceAll('_', '-')}-1`;
}

/**
 * A first plan from the needs assessment: one planned course per needed course, the most
 * needed first, each with a suggested course id; dates, seats and venue left to fill in.
 */
export function trainingPlanFromNeeds(assessment: NeedsAssessment): TrainingPlanFormValues {
  return {
    courses: [...assessment.trainingNeeds]
      .sort((one, other) => one.rank - other.rank)
      .map(({ course }) => ({
        ...emptyPlannedCourse,
        courseId: suggestedCourseId(course),
        course,
      })),
  };
}

/** The submission the form makes: text trimmed, seats as a number. */
export function trainingPlanSubmission(values: TrainingPlanFormValues): unknown {
  return {
    courses: values.courses.map(
      ({ courseId, course, startDate, endDate, seats, venueOrPlatform }) => ({
        courseId: courseId.trim(),
        ...givenField('course', course),
        startDate,
        endDate,
        ...givenField('seats', typedNumber(seats)),
        venueOrPlatform: venueOrPlatform.trim(),
      }),
    ),
  };
}

/** The course ids whose delivery is recorded. */
export function deliveredCourseIds(deliveries: readonly TrainingDelivery[]): ReadonlySet<string> {
  return new Set(deliveries.map((delivery) => delivery.courseId));
}

/**
 * Whether a row of the form is a delivered course's own, which stays in the plan with its
 * course id: the first row with a delivered course id (rows are added after the recorded
 * ones, so a later row typed with the same id is a repeat, to change or remove).
 */
export function isDeliveredRow(
  courses: readonly PlannedCourseEntry[],
  index: number,
  delivered: ReadonlySet<string>,
): boolean {
  const courseId = courses[index]?.courseId;
  return (
    courseId !== undefined &&
    delivered.has(courseId) &&
    courses.findIndex((course) => course.courseId === courseId) === index
  );
}

/**
 * The problems with the plan: the domain's, then the engagement's own with the deliveries
 * recorded so far (each delivered course kept, with seats for all who attended it).
 */
export function trainingPlanProblems(
  values: TrainingPlanFormValues,
  deliveries: readonly TrainingDelivery[],
): readonly FieldProblem[] {
  const checked = validateSubmission('TRAINING_PLAN', trainingPlanSubmission(values));
  const problems: FieldProblem[] = checked.ok ? [] : [...checked.problems];
  const planned = values.courses.map((course) => course.courseId.trim());
  const dropped = [...deliveredCourseIds(deliveries)].filter((id) => !planned.includes(id));
  if (dropped.length > 0) {
    problems.push({
      field: 'courses',
      message: `must keep the courses already delivered: ${dropped.join(', ')}`,
    });
  }
  if (checked.ok) {
    for (const delivery of deliveries) {
      const index = planned.indexOf(delivery.courseId);
      if (index >= 0 && !checkDeliveryAgainstPlan(checked.value, delivery).ok) {
        const attended = attendanceTotal(delivery.attendance);
        problems.push({
          field: `courses.${index}.seats`,
          message: `must be at least ${attended}: the delivery recorded for ${delivery.courseId} counts ${attended} participants`,
        });
      }
    }
  }
  return problems;
}

/** Where the course is given: an online course on a platform, the others at a venue. */
export function venueWords(course: CourseCode | ''): string {
  const format = course === '' ? undefined : findCourse(course)?.format;
  if (format === 'ONLINE') return 'An online course: the platform it is taught on.';
  if (format === 'IN_PERSON') return 'Taught in person: the venue and town.';
  return 'The venue, or the platform of an online course.';
}

const trainingPlanLayout: FieldLayout = {
  courses: {
    title: 'The planned courses',
    row: 'Planned course',
    fields: {
      courseId: { title: 'course id' },
      course: { title: 'course', choice: true },
      startDate: { title: 'start date' },
      endDate: { title: 'end date' },
      seats: { title: 'number of seats' },
      venueOrPlatform: { title: 'venue or platform' },
    },
  },
};

/** The problems' messages by form field key ('' for those of the whole plan). */
export function trainingPlanMessages(problems: readonly FieldProblem[]) {
  return layoutMessages(trainingPlanLayout, problems);
}

/** The training plan form, as the stage's work runs it. */
export const trainingPlanForm: StageWorkForm<TrainingPlanFormValues> = {
  kind: 'TRAINING_PLAN',
  form: 'training-plan',
  heading: 'Training plan',
  submitLabel: 'Save training plan',
  savedText: 'Training plan saved.',
  valuesOf: (record) => trainingPlanFormOf(record.trainingPlan),
  submissionOf: trainingPlanSubmission,
  problemsOf: (values, record) => trainingPlanProblems(values, record.trainingDeliveries),
  messagesOf: trainingPlanMessages,
};
