import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
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
import { Caller, CallerToken, Roles } from '../access/access-rules.ts';
import { engagementIdSchema, openApiSchema } from '../engagements/engagement-requests.ts';
import { scopedEngagementId } from '../engagements/engagement-scope.ts';
import { COMPLIANCE_MONITORING, type ComplianceMonitoring } from './compliance-monitoring.ts';
import {
  holdIdSchema,
  liftHoldBody,
  placeHoldBody,
  type LiftHoldBody,
  type PlaceHoldBody,
} from './hold-requests.ts';
import { relay, relayed } from '../services/relay.ts';

const engagementIdParam = ApiParam({
  name: 'id',
  description: 'engagement-<ISO code>-<cycle>, e.g. engagement-KE-2026',
});

/**
 * Holds for a human-rights concern: a compliance reviewer places one and the engagement is
 * suspended (through the compliance service's event and the workflow); only a reviewer lifting
 * it resumes the engagement: the programme manager's resume is refused while it holds.
 */
@ApiTags('holds')
@ApiBearerAuth()
@Controller('engagements/:id/holds')
export class HoldsController {
  constructor(@Inject(COMPLIANCE_MONITORING) private readonly compliance: ComplianceMonitoring) {}

  @Get()
  @Roles('COMPLIANCE_REVIEWER', 'PROGRAMME_OFFICER', 'PROGRAMME_MANAGER', 'OPERATOR')
  @ApiOperation({
    summary: "The engagement's human-rights holds, open and lifted",
    description: relayed,
  })
  @engagementIdParam
  async list(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Res() reply: FastifyReply,
  ) {
    return relay(reply, await this.compliance.holds(token, scopedEngagementId(caller, id)));
  }

  @Post()
  @Roles('COMPLIANCE_REVIEWER')
  @ApiOperation({
    summary: 'Put the engagement on hold for a human-rights concern (suspends it)',
    description: `${relayed} The concern stays in the compliance service and its audit trail; events carry the hold's id only.`,
  })
  @engagementIdParam
  @ApiBody({ schema: openApiSchema(placeHoldBody) as SchemaObject })
  async place(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Body({ schema: placeHoldBody }) body: PlaceHoldBody,
    @Res() reply: FastifyReply,
  ) {
    return relay(
      reply,
      await this.compliance.placeHold(token, scopedEngagementId(caller, id), body),
    );
  }

  @Post(':holdId/lift')
  @HttpCode(200)
  @Roles('COMPLIANCE_REVIEWER')
  @ApiOperation({
    summary: 'Lift a human-rights hold, with its resolution (resumes the engagement)',
    description: relayed,
  })
  @engagementIdParam
  @ApiParam({ name: 'holdId', description: 'The hold, as placing it answered' })
  @ApiBody({ schema: openApiSchema(liftHoldBody) as SchemaObject })
  async lift(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Param('holdId', { schema: holdIdSchema }) holdId: string,
    @Body({ schema: liftHoldBody }) body: LiftHoldBody,
    @Res() reply: FastifyReply,
  ) {
    return relay(
      reply,
      await this.compliance.liftHold(token, scopedEngagementId(caller, id), holdId, body),
    );
  }
}
