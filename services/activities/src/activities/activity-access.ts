// Finding an engagement's activities for a caller: unknown is 404, another partner state's 403;
// and taking an activity's row lock before a change, refusing a closed or cancelled one.
import { mayAccessPartnerState, type Principal } from '@cttech/auth';
import type { Activity } from '../../generated/prisma/client.ts';
import { notOpen } from '../closing/closing-rules.ts';
import type { ActivitiesDatabase, ActivitiesTransaction } from '../database.ts';
import { ActivitiesError } from '../errors.ts';
import type { ActivityPath } from './activity-paths.ts';

export type { Activity };

function refuseOtherState(principal: Principal, partnerState: string, what: string): void {
  if (mayAccessPartnerState(principal, partnerState)) return;
  throw new ActivitiesError(
    'PARTNER_STATE_NOT_ALLOWED',
    `${what} is in partner state ${partnerState}, which ${principal.userId} is not assigned to`,
  );
}

export class ActivityAccess {
  private readonly database: ActivitiesDatabase;

  constructor(database: ActivitiesDatabase) {
    this.database = database;
  }

  /** The engagement's activities, oldest first; the engagement is known by its activities. */
  async ofEngagement(principal: Principal, engagementId: string): Promise<Activity[]> {
    const activities = await this.database.activity.findMany({
      where: { engagementId },
      orderBy: [{ plannedAt: 'asc' }, { id: 'asc' }],
    });
    const [first] = activities;
    if (!first) {
      throw new ActivitiesError(
        'ENGAGEMENT_NOT_FOUND',
        `engagement ${engagementId} has no activities here`,
      );
    }
    refuseOtherState(principal, first.partnerState, `engagement ${engagementId}`);
    return activities;
  }

  /** One activity of the engagement, as the caller may see it. */
  async activity(
    principal: Principal,
    { engagementId, activityId }: ActivityPath,
  ): Promise<Activity> {
    const activity = await this.database.activity.findUnique({ where: { id: activityId } });
    if (!activity || activity.engagementId !== engagementId) {
      throw new ActivitiesError(
        'ACTIVITY_NOT_FOUND',
        `engagement ${engagementId} has no activity ${activityId}`,
      );
    }
    refuseOtherState(principal, activity.partnerState, `activity ${activityId}`);
    return activity;
  }

  /**
   * Locks the activity's row for the rest of the transaction and returns it as it now stands,
   * refusing a closed or cancelled one: a change and a concurrent close cannot both go through.
   */
  async lockOpen(tx: ActivitiesTransaction, activityId: string): Promise<Activity> {
    await tx.$executeRaw`SELECT 1 FROM activity WHERE id = ${activityId} FOR UPDATE`;
    const activity = await tx.activity.findUniqueOrThrow({ where: { id: activityId } });
    const refusal = notOpen(activity);
    if (refusal) throw refusal;
    return activity;
  }
}
