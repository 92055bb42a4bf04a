// The in-app channel as its recipient uses it: their notifications newest first (optionally
// only the unread, or only one event type's), marking one or all read. Another user's
// notification is as if it did not exist (404).
import type { NotificationsDatabase } from '../database.ts';
import { NotificationsError } from '../errors.ts';
import type { NotificationListing } from './notification-listing.ts';
import { notificationView, type NotificationView } from './notification-views.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InAppNotifications {
  private readonly database: NotificationsDatabase;

  constructor(database: NotificationsDatabase) {
    this.database = database;
  }

  /** The recipient's notifications of events (digests go by e-mail), newest first. */
  async list(
    recipientId: string,
    { unread, limit, type }: NotificationListing,
  ): Promise<NotificationView[]> {
    const found = await this.database.notification.findMany({
      where: {
        recipientId,
        kind: 'EVENT',
        ...(unread ? { readAt: null } : {}),
        ...(type === undefined ? {} : { eventType: type }),
      },
      orderBy: [{ createdAt: 'desc' }, { occurredAt: 'desc' }, { id: 'asc' }],
      take: limit,
    });
    return found.map(notificationView);
  }

  /** Marks it read (once: reading it again keeps the first time). */
  async markRead(recipientId: string, id: string): Promise<NotificationView> {
    if (uuid.test(id)) {
      await this.database.notification.updateMany({
        where: { id, recipientId, kind: 'EVENT', readAt: null },
        data: { readAt: new Date() },
      });
      const notification = await this.database.notification.findFirst({
        where: { id, recipientId, kind: 'EVENT' },
      });
      if (notification) return notificationView(notification);
    }
    throw new NotificationsError('NOTIFICATION_NOT_FOUND', `you have no notification ${id}`);
  }

  async markAllRead(recipientId: string): Promise<{ marked: number }> {
    const { count } = await this.database.notification.updateMany({
      where: { recipientId, kind: 'EVENT', readAt: null },
      data: { readAt: new Date() },
    });
    return { marked: count };
  }
}
