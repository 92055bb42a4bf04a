import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiParam,
  ApiTags,
  type SchemaObject,
} from '@nestjs/swagger';
import type { Principal } from '@cttech/auth';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Caller, CallerToken, Roles } from '../access/access-rules.ts';
import { engagementIdSchema, openApiSchema } from '../engagements/engagement-requests.ts';
import { scopedEngagementId } from '../engagements/engagement-scope.ts';
import { answeredBy, relay } from '../services/relay.ts';
import {
  ACTIVITIES_SERVICE,
  segment,
  type ServiceMethod,
  type ServiceRelay,
} from '../services/service-client.ts';
import {
  activityIdSchema,
  addSessionBody,
  closeCourseBody,
  participantIdSchema,
  recordAttendanceBody,
  registerParticipantBody,
  scheduleChangeBody,
  sessionIdSchema,
} from './activity-requests.ts';

const relayed = answeredBy('activities');
const engagementIdParam = ApiParam({
  name: 'id',
  description: 'engagement-<ISO code>-<cycle>, e.g. engagement-KE-2026',
});
const activityIdParam = ApiParam({ name: 'activityId', description: 'activity-<uuid>' });
const bodyOf = (schema: z.ZodType) => ApiBody({ schema: openApiSchema(schema) as SchemaObject });

/**
 * An engagement's capacity-building activities (kick-off meeting, national workshop, courses),
 * their sessions, pseudonymous participants and attendance, forwarded to the activities
 * service with the caller's token. Activities appear as the engagement plans them; closing a
 * course reaches the engagement (its delivery) and the programme's indicators.
 */
@ApiTags('activities')
@ApiBearerAuth()
@Controller('engagements/:id/activities')
export class ActivitiesController {
  constructor(@Inject(ACTIVITIES_SERVICE) private readonly activities: ServiceRelay) {}

  /** Forwards to the service's `/engagements/:id/activities/...` once the state is the caller's. */
  private async forward(
    reply: FastifyReply,
    caller: Principal,
    token: string,
    method: ServiceMethod,
    engagementId: string,
    rest: readonly string[],
    body?: unknown,
  ): Promise<FastifyReply> {
    const path = ['engagements', scopedEngagementId(caller, engagementId), 'activities', ...rest]
      .map(segment)
      .join('/');
    return relay(reply, await this.activities.call(method, `/${path}`, token, body));
  }

  @Get()
  @Roles('PROGRAMME_OFFICER', 'COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER')
  @ApiOperation({
    summary: "The engagement's activities, as planned and run",
    description: relayed,
  })
  @engagementIdParam
  list(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(reply, caller, token, 'GET', id, []);
  }

  @Get(':activityId')
  @Roles('PROGRAMME_OFFICER', 'COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER')
  @ApiOperation({
    summary: 'One activity: its schedule, sessions, participant count and attendance by sex',
    description: relayed,
  })
  @engagementIdParam
  @activityIdParam
  read(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('activityId', { schema: activityIdSchema }) activityId: string,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(reply, caller, token, 'GET', id, [activityId]);
  }

  @Patch(':activityId')
  @Roles('PROGRAMME_OFFICER')
  @ApiOperation({
    summary: "Change an open activity's dates, venue or platform, seats or trainers",
    description: relayed,
  })
  @engagementIdParam
  @activityIdParam
  @bodyOf(scheduleChangeBody)
  reschedule(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('activityId', { schema: activityIdSchema }) activityId: string,
    @Body({ schema: scheduleChangeBody }) body: z.infer<typeof scheduleChangeBody>,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(reply, caller, token, 'PATCH', id, [activityId], body);
  }

  @Post(':activityId/close')
  @HttpCode(200)
  @Roles('PROGRAMME_OFFICER')
  @ApiOperation({
    summary: 'Close a course with its attendance (counted by sex from the sessions)',
    description: `${relayed} The delivery reaches the engagement as its training delivery and the programme's indicators; the counts carry no names.`,
  })
  @engagementIdParam
  @activityIdParam
  @bodyOf(closeCourseBody)
  close(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('activityId', { schema: activityIdSchema }) activityId: string,
    @Body({ schema: closeCourseBody }) body: z.infer<typeof closeCourseBody>,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(reply, caller, token, 'POST', id, [activityId, 'close'], body);
  }

