import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  type SchemaObject,
} from '@nestjs/swagger';
import type { Principal } from '@cttech/auth';
import type { FastifyReply } from 'fastify';
import { Caller, CallerToken, Roles } from '../access/access-rules.ts';
import { engagementIdSchema, openApiSchema } from '../engagements/engagement-requests.ts';
import { relay, relayed } from '../services/relay.ts';
import {
  reviewDecisionBody,
  reviewIdSchema,
  reviewQueueQuery,
  type ReviewDecisionBody,
  type ReviewQueueQuery,
} from './review-requests.ts';
import { ReviewsService } from './reviews.service.ts';

const reviewIdParam = ApiParam({ name: 'id', description: 'The review request' });

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(@Inject(ReviewsService) private readonly reviews: ReviewsService) {}

  @Get()
  @Roles('COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER', 'OPERATOR')
  @ApiOperation({ summary: "The reviewers' queue of your partner states", description: relayed })
  @ApiQuery({ name: 'status', required: false, enum: ['OPEN', 'DECIDED'] })
  @ApiQuery({
    name: 'mine',
    required: false,
    enum: ['true', 'false'],
    description: 'true: only the open reviews you may decide (not submitted or edited by you)',
  })
  async queue(
    @CallerToken() token: string,
    @Query({ schema: reviewQueueQuery }) query: ReviewQueueQuery,
    @Res() reply: FastifyReply,
  ) {
    return relay(
      reply,
      await this.reviews.reviewQueue(token, {
        status: query.status,
        mine: query.mine === undefined ? undefined : query.mine === 'true',
      }),
    );
  }

  @Get(':id')
  @Roles('COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER', 'OPERATOR')
  @ApiOperation({
    summary: 'A review: the milestone, its checklist, its decision',
    description: relayed,
  })
  @reviewIdParam
  async review(
    @CallerToken() token: string,
    @Param('id', { schema: reviewIdSchema }) id: string,
    @Res() reply: FastifyReply,
  ) {
    return relay(reply, await this.reviews.review(token, id));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('COMPLIANCE_REVIEWER')
  @ApiOperation({
    summary: "Decide a review against the stage's checklist (four eyes: not the submitter)",
    description: relayed,
  })
  @reviewIdParam
  @ApiBody({ schema: openApiSchema(reviewDecisionBody) as SchemaObject })
  async decide(
    @CallerToken() token: string,
    @Param('id', { schema: reviewIdSchema }) id: string,
    @Body({ schema: reviewDecisionBody }) decision: ReviewDecisionBody,
    @Res() reply: FastifyReply,
  ) {
    return relay(reply, await this.reviews.decide(token, id, decision));
  }
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(@Inject(ReviewsService) private readonly reviews: ReviewsService) {}

  @Get('engagements/:id/audit')
  @Roles('COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER', 'OPERATOR')
  @ApiOperation({ summary: "The engagement's audit trail", description: relayed })
  @ApiParam({ name: 'id', description: 'engagement-<ISO code>-<cycle>, e.g. engagement-KE-2026' })
  async auditTrail(
    @Caller() caller: Principal,
    @CallerToken() token: string,
    @Param('id', { schema: engagementIdSchema }) id: string,
    @Res() reply: FastifyReply,
  ) {
    return relay(reply, await this.reviews.auditTrail(caller, token, id));
  }

  @Get('audit/verification')
  @Roles('OPERATOR', 'PROGRAMME_MANAGER')
  @ApiOperation({
    summary: "Verify the audit trail's hash chain (names the first altered entry)",
    description: relayed,
  })
  async verifyAuditTrail(@CallerToken() token: string, @Res() reply: FastifyReply) {
    return relay(reply, await this.reviews.verifyAuditTrail(token));
  }
}
