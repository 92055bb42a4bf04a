// An activity's sessions and their attendance over HTTP: recorded by the state's programme
// officer, read by the officer and the programme manager (participant ids only).
import type { Principal } from '@cttech/auth';
import { Body, Controller, Get, Inject, Param, Post, Put } from '@nestjs/common';
import { Caller, Roles } from '@cttech/service-http';
import {
  activityPath,
  sessionPath,
  type ActivityPath,
  type SessionPath,
} from '../activities/activity-paths.ts';
import {
  addSessionBody,
  recordAttendanceBody,
  SessionAttendance,
  type AddSession,
  type RecordAttendance,
} from './session-attendance.ts';

@Controller('engagements/:engagementId/activities/:activityId/sessions')
export class SessionsController {
  private readonly sessions: SessionAttendance;

  constructor(@Inject(SessionAttendance) sessions: SessionAttendance) {
    this.sessions = sessions;
  }

  @Post()
  @Roles('PROGRAMME_OFFICER')
  add(
    @Caller() caller: Principal,
    @Param({ schema: activityPath }) path: ActivityPath,
    @Body({ schema: addSessionBody }) body: AddSession,
  ) {
    return this.sessions.addSession(caller, path, body);
  }

  @Get(':sessionId/attendance')
  @Roles('PROGRAMME_OFFICER', 'PROGRAMME_MANAGER')
  attendance(@Caller() caller: Principal, @Param({ schema: sessionPath }) path: SessionPath) {
    return this.sessions.attendance(caller, path);
  }

  /** Replaces the session's attendance with the participants given. */
  @Put(':sessionId/attendance')
  @Roles('PROGRAMME_OFFICER')
  record(
    @Caller() caller: Principal,
    @Param({ schema: sessionPath }) path: SessionPath,
    @Body({ schema: recordAttendanceBody }) body: RecordAttendance,
  ) {
    return this.sessions.record(caller, path, body);
  }
}
