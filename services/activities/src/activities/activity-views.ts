// Activities as the HTTP API returns them: their schedule and, once closed, their delivery.
import type { Attendance } from '@cttech/domain';
import { attendanceTotal } from '@cttech/domain';
import type { Activity } from './activity-access.ts';
import { calendarDateOf } from './calendar-days.ts';

export function activitySummary(activity: Activity) {
  const closed = activity.status === 'CLOSED';
  return {
    id: activity.id,
    engagementId: activity.engagementId,
    partnerState: activity.partnerState,
    cycle: activity.cycle,
    kind: activity.kind,
    title: activity.title,
    courseId: activity.courseId,
    course: activity.course,
    status: activity.status,
    startDate: calendarDateOf(activity.startDate),
    endDate: calendarDateOf(activity.endDate),
    seats: activity.seats,
    venueOrPlatform: activity.venueOrPlatform,
    trainers: activity.trainers,
    plannedAt: activity.plannedAt.toISOString(),
    cancelledAt: activity.cancelledAt?.toISOString() ?? null,
    closedBy: activity.closedBy,
    closedAt: activity.closedAt?.toISOString() ?? null,
    /** The attendance reported when the course was closed. */
    delivery: closed
      ? {
          attendance: {
            women: activity.women ?? 0,
            men: activity.men ?? 0,
            undisclosed: activity.undisclosed ?? 0,
          },
          humanRightsModuleDelivered: activity.humanRightsModuleDelivered ?? false,
        }
      : null,
  };
}

export type ActivitySummary = ReturnType<typeof activitySummary>;

export interface SessionView {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  /** Participants recorded present. */
  readonly attended: number;
}

/** An activity with its sessions, how many participants it has, and who attended, by sex. */
export function activityDetail(
  activity: Activity,
  {
    sessions,
    participantCount,
    attendance,
  }: { sessions: SessionView[]; participantCount: number; attendance: Attendance },
) {
  return {
    ...activitySummary(activity),
    participantCount,
    /** Participants who attended at least one session, by sex. */
    attendance: { ...attendance, total: attendanceTotal(attendance) },
    sessions,
  };
}

export type ActivityDetail = ReturnType<typeof activityDetail>;
