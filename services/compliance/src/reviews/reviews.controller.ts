import type { Principal } from '@cttech/auth';
import { reviewDecisionSchema } from '@cttech/domain';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { Caller, Roles } from '@cttech/service-http';
import { ReviewDecisions } from './review-decisions.ts';
import { ReviewQueue } from './review-queue.ts';

const queueQuery = z.strictObject({
  status: z.enum(['OPEN', 'DECIDED']).optional(),
  /** `true`: only the open reviews the caller may decide. */
  mine: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

@Controller('reviews')
export class ReviewsController {
  private readonly queue: ReviewQueue;
  private readonly decisions: ReviewDecisions;

  constructor(
    @Inject(ReviewQueue) queue: ReviewQueue,
    @Inject(ReviewDecisions) decisions: ReviewDecisions,
  ) {
    this.queue = queue;
    this.decisions = decisions;
  }

  @Get()
  @Roles('COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER', 'OPERATOR')
  list(
    @Caller() caller: Principal,
    @Query({ schema: queueQuery }) query: z.infer<typeof queueQuery>,
  ) {
    return this.queue.list(caller, query.status, query.mine);
  }

  @Get(':id')
  @Roles('COMPLIANCE_REVIEWER', 'PROGRAMME_MANAGER', 'OPERATOR')
  review(@Caller() caller: Principal, @Param('id') id: string) {
    return this.queue.review(caller, id);
  }

  /** Validated here for its shape (unknown fields refused), then against the stage's checklist. */
  @Post(':id/decision')
  @HttpCode(200)
  @Roles('COMPLIANCE_REVIEWER')
  decide(
    @Caller() caller: Principal,
    @Param('id') id: string,
    @Body({ schema: reviewDecisionSchema }) body: unknown,
  ) {
    return this.decisions.decideReview(id, caller, body);
  }
}
