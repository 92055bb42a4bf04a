// Reading activities: an engagement's list, and one activity with its sessions and attendance.
import type { Principal } from '@cttech/auth';
import { attendanceBySex } from '../closing/closing-rules.ts';
import type { ActivitiesDatabase } from '../database.ts';
import type { Activity, ActivityAccess } from './activity-access.ts';
import type { ActivityPath } from './activity-paths.ts';
import { calendarDateOf } from './calendar-days.ts';
import {
  activityDetail,
  activitySummary,
  type ActivityDetail,
  type ActivitySummary,
} from './activity-views.ts';

export class ActivityRecords {
  private readonly database: ActivitiesDatabase;
  private readonly access: ActivityAccess;

  constructor(database: ActivitiesDatabase, access: ActivityAccess) {
    this.database = database;
    this.access = access;
  }

  async list(principal: Principal, engagementId: string): Promise<ActivitySummary[]> {
    const activities = await this.access.ofEngagement(principal, engagementId);
    return activities.map(activitySummary);
  }

  async read(principal: Principal, path: ActivityPath): Promise<ActivityDetail> {
    return this.detail(await this.access.activity(principal, path));
  }

  /** The activity as it is now in the database, with its sessions and attendance. */
  async detail(activity: Pick<Activity, 'id'>): Promise<ActivityDetail> {
    const [current, sessions, participantCount, attendees] = await Promise.all([
      this.database.activity.findUniqueOrThrow({ where: { id: activity.id } }),
      this.database.session.findMany({
        where: { activityId: activity.id },
        orderBy: [{ date: 'asc' }, { addedAt: 'asc' }],
        include: { _count: { select: { attendance: true } } },
      }),
      this.database.participant.count({ where: { activityId: activity.id } }),
      this.database.participant.findMany({
        where: { activityId: activity.id, attendance: { some: {} } },
        select: { sex: true },
      }),
    ]);
    return activityDetail(current, {
      sessions: sessions.map((session) => ({
        id: session.id,
        date: calendarDateOf(session.date) as string,
        title: session.title,
        attended: session._count.attendance,
      })),
      participantCount,
      attendance: attendanceBySex(attendees.map(({ sex }) => sex)),
    });
  }
}
