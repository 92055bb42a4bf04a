// Closing a course: its attendance counted by sex, the activity closed and the
// `activities.training-delivered` event written to the outbox, in one transaction.
import type { Principal } from '@cttech/auth';
import { toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import { appendToOutbox, outboxMessage } from '@cttech/messaging';
import { z } from 'zod';
import type { ActivityAccess } from '../activities/activity-access.ts';
import type { ActivityPath } from '../activities/activity-paths.ts';
import type { ActivityRecords } from '../activities/activity-records.ts';
import type { ActivityDetail } from '../activities/activity-views.ts';
import type { ActivitiesDatabase } from '../database.ts';
import type { ActivitiesLogger } from '../logger.ts';
import { checkClosing } from './closing-rules.ts';

/** What the officer says at closing. */
export const closeCourseBody = z.strictObject({ humanRightsModuleDelivered: z.boolean() });

export type CloseCourse = z.infer<typeof closeCourseBody>;

/** The delivery event's id: one per activity, however often closing is tried. */
export function deliveredEventId(activityId: string): string {
  return `activities/${activityId}/delivered`;
}

export interface CourseClosingOptions {
  readonly database: ActivitiesDatabase;
  readonly access: ActivityAccess;
  readonly records: ActivityRecords;
  /** Where `activities.training-delivered` goes. */
  readonly activityEventsTopic: string;
  readonly logger: ActivitiesLogger;
  /** Called after a close commits: the outbox relay looks at once. */
  readonly closed?: () => void;
}

/**
 * Closes a course once, with the participants who attended at least one session counted by
 * sex. The engagement worker's bridge turns the event into the workflow's TRAINING_DELIVERY
 * work; the compliance service counts it for the indicators. Counts only: no participant is
 * named in the event.
 */
export class CourseClosing {
  private readonly options: CourseClosingOptions;

  constructor(options: CourseClosingOptions) {
    this.options = options;
  }

  async close(
    principal: Principal,
    path: ActivityPath,
    body: CloseCourse,
  ): Promise<ActivityDetail> {
    const { database, access, records, activityEventsTopic, logger, closed } = this.options;
    const { activityId } = path;
    await access.activity(principal, path);
    const closedAt = new Date();
    const attendance = await database.$transaction(async (tx) => {
      // the row lock keeps attendance from changing while it is counted, and a second close out
      const activity = await access.lockOpen(tx, activityId);
      const attendees = await tx.participant.findMany({
        where: { activityId, attendance: { some: {} } },
        select: { sex: true },
      });
      const checked = checkClosing(
        activity,
        attendees.map(({ sex }) => sex),
      );
      if (!checked.ok) throw checked.refusal;
      const event: EngagementEvent<'activities.training-delivered'> = {
        id: deliveredEventId(activityId),
        type: 'activities.training-delivered',
        version: 1,
        engagementId: activity.engagementId,
        partnerState: activity.partnerState,
        cycle: activity.cycle,
        occurredAt: closedAt.toISOString(),
        data: {
          deliveredBy: principal.userId,
          delivery: {
            courseId: activity.courseId as string,
            attendance: checked.attendance,
            humanRightsModuleDelivered: body.humanRightsModuleDelivered,
          },
        },
      };
      await tx.activity.update({
        where: { id: activityId },
        data: {
          status: 'CLOSED',
          closedBy: principal.userId,
          closedAt,
          ...checked.attendance,
          humanRightsModuleDelivered: body.humanRightsModuleDelivered,
          updatedAt: closedAt,
        },
      });
      await appendToOutbox(tx, [outboxMessage(activityEventsTopic, toKafkaRecord(event))]);
      return checked.attendance;
    });
    closed?.();
    logger.log(
      `activity ${activityId} closed by ${principal.userId}: ${attendance.women} women, ${attendance.men} men, ${attendance.undisclosed} undisclosed; ${deliveredEventId(activityId)} written`,
    );
    return records.detail({ id: activityId });
  }
}
