// When a course may be closed, and what its attendance counts: pure rules, tested without servers.
import { maxSeatsPerCourse, type Attendance } from '@cttech/domain';
import type { ActivityStatus, ParticipantSex } from '../../generated/prisma/enums.ts';
import { isCourse, type ActivityKind } from '../activities/activity-kinds.ts';
import { ActivitiesError } from '../errors.ts';

/** Participants counted by sex, as the programme's indicators count them. */
export function attendanceBySex(sexes: readonly ParticipantSex[]): Attendance {
  const attendance = { women: 0, men: 0, undisclosed: 0 };
  for (const sex of sexes) {
    if (sex === 'WOMAN') attendance.women += 1;
    else if (sex === 'MAN') attendance.men += 1;
    else attendance.undisclosed += 1;
  }
  return attendance;
}

/** What closing looks at of the activity. */
export interface ClosingActivity {
  readonly id: string;
  readonly kind: ActivityKind;
  readonly status: ActivityStatus;
  readonly seats: number | null;
  readonly closedBy: string | null;
}

/** Why the activity cannot be in the state a change needs: closed or cancelled (409). */
export function notOpen(activity: Pick<ClosingActivity, 'id' | 'status' | 'closedBy'>) {
  if (activity.status === 'CLOSED') {
    return new ActivitiesError(
      'ACTIVITY_CLOSED',
      `activity ${activity.id} was closed by ${activity.closedBy ?? 'an officer'}; a closed activity does not change`,
    );
  }
  if (activity.status === 'CANCELLED') {
    return new ActivitiesError(
      'ACTIVITY_CANCELLED',
      `activity ${activity.id} is cancelled; it reopens only if the training plan schedules it again`,
    );
  }
  return undefined;
}

/**
 * Whether a course can be closed with the participants who attended at least one of its
 * sessions (their sexes): the attendance to report, or the refusal. A course is closed once;
 * it needs its seats set, at least one participant, and no more participants than seats.
 */
export function checkClosing(
  activity: ClosingActivity,
  attendedBy: readonly ParticipantSex[],
): { ok: true; attendance: Attendance } | { ok: false; refusal: ActivitiesError } {
  const refuse = (refusal: ActivitiesError) => ({ ok: false as const, refusal });
  const closedOrCancelled = notOpen(activity);
  if (closedOrCancelled) return refuse(closedOrCancelled);
  if (!isCourse(activity.kind)) {
    return refuse(
      new ActivitiesError(
        'NOT_A_COURSE',
        `activity ${activity.id} is a ${activity.kind}; only courses are closed with attendance`,
      ),
    );
  }
  if (activity.seats === null) {
    return refuse(
      new ActivitiesError(
        'SEATS_UNKNOWN',
        `activity ${activity.id} has no seats set; set them (1 to ${maxSeatsPerCourse}) before closing`,
        [{ field: 'seats', message: 'must be set before the course is closed' }],
      ),
    );
  }
  if (attendedBy.length === 0) {
    return refuse(
      new ActivitiesError(
        'NO_ATTENDANCE',
        `no participant attended a session of activity ${activity.id}; record attendance first`,
      ),
    );
  }
  if (attendedBy.length > activity.seats) {
    return refuse(
      new ActivitiesError(
        'ATTENDANCE_OVER_SEATS',
        `${attendedBy.length} participants attended activity ${activity.id}, more than its ${activity.seats} seats`,
        [
          {
            field: 'seats',
            message: `must be at least ${attendedBy.length}, the participants who attended`,
          },
        ],
      ),
    );
  }
  return { ok: true, attendance: attendanceBySex(attendedBy) };
}
