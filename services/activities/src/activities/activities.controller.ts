// An engagement's activities over HTTP: listed and read by the state's officer, reviewer and the
// programme manager; rescheduled and closed by the state's programme officer.
import type { Principal } from '@cttech/auth';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { Caller, Roles } from '@cttech/service-http';
import { closeCourseBody, CourseClosing, type CloseCourse } from '../closing/course-closing.ts';
import {
  activityPath,
  engagementPath,
  type ActivityPath,
  type EngagementPath,
} from './activity-paths.ts';
import { ActivityRecords } from './activity-records.ts';
import {
  ActivitySchedules,
  scheduleChangeBody,
  type ScheduleChange,
} from './activity-schedules.ts';

@Controller('engagements/:engagementId/activities')
export class ActivitiesController {
  private readonly records: ActivityRecords;
  private readonly schedules: ActivitySchedules;
  private readonly closing: CourseClosing;

  constructor(
    @Inject(ActivityRecords) records: ActivityRecords,
    @Inject(ActivitySchedules) schedules: ActivitySchedules,
    @Inject(CourseClosing) closing: CourseClosing,
  ) {
    this.records = records;
    this.schedules = schedules;
    this.closing = closing;
  }

  @Get()
  @Roles('PROGRAMME_OFFICER', 'COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER')
  list(@Caller() caller: Principal, @Param({ schema: engagementPath }) path: EngagementPath) {
    return this.records.list(caller, path.engagementId);
  }

  @Get(':activityId')
  @Roles('PROGRAMME_OFFICER', 'COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER')
  read(@Caller() caller: Principal, @Param({ schema: activityPath }) path: ActivityPath) {
    return this.records.read(caller, path);
  }

  @Patch(':activityId')
  @Roles('PROGRAMME_OFFICER')
  reschedule(
    @Caller() caller: Principal,
    @Param({ schema: activityPath }) path: ActivityPath,
    @Body({ schema: scheduleChangeBody }) body: ScheduleChange,
  ) {
    return this.schedules.change(caller, path, body);
  }

  /** Closes a course with its attendance and reports the delivery (`activities.training-delivered`). */
  @Post(':activityId/close')
  @HttpCode(200)
  @Roles('PROGRAMME_OFFICER')
  close(
    @Caller() caller: Principal,
    @Param({ schema: activityPath }) path: ActivityPath,
    @Body({ schema: closeCourseBody }) body: CloseCourse,
  ) {
    return this.closing.close(caller, path, body);
  }
}
