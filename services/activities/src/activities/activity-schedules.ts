// An officer's changes to an activity's practical details: dates, venue or platform, seats,
// trainers. Dates are calendar dates and the end is never before the start.
import type { Principal } from '@cttech/auth';
import { calendarDateSchema, maxSeatsPerCourse, nonEmptyTextSchema } from '@cttech/domain';
import { z } from 'zod';
import type { ActivitiesDatabase } from '../database.ts';
import { ActivitiesError } from '../errors.ts';
import type { ActivitiesLogger } from '../logger.ts';
import type { ActivityAccess } from './activity-access.ts';
import type { ActivityPath } from './activity-paths.ts';
import type { ActivityRecords } from './activity-records.ts';
import type { ActivityDetail } from './activity-views.ts';
import { calendarDateOf, dayOf } from './calendar-days.ts';

const scheduleFields = ['startDate', 'endDate', 'venueOrPlatform', 'seats', 'trainers'] as const;

/** What an officer may change; at least one field. */
export const scheduleChangeBody = z
  .strictObject({
    startDate: calendarDateSchema.optional(),
    endDate: calendarDateSchema.optional(),
    venueOrPlatform: nonEmptyTextSchema.max(500).optional(),
    seats: z.int().min(1).max(maxSeatsPerCourse).optional(),
    /** Each trainer's name or organisation, as the officer writes it. */
    trainers: z.array(nonEmptyTextSchema.max(200)).max(30).optional(),
  })
  .refine((change) => scheduleFields.some((field) => change[field] !== undefined), {
    message: `must change at least one of ${scheduleFields.join(', ')}`,
  });

export type ScheduleChange = z.infer<typeof scheduleChangeBody>;

export interface ActivitySchedulesOptions {
  readonly database: ActivitiesDatabase;
  readonly access: ActivityAccess;
  readonly records: ActivityRecords;
  readonly logger: ActivitiesLogger;
}

export class ActivitySchedules {
  private readonly options: ActivitySchedulesOptions;

  constructor(options: ActivitySchedulesOptions) {
    this.options = options;
  }

  async change(
    principal: Principal,
    path: ActivityPath,
    change: ScheduleChange,
  ): Promise<ActivityDetail> {
    const { database, access, records, logger } = this.options;
    const { activityId } = path;
    await access.activity(principal, path);
    await database.$transaction(async (tx) => {
      const current = await access.lockOpen(tx, activityId);
      checkDates(
        change.startDate ?? calendarDateOf(current.startDate),
        change.endDate ?? calendarDateOf(current.endDate),
        change.endDate !== undefined ? 'endDate' : 'startDate',
      );
      await tx.activity.update({
        where: { id: activityId },
        data: {
          ...(change.startDate !== undefined ? { startDate: dayOf(change.startDate) } : {}),
          ...(change.endDate !== undefined ? { endDate: dayOf(change.endDate) } : {}),
          ...(change.venueOrPlatform !== undefined
            ? { venueOrPlatform: change.venueOrPlatform }
            : {}),
          ...(change.seats !== undefined ? { seats: change.seats } : {}),
          ...(change.trainers !== undefined ? { trainers: change.trainers } : {}),
          updatedAt: new Date(),
        },
      });
    });
    const changed = scheduleFields.filter((field) => change[field] !== undefined);
    logger.log(`activity ${activityId} rescheduled by ${principal.userId}: ${changed.join(', ')}`);
    return records.detail({ id: activityId });
  }
}

/** Refuses an end before the start, naming the field the change set. */
function checkDates(
  startDate: string | null,
  endDate: string | null,
  field: 'startDate' | 'endDate',
): void {
  if (startDate === null || endDate === null || endDate >= startDate) return;
  const message =
    field === 'endDate'
      ? `must be on or after startDate (${startDate})`
      : `must be on or before endDate (${endDate})`;
  throw new ActivitiesError(
    'INVALID_REQUEST',
    `the request body is not valid: ${field} ${message}`,
    [{ field, message }],
  );
}
