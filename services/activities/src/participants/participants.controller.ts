// A course's participants over HTTP: registered and erased by the state's programme officer,
// read by the officer (with the opened name and contact) and the programme manager (without).
import type { Principal } from '@cttech/auth';
import { Body, Controller, Delete, Get, Inject, Param, Post } from '@nestjs/common';
import { Caller, Roles } from '@cttech/service-http';
import {
  activityPath,
  participantPath,
  type ActivityPath,
  type ParticipantPath,
} from '../activities/activity-paths.ts';
import {
  ParticipantRegistry,
  registerParticipantBody,
  type RegisterParticipant,
} from './participant-registry.ts';

@Controller('engagements/:engagementId/activities/:activityId/participants')
export class ParticipantsController {
  private readonly registry: ParticipantRegistry;

  constructor(@Inject(ParticipantRegistry) registry: ParticipantRegistry) {
    this.registry = registry;
  }

  @Get()
  @Roles('PROGRAMME_OFFICER', 'PROGRAMME_MANAGER')
  list(@Caller() caller: Principal, @Param({ schema: activityPath }) path: ActivityPath) {
    return this.registry.list(caller, path);
  }

  @Post()
  @Roles('PROGRAMME_OFFICER')
  register(
    @Caller() caller: Principal,
    @Param({ schema: activityPath }) path: ActivityPath,
    @Body({ schema: registerParticipantBody }) body: RegisterParticipant,
  ) {
    return this.registry.register(caller, path, body);
  }

  @Get(':participantId')
  @Roles('PROGRAMME_OFFICER', 'PROGRAMME_MANAGER')
  read(@Caller() caller: Principal, @Param({ schema: participantPath }) path: ParticipantPath) {
    return this.registry.read(caller, path);
  }

  /** Erases the name and contact; the pseudonymous record and its attendance stay. */
  @Delete(':participantId/personal-data')
  @Roles('PROGRAMME_OFFICER')
  erase(@Caller() caller: Principal, @Param({ schema: participantPath }) path: ParticipantPath) {
    return this.registry.erase(caller, path);
  }
}
