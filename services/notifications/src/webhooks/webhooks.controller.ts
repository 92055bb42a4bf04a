// The caller's webhooks.
import { roles, type Principal } from '@cttech/auth';
import { Caller, Roles } from '@cttech/service-http';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  webhookBody,
  WebhookSubscriptions,
  type WebhookRegistration,
} from './webhook-subscriptions.ts';

@Controller('me/webhooks')
@Roles(...roles)
export class WebhooksController {
  private readonly webhooks: WebhookSubscriptions;

  constructor(@Inject(WebhookSubscriptions) webhooks: WebhookSubscriptions) {
    this.webhooks = webhooks;
  }

  /** 201 with the webhook and its secret (shown this once). */
  @Post()
  register(@Caller() caller: Principal, @Body({ schema: webhookBody }) body: WebhookRegistration) {
    return this.webhooks.register(caller, body);
  }

  @Get()
  list(@Caller() caller: Principal) {
    return this.webhooks.list(caller);
  }

  @Delete(':id')
  @HttpCode(200)
  remove(@Caller() caller: Principal, @Param('id') id: string) {
    return this.webhooks.remove(caller, id);
  }
}
