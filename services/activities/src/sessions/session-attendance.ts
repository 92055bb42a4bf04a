// An activity's sessions and who attended each: the officer adds sessions and records a
// session's attendance as a whole set of registered participants.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@cttech/auth';
import { calendarDateSchema, maxSeatsPerCourse, nonEmptyTextSchema } from '@cttech/domain';
import { z } from 'zod';
import type { ActivityAccess } from '../activities/activity-access.ts';
import type { ActivityPath, SessionPath } from '../activities/activity-paths.ts';
import { calendarDateOf, dayOf } from '../activities/calendar-days.ts';
import type { SessionView } from '../activities/activity-views.ts';
import type { ActivitiesDatabase, ActivitiesTransaction } from '../database.ts';
import { ActivitiesError } from '../errors.ts';
import type { ActivitiesLogger } from '../logger.ts';

/** A session: its day and what it covers. */
export const addSessionBody = z.strictObject({
  date: calendarDateSchema,
  title: nonEmptyTextSchema.max(300),
});

/** Who attended a session: the whole set, replacing what was recorded before. */
export const recordAttendanceBody = z.strictObject({
  participantIds: z
    .array(z.string().min(1).max(100))
    .max(maxSeatsPerCourse)
    .superRefine((ids, context) => {
      ids.forEach((id, index) => {
        const first = ids.indexOf(id);
        if (first !== index) {
          context.addIssue({
            code: 'custom',
            path: [index],
            message: `repeats participantIds.${first}`,
          });
        }
      });
    }),
});

export type AddSession = z.infer<typeof addSessionBody>;
export type RecordAttendance = z.infer<typeof recordAttendanceBody>;

/** A session's attendance as the HTTP API returns it: participant ids only. */
export interface SessionAttendanceView {
  readonly sessionId: string;
  readonly participantIds: string[];
}

export interface SessionAttendanceOptions {
  readonly database: ActivitiesDatabase;
  readonly access: ActivityAccess;
  readonly logger: ActivitiesLogger;
}

export class SessionAttendance {
  private readonly options: SessionAttendanceOptions;

  constructor(options: SessionAttendanceOptions) {
    this.options = options;
  }

  /** Adds a session, on a day within the activity's dates when they are set. */
  async addSession(
    principal: Principal,
    path: ActivityPath,
    body: AddSession,
  ): Promise<SessionView> {
    const { database, access, logger } = this.options;
    const { activityId } = path;
    await access.activity(principal, path);
    const id = `session-${randomUUID()}`;
    await database.$transaction(async (tx) => {
      const activity = await access.lockOpen(tx, activityId);
      const start = calendarDateOf(activity.startDate);
      const end = calendarDateOf(activity.endDate);
      if ((start !== null && body.date < start) || (end !== null && body.date > end)) {
        const message = `must be within the activity's dates (${start ?? 'open'} to ${end ?? 'open'})`;
        throw new ActivitiesError(
          'INVALID_REQUEST',
          `the request body is not valid: date ${message}`,
          [{ field: 'date', message }],
        );
      }
      await tx.session.create({
        data: {
          id,
          activityId,
          date: dayOf(body.date),
          title: body.title,
          addedBy: principal.userId,
          addedAt: new Date(),
        },
      });
    });
    logger.log(`session ${id} added to activity ${activityId} by ${principal.userId}`);
    return { id, date: body.date, title: body.title, attended: 0 };
  }

  async attendance(principal: Principal, path: SessionPath): Promise<SessionAttendanceView> {
    const { database, access } = this.options;
    const { activityId, sessionId } = path;
    await access.activity(principal, path);
    await this.session(database, activityId, sessionId);
    return this.view(database, sessionId);
  }

  /** Replaces the session's attendance; every participant must be registered on the activity. */
  async record(
    principal: Principal,
    path: SessionPath,
    body: RecordAttendance,
  ): Promise<SessionAttendanceView> {
    const { database, access, logger } = this.options;
    const { activityId, sessionId } = path;
    await access.activity(principal, path);
    const recorded = await database.$transaction(async (tx) => {
      await access.lockOpen(tx, activityId);
      await this.session(tx, activityId, sessionId);
      const registered = await tx.participant.findMany({
        where: { activityId, id: { in: body.participantIds } },
        select: { id: true },
      });
      const known = new Set(registered.map(({ id }) => id));
      const problems = body.participantIds.flatMap((id, index) =>
        known.has(id)
          ? []
          : [{ field: `participantIds.${index}`, message: `is not registered on ${activityId}` }],
      );
      if (problems.length > 0) {
        throw new ActivitiesError(
          'PARTICIPANT_NOT_REGISTERED',
          `${problems.length} of the participants are not registered on activity ${activityId}: ${problems.map(({ field }) => field).join(', ')}`,
          problems,
        );
      }
      await tx.attendance.deleteMany({ where: { sessionId } });
      await tx.attendance.createMany({
        data: body.participantIds.map((participantId) => ({ sessionId, participantId })),
      });
      return this.view(tx, sessionId);
    });
    logger.log(
      `session ${sessionId} of activity ${activityId}: attendance of ${recorded.participantIds.length} participants recorded by ${principal.userId}`,
    );
    return recorded;
  }

  private async session(
    database: ActivitiesDatabase | ActivitiesTransaction,
    activityId: string,
    sessionId: string,
  ): Promise<void> {
    const session = await database.session.findFirst({ where: { id: sessionId, activityId } });
    if (!session) {
      throw new ActivitiesError(
        'SESSION_NOT_FOUND',
        `activity ${activityId} has no session ${sessionId}`,
      );
    }
  }

  private async view(
    database: ActivitiesDatabase | ActivitiesTransaction,
    sessionId: string,
  ): Promise<SessionAttendanceView> {
    const present = await database.attendance.findMany({
      where: { sessionId },
      orderBy: { participantId: 'asc' },
      select: { participantId: true },
    });
    return { sessionId, participantIds: present.map(({ participantId }) => participantId) };
  }
}
