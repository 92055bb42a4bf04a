// The caller's in-app notifications: the list (unread only, of one type), marking read, and
// the live stream.
import { roles, type Principal } from '@cttech/auth';
import { Caller, Roles } from '@cttech/service-http';
import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { InAppNotifications } from './in-app-notifications.ts';
import { NotificationFeed } from './notification-feed.ts';
import { notificationListingQuery, type NotificationListing } from './notification-listing.ts';

@Controller('notifications')
@Roles(...roles)
export class NotificationsController {
  private readonly notifications: InAppNotifications;
  private readonly feed: NotificationFeed;

  constructor(
    @Inject(InAppNotifications) notifications: InAppNotifications,
    @Inject(NotificationFeed) feed: NotificationFeed,
  ) {
    this.notifications = notifications;
    this.feed = feed;
  }

  @Get()
  list(
    @Caller() caller: Principal,
    @Query({ schema: notificationListingQuery }) query: NotificationListing,
  ) {
    return this.notifications.list(caller.userId, query);
  }

  /** Server-sent events: each new notification of the caller's, and heartbeats. */
  @Sse('stream')
  stream(@Caller() caller: Principal): Observable<MessageEvent> {
    return this.feed.streamOf(caller.userId);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@Caller() caller: Principal) {
    return this.notifications.markAllRead(caller.userId);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@Caller() caller: Principal, @Param('id') id: string) {
    return this.notifications.markRead(caller.userId, id);
  }
}
