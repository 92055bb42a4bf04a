import { z } from 'zod';
import { calendarDateSchema } from './calendar-dates.ts';
import { courseCodeSchema } from './courses.ts';
import { courseIdSchema, crossFieldRule, ifValid, nonEmptyTextSchema } from './field-rules.ts';
import type { Problem, Validated } from './refusals.ts';

export const maxSeatsPerCourse = 200;

export const plannedCourseSchema = z.strictObject({
  courseId: courseIdSchema,
  course: courseCodeSchema,
  startDate: calendarDateSchema,
  endDate: calendarDateSchema,
  seats: z.int().min(1).max(maxSeatsPerCourse),
  venueOrPlatform: nonEmptyTextSchema,
});

/** The courses chosen from the needs, each scheduled with its seats. */
export const trainingPlanSchema = z
  .strictObject({ courses: z.array(plannedCourseSchema).min(1) })
  .check(
    crossFieldRule(
      z.object({
        courses: z.array(
          z
            .object({
              courseId: ifValid(courseIdSchema),
              startDate: ifValid(calendarDateSchema),
              endDate: ifValid(calendarDateSchema),
            })
            .catch({ courseId: undefined, startDate: undefined, endDate: undefined }),
        ),
      }),
      ({ courses }, report) => {
        const firstWithId = new Map<string, number>();
        courses.forEach(({ courseId, startDate, endDate }, index) => {
          if (startDate !== undefined && endDate !== undefined && endDate < startDate) {
            report(['courses', index, 'endDate'], `must be on or after courses.${index}.startDate`);
          }
          if (courseId === undefined) return;
          const first = firstWithId.get(courseId);
          if (first === undefined) firstWithId.set(courseId, index);
          else {
            report(
              ['courses', index, 'courseId'],
              `repeats courses.${first}.courseId: each planned course has its own courseId`,
            );
          }
        });
      },
    ),
  );

/** Participants counted by sex; no names, no personal data. */
export const attendanceSchema = z.strictObject({
  women: z.int().min(0),
  men: z.int().min(0),
  undisclosed: z.int().min(0),
});

/** One planned course, delivered and closed with its attendance. */
export const trainingDeliverySchema = z
  .strictObject({
    courseId: courseIdSchema,
    attendance: attendanceSchema,
    humanRightsModuleDelivered: z.boolean(),
  })
  .check(
    crossFieldRule(z.object({ attendance: attendanceSchema }), ({ attendance }, report) => {
      if (attendanceTotal(attendance) < 1) {
        report(['attendance'], 'must count at least one participant');
      }
    }),
  );

/** Closes the training stage; the justification is needed when fewer than 40 were trained. */
export const trainingCompletionSchema = z.strictObject({
  shortfallJustification: nonEmptyTextSchema.optional(),
});

export type PlannedCourse = z.infer<typeof plannedCourseSchema>;
export type TrainingPlan = z.infer<typeof trainingPlanSchema>;
export type Attendance = z.infer<typeof attendanceSchema>;
export type TrainingDelivery = z.infer<typeof trainingDeliverySchema>;
export type TrainingCompletion = z.infer<typeof trainingCompletionSchema>;

export interface AttendanceTotals extends Attendance {
  readonly total: number;
}

export function attendanceTotal({ women, men, undisclosed }: Attendance): number {
  return women + men + undisclosed;
}

/** Participants over several deliveries, by sex and in total. */
export function attendanceTotals(deliveries: readonly TrainingDelivery[]): AttendanceTotals {
  let women = 0;
  let men = 0;
  let undisclosed = 0;
  for (const { attendance } of deliveries) {
    women += attendance.women;
    men += attendance.men;
    undisclosed += attendance.undisclosed;
  }
  return { women, men, undisclosed, total: women + men + undisclosed };
}

/** A delivery must be for a course in the plan, with no more participants than seats planned. */
export function checkDeliveryAgainstPlan(
  plan: TrainingPlan,
  delivery: TrainingDelivery,
): Validated<TrainingDelivery> {
  const planned = plan.courses.find((course) => course.courseId === delivery.courseId);
  const problems: Problem[] = [];
  if (planned === undefined) {
    problems.push({ field: 'courseId', message: 'is not a course in the training plan' });
  } else {
    const participants = attendanceTotal(delivery.attendance);
    if (participants > planned.seats) {
      problems.push({
        field: 'attendance',
        message: `counts ${participants} participants, more than the ${planned.seats} seats planned for ${planned.courseId}`,
      });
    }
  }
  return problems.length === 0 ? { ok: true, value: delivery } : { ok: false, problems };
}
