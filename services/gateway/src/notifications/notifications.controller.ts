import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
  type SchemaObject,
} from '@nestjs/swagger';
import { roles } from '@cttech/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CallerToken, Roles } from '../access/access-rules.ts';
import { openApiSchema } from '../engagements/engagement-requests.ts';
import { answeredBy, relay, relayEvents } from '../services/relay.ts';
import { NOTIFICATIONS_SERVICE, segment, type ServiceRelay } from '../services/service-client.ts';
import {
  deliveryListQuery,
  notificationIdSchema,
  notificationListQuery,
  preferencesBody,
  queryString,
  webhookBody,
  type DeliveryListQuery,
  type NotificationListQuery,
} from './notification-requests.ts';

const relayed = answeredBy('notifications');

/**
 * Each user's own notifications (the in-app inbox and its live stream), channel preferences
 * and webhooks, forwarded to the notifications service with the caller's token: every caller
 * sees only what was sent to them.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
@Roles(...roles)
export class NotificationsController {
  constructor(@Inject(NOTIFICATIONS_SERVICE) private readonly notifications: ServiceRelay) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest first', description: relayed })
  @ApiQuery({ name: 'unread', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 200 (50 unless given)' })
  @ApiQuery({
    name: 'type',
    required: false,
    description:
      'only notifications of this event type, e.g. engagement.review-escalated (the escalations of overdue reviews); an engagement event type, messaging.dead-lettered or operations.workflow-failed; another is refused (400 naming type)',
  })
  async list(
    @CallerToken() token: string,
    @Query({ schema: notificationListQuery }) query: NotificationListQuery,
    @Res() reply: FastifyReply,
  ) {
    return relay(
      reply,
      await this.notifications.call('GET', `/notifications${queryString(query)}`, token),
    );
  }

  @Get('notifications/stream')
  @ApiOperation({
    summary: 'My new notifications as they come (server-sent events)',
    description: `${relayed} Each event's data is one notification as the list gives it; comments keep the connection alive.`,
  })
  @ApiProduces('text/event-stream')
  stream(@CallerToken() token: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return relayEvents(request, reply, (callerGone) =>
      this.notifications.open('/notifications/stream', token, callerGone),
    );
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read', description: relayed })
  async readAll(@CallerToken() token: string, @Res() reply: FastifyReply) {
    return relay(reply, await this.notifications.call('POST', '/notifications/read-all', token));
  }

  @Post('notifications/:notificationId/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read', description: relayed })
  @ApiParam({ name: 'notificationId' })
  async read(
    @CallerToken() token: string,
    @Param('notificationId', { schema: notificationIdSchema }) notificationId: string,
    @Res() reply: FastifyReply,
  ) {
    return relay(
      reply,
      await this.notifications.call(
        'POST',
        `/notifications/${segment(notificationId)}/read`,
        token,
      ),
    );
  }

  @Get('me/preferences')
  @ApiOperation({
    summary: 'My channel preferences (e-mail, webhook, digest)',
    description: relayed,
  })
  async preferences(@CallerToken() token: string, @Res() reply: FastifyReply) {
    return relay(reply, await this.notifications.call('GET', '/me/preferences', token));
  }

  @Put('me/preferences')
  @ApiOperation({
    summary: 'Choose my channels; the in-app inbox is always on',
    description: `${relayed} digestOnly is for programme managers.`,
  })
  @ApiBody({ schema: openApiSchema(preferencesBody) as SchemaObject })
  async choosePreferences(
    @CallerToken() token: string,
    @Body({ schema: preferencesBody }) body: z.infer<typeof preferencesBody>,
    @Res() reply: FastifyReply,
  ) {
    return relay(reply, await this.notifications.call('PUT', '/me/preferences', token, body));
  }

  @Get('me/webhooks')
  @ApiOperation({ summary: 'My webhooks (without their secrets)', description: relayed })
  async webhooks(@CallerToken() token: string, @Res() reply: FastifyReply) {
    return relay(reply, await this.notifications.call('GET', '/me/webhooks', token));
  }

  @Post('me/webhooks')
  @ApiOperation({
    summary: 'Register a webhook; the answer shows its signing secret this once',
    description: `${relayed} Each delivery is a JSON POST signed with HMAC-SHA256 (X-CTTech-Signature).`,
  })
  @ApiBody({ schema: openApiSchema(webhookBody) as SchemaObject })
  async registerWebhook(
    @CallerToken() token: string,
    @Body({ schema: webhookBody }) body: z.infer<typeof webhookBody>,
    @Res() reply: FastifyReply,
  ) {
    return relay(reply, await this.notifications.call('POST', '/me/webhooks', token, body));
  }

  @Delete('me/webhooks/:webhookId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove one of my webhooks', description: relayed })
  @ApiParam({ name: 'webhookId' })
  async removeWebhook(
    @CallerToken() token: string,
    @Param('webhookId', { schema: notificationIdSchema }) webhookId: string,
    @Res() reply: FastifyReply,
  ) {
    return relay(
      reply,
      await this.notifications.call('DELETE', `/me/webhooks/${segment(webhookId)}`, token),
    );
  }

  @Get('operations/notification-deliveries')
  @Roles('OPERATOR')
  @ApiOperation({
    summary: 'E-mail and webhook deliveries by status; DEAD ones gave up after their retries',
    description: relayed,
  })
  @ApiQuery({ name: 'status', required: false, enum: ['PENDING', 'SENT', 'DEAD', 'CANCELLED'] })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 500 (100 unless given)' })
  async deliveries(
    @CallerToken() token: string,
    @Query({ schema: deliveryListQuery }) query: DeliveryListQuery,
    @Res() reply: FastifyReply,
  ) {
    return relay(
      reply,
      await this.notifications.call('GET', `/deliveries${queryString(query)}`, token),
    );
  }

  @Post('operations/notification-deliveries/:deliveryId/retry')
  @HttpCode(200)
  @Roles('OPERATOR')
  @ApiOperation({ summary: 'Send a dead delivery again', description: relayed })
  @ApiParam({ name: 'deliveryId' })
  async retryDelivery(
    @CallerToken() token: string,
    @Param('deliveryId', { schema: notificationIdSchema }) deliveryId: string,
    @Res() reply: FastifyReply,
  ) {
    return relay(
      reply,
      await this.notifications.call('POST', `/deliveries/${segment(deliveryId)}/retry`, token),
    );
  }
}