  @Get(':activityId/participants')
  @Roles('PROGRAMME_OFFICER', 'PROGRAMME_MANAGER')
  @ApiOperation({
    summary: "A course's participants, pseudonymous (id, sex, agency, role)",
    description: relayed,
  })
  @engagementIdParam
  @activityIdParam
  participants(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('activityId', { schema: activityIdSchema }) activityId: string,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(reply, caller, token, 'GET', id, [activityId, 'participants']);
  }

  @Post(':activityId/participants')
  @Roles('PROGRAMME_OFFICER')
  @ApiOperation({
    summary: 'Register a participant (a name and contact only where needed)',
    description: `${relayed} A name and contact are sealed by the activities service and never reach an event or a log.`,
  })
  @engagementIdParam
  @activityIdParam
  @bodyOf(registerParticipantBody)
  register(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('activityId', { schema: activityIdSchema }) activityId: string,
    @Body({ schema: registerParticipantBody }) body: z.infer<typeof registerParticipantBody>,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(reply, caller, token, 'POST', id, [activityId, 'participants'], body);
  }

  @Get(':activityId/participants/:participantId')
  @Roles('PROGRAMME_OFFICER', 'PROGRAMME_MANAGER')
  @ApiOperation({
    summary: "One participant; the state's officer also sees the name and contact",
    description: relayed,
  })
  @engagementIdParam
  @activityIdParam
  @ApiParam({ name: 'participantId', description: 'participant-<uuid>' })
  participant(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('activityId', { schema: activityIdSchema }) activityId: string,
    @Param('participantId', { schema: participantIdSchema }) participantId: string,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(reply, caller, token, 'GET', id, [
      activityId,
      'participants',
      participantId,
    ]);
  }

  @Delete(':activityId/participants/:participantId/personal-data')
  @Roles('PROGRAMME_OFFICER')
  @ApiOperation({
    summary: "Erase a participant's name and contact; the pseudonymous record and attendance stay",
    description: relayed,
  })
  @engagementIdParam
  @activityIdParam
  @ApiParam({ name: 'participantId', description: 'participant-<uuid>' })
  erase(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('activityId', { schema: activityIdSchema }) activityId: string,
    @Param('participantId', { schema: participantIdSchema }) participantId: string,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(reply, caller, token, 'DELETE', id, [
      activityId,
      'participants',
      participantId,
      'personal-data',
    ]);
  }

  @Post(':activityId/sessions')
  @Roles('PROGRAMME_OFFICER')
  @ApiOperation({ summary: 'Add a session (its day and what it covers)', description: relayed })
  @engagementIdParam
  @activityIdParam
  @bodyOf(addSessionBody)
  addSession(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('activityId', { schema: activityIdSchema }) activityId: string,
    @Body({ schema: addSessionBody }) body: z.infer<typeof addSessionBody>,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(reply, caller, token, 'POST', id, [activityId, 'sessions'], body);
  }

  @Get(':activityId/sessions/:sessionId/attendance')
  @Roles('PROGRAMME_OFFICER', 'PROGRAMME_MANAGER')
  @ApiOperation({ summary: 'Who attended a session (participant ids)', description: relayed })
  @engagementIdParam
  @activityIdParam
  @ApiParam({ name: 'sessionId', description: 'session-<uuid>' })
  attendance(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('activityId', { schema: activityIdSchema }) activityId: string,
    @Param('sessionId', { schema: sessionIdSchema }) sessionId: string,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(reply, caller, token, 'GET', id, [
      activityId,
      'sessions',
      sessionId,
      'attendance',
    ]);
  }

  @Put(':activityId/sessions/:sessionId/attendance')
  @Roles('PROGRAMME_OFFICER')
  @ApiOperation({
    summary: "Record a session's attendance (the whole set, replacing the last)",
    description: relayed,
  })
  @engagementIdParam
  @activityIdParam
  @ApiParam({ name: 'sessionId', description: 'session-<uuid>' })
  @bodyOf(recordAttendanceBody)
  recordAttendance(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('activityId', { schema: activityIdSchema }) activityId: string,
    @Param('sessionId', { schema: sessionIdSchema }) sessionId: string,
    @Body({ schema: recordAttendanceBody }) body: z.infer<typeof recordAttendanceBody>,
    @Res() reply: FastifyReply,
  ) {
    return this.forward(
      reply,
      caller,
      token,
      'PUT',
      id,
      [activityId, 'sessions', sessionId, 'attendance'],
      body,
    );
  }
}
