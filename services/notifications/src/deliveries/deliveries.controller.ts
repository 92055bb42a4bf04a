// Operators' view of the e-mail and webhook deliveries: the dead ones, and retrying one.
import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { Roles } from '@cttech/service-http';
import { z } from 'zod';
import { DeliveryQueue } from './delivery-queue.ts';

const listingQuery = z.strictObject({
  status: z.enum(['PENDING', 'SENT', 'DEAD', 'CANCELLED']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

@Controller('deliveries')
@Roles('OPERATOR')
export class DeliveriesController {
  private readonly deliveries: DeliveryQueue;

  constructor(@Inject(DeliveryQueue) deliveries: DeliveryQueue) {
    this.deliveries = deliveries;
  }

  @Get()
  list(@Query({ schema: listingQuery }) query: z.infer<typeof listingQuery>) {
    return this.deliveries.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  retry(@Param('id') id: string) {
    return this.deliveries.retry(id);
  }
}
