// The activities the engagement's events plan: a kick-off meeting when it opens, the national
// workshop at the needs assessment, one activity per scheduled course; cancellations and
// deliveries recorded on the engagement itself follow.
import { randomUUID } from 'node:crypto';
import type { EngagementEvent } from '@cttech/contracts';
import type { ActivitiesTransaction } from '../database.ts';
import type { ActivitiesLogger } from '../logger.ts';
import {
  courseActivity,
  courseOrigin,
  stageActivities,
  type ActivityKind,
} from './activity-kinds.ts';
import { dayOf } from './calendar-days.ts';

type CourseStatusChanged = EngagementEvent<'training.course-status-changed'>;

/** A new activity's id. */
export function newActivityId(): string {
  return `activity-${randomUUID()}`;
}

/**
 * Applies an engagement event to its activities, inside the inbox's transaction (so each event
 * once). Planning is idempotent on top of that: an activity has one row per engagement and
 * origin, so an event recorded again under another id plans nothing twice.
 */
export class ActivityPlanning {
  private readonly logger: ActivitiesLogger;

  constructor(logger: ActivitiesLogger) {
    this.logger = logger;
  }

  async apply(event: EngagementEvent, tx: ActivitiesTransaction): Promise<void> {
    switch (event.type) {
      case 'engagement.opened':
        return this.planStage(event, 'KICK_OFF', tx);
      case 'engagement.stage-advanced':
        if (event.data.toStage === 'NEEDS_ASSESSMENT') {
          return this.planStage(event, 'NEEDS_ASSESSMENT', tx);
        }
        return;
      case 'training.course-status-changed':
        if (event.data.status === 'SCHEDULED') return this.scheduleCourse(event, tx);
        if (event.data.status === 'CANCELLED') return this.cancelCourse(event, tx);
        return;
      case 'training.course-delivered':
        return this.recordDelivery(event, tx);
      case 'engagement.cancelled':
        return this.cancelEngagement(event, tx);
      default:
        return;
    }
  }

  private async planStage(
    event: EngagementEvent,
    origin: keyof typeof stageActivities,
    tx: ActivitiesTransaction,
  ): Promise<void> {
    const { kind, title } = stageActivities[origin];
    await this.plan(event, { origin, kind, title }, tx);
  }

  /** Creates the activity unless the engagement already has one of this origin. */
  private async plan(
    event: EngagementEvent,
    activity: {
      origin: string;
      kind: ActivityKind;
      title: string;
      courseId?: string;
      course?: string;
      schedule?: CourseStatusChanged['data']['schedule'];
    },
    tx: ActivitiesTransaction,
  ): Promise<void> {
    const id = newActivityId();
    const at = new Date(event.occurredAt);
    const { schedule } = activity;
    const { count } = await tx.activity.createMany({
      data: [
        {
          id,
          engagementId: event.engagementId,
          partnerState: event.partnerState,
          cycle: event.cycle,
          origin: activity.origin,
          kind: activity.kind,
          title: activity.title,
          courseId: activity.courseId ?? null,
          course: activity.course ?? null,
          ...(schedule ? scheduleColumns(schedule) : {}),
          plannedAt: at,
          updatedAt: at,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return;
    this.logger.log(
      `activity ${id} planned: ${activity.kind} of engagement ${event.engagementId} (${activity.origin}) from event ${event.id}`,
    );
  }

  /** A scheduled course's activity; a cancelled one is reopened (a re-plan), with the new schedule. */
  private async scheduleCourse(event: CourseStatusChanged, tx: ActivitiesTransaction) {
    const { courseId, course, schedule } = event.data;
    const origin = courseOrigin(courseId);
    const { kind, title } = courseActivity(course);
    const existing = await tx.activity.findUnique({
      where: { engagementId_origin: { engagementId: event.engagementId, origin } },
    });
    if (!existing) {
      return this.plan(
        event,
        { origin, kind, title, courseId, course, ...(schedule ? { schedule } : {}) },
        tx,
      );
    }
    if (existing.status !== 'CANCELLED') return;
    await tx.activity.update({
      where: { id: existing.id },
      data: {
        status: 'PLANNED',
        cancelledAt: null,
        kind,
        title,
        course,
        ...(schedule ? scheduleColumns(schedule) : {}),
        updatedAt: new Date(event.occurredAt),
      },
    });
    this.logger.log(
      `activity ${existing.id} reopened: course ${courseId} of engagement ${event.engagementId} scheduled again by event ${event.id}`,
    );
  }

  private async cancelCourse(event: CourseStatusChanged, tx: ActivitiesTransaction) {
    const at = new Date(event.occurredAt);
    const cancelled = await tx.activity.updateManyAndReturn({
      where: {
        engagementId: event.engagementId,
        origin: courseOrigin(event.data.courseId),
        status: 'PLANNED',
      },
      data: { status: 'CANCELLED', cancelledAt: at, updatedAt: at },
      select: { id: true },
    });
    this.logCancelled(cancelled, event, `course ${event.data.courseId} cancelled`);
  }

  /**
   * A delivery the engagement accepted. Closing the course here is what usually sends it, and
   * then the activity is closed already; an officer may also record the delivery on the
   * engagement directly, and then the activity closes with the engagement's counts, so that
   * it cannot be closed (and the delivery sent) a second time.
   */
  private async recordDelivery(
    event: EngagementEvent<'training.course-delivered'>,
    tx: ActivitiesTransaction,
  ) {
    const { courseId, attendance, humanRightsModuleDelivered } = event.data.delivery;
    const at = new Date(event.occurredAt);
    const closed = await tx.activity.updateManyAndReturn({
      where: {
        engagementId: event.engagementId,
        origin: courseOrigin(courseId),
        status: 'PLANNED',
      },
      data: {
        status: 'CLOSED',
        closedBy: event.data.recordedBy,
        closedAt: at,
        ...attendance,
        humanRightsModuleDelivered,
        updatedAt: at,
      },
      select: { id: true },
    });
    for (const { id } of closed) {
      this.logger.log(
        `activity ${id} closed: course ${courseId} delivered as recorded in engagement ${event.engagementId} (event ${event.id})`,
      );
    }
  }

  private async cancelEngagement(
    event: EngagementEvent<'engagement.cancelled'>,
    tx: ActivitiesTransaction,
  ) {
    const at = new Date(event.occurredAt);
    const cancelled = await tx.activity.updateManyAndReturn({
      where: { engagementId: event.engagementId, status: 'PLANNED' },
      data: { status: 'CANCELLED', cancelledAt: at, updatedAt: at },
      select: { id: true },
    });
    this.logCancelled(cancelled, event, 'engagement cancelled');
  }

  private logCancelled(
    cancelled: readonly { id: string }[],
    event: EngagementEvent,
    why: string,
  ): void {
    for (const { id } of cancelled) {
      this.logger.log(
        `activity ${id} cancelled: ${why} in engagement ${event.engagementId} (event ${event.id})`,
      );
    }
  }
}

/** The columns a training plan's schedule fills in. */
function scheduleColumns(schedule: NonNullable<CourseStatusChanged['data']['schedule']>) {
  return {
    startDate: dayOf(schedule.startDate),
    endDate: dayOf(schedule.endDate),
    seats: schedule.seats,
    venueOrPlatform: schedule.venueOrPlatform,
  };
}
