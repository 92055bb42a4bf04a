// What kind of activity each event plans, and its title: pure, from @cttech/domain's catalogue.
import { findCourse } from '@cttech/domain';
import type { ActivityKind } from '../../generated/prisma/enums.ts';

export type { ActivityKind };

/** The activities with participants, sessions attended and a delivery to close. */
export const courseKinds: readonly ActivityKind[] = ['ONLINE_COURSE', 'IN_PERSON_TRAINING'];

export function isCourse(kind: ActivityKind): boolean {
  return courseKinds.includes(kind);
}

/** What an engagement's stage plans, once per engagement (the activity's `origin`). */
export const stageActivities = {
  KICK_OFF: { kind: 'KICK_OFF_MEETING', title: 'Kick-off meeting' },
  NEEDS_ASSESSMENT: {
    kind: 'NATIONAL_WORKSHOP',
    title: 'National workshop (needs assessment)',
  },
} as const satisfies Record<string, { kind: ActivityKind; title: string }>;

/** A scheduled course's activity: an online course or in-person training, as the catalogue says. */
export function courseActivity(code: string): { kind: ActivityKind; title: string } {
  const course = findCourse(code);
  if (!course) throw new Error(`${code} is not a course of the catalogue`);
  return {
    kind: course.format === 'ONLINE' ? 'ONLINE_COURSE' : 'IN_PERSON_TRAINING',
    title: course.title,
  };
}

/** The origin of a course's activity: one per course id in an engagement, re-planned in place. */
export function courseOrigin(courseId: string): string {
  return `course:${courseId}`;
}
