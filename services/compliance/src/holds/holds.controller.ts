import type { Principal } from '@cttech/auth';
import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { Caller, Roles } from '@cttech/service-http';
import {
  HumanRightsHolds,
  liftHoldBody,
  placeHoldBody,
  type LiftHold,
  type PlaceHold,
} from './human-rights-holds.ts';

/** Holds for a human-rights concern: placed and lifted by compliance reviewers only. */
@Controller('engagements/:engagementId/holds')
export class HoldsController {
  private readonly holds: HumanRightsHolds;

  constructor(@Inject(HumanRightsHolds) holds: HumanRightsHolds) {
    this.holds = holds;
  }

  @Get()
  @Roles('COMPLIANCE_REVIEWER', 'PROGRAMME_OFFICER', 'PROGRAMME_MANAGER', 'OPERATOR')
  list(@Caller() caller: Principal, @Param('engagementId') engagementId: string) {
    return this.holds.list(caller, engagementId);
  }

  @Post()
  @Roles('COMPLIANCE_REVIEWER')
  place(
    @Caller() caller: Principal,
    @Param('engagementId') engagementId: string,
    @Body({ schema: placeHoldBody }) body: PlaceHold,
  ) {
    return this.holds.place(caller, engagementId, body);
  }

  @Post(':holdId/lift')
  @HttpCode(200)
  @Roles('COMPLIANCE_REVIEWER')
  lift(
    @Caller() caller: Principal,
    @Param('engagementId') engagementId: string,
    @Param('holdId') holdId: string,
    @Body({ schema: liftHoldBody }) body: LiftHold,
  ) {
    return this.holds.lift(caller, engagementId, holdId, body);
  }
}
