// Turns an occurrence into notifications, inside the inbox's transaction: one notification per
// recipient the rules choose (the in-app channel; unique per event and recipient) and, for
// each, one delivery per outward channel the recipient's preferences allow (unique per
// notification, channel and webhook). However often the event comes, one row, one send.
import { randomUUID } from 'node:crypto';
import type { NotificationsTransaction } from './database.ts';
import { outwardChannels } from './deliveries/channel-choice.ts';
import { notificationView, type NotificationView } from './in-app/notification-views.ts';
import { recipientsOf } from './rules/notification-rules.ts';
import { notificationText } from './rules/notification-text.ts';
import { occurrenceHeader, type Occurrence } from './rules/occurrence.ts';

export class NotificationIntake {
  private readonly emailChannelOn: boolean;

  constructor({ emailChannelOn }: { emailChannelOn: boolean }) {
    this.emailChannelOn = emailChannelOn;
  }

  /** Records the occurrence's notifications and deliveries; returns the notifications made. */
  async record(tx: NotificationsTransaction, occurrence: Occurrence): Promise<NotificationView[]> {
    const staff = await tx.recipient.findMany({ where: { active: true } });
    const recipientIds = recipientsOf(occurrence, staff);
    if (recipientIds.length === 0) return [];
    const header = occurrenceHeader(occurrence);
    const text = notificationText(occurrence);
    const now = new Date();
    const created = await tx.notification.createManyAndReturn({
      data: recipientIds.map((recipientId) => ({
        id: randomUUID(),
        kind: 'EVENT' as const,
        eventId: header.id,
        eventType: header.type,
        recipientId,
        engagementId: header.engagementId ?? null,
        partnerState: header.partnerState ?? null,
        title: text.title,
        body: text.body,
        occurredAt: header.occurredAt,
        createdAt: now,
      })),
      skipDuplicates: true,
    });
    if (created.length === 0) return [];
    const notified = created.map((notification) => notification.recipientId);
    const [preferences, webhooks] = await Promise.all([
      tx.notificationPreference.findMany({ where: { recipientId: { in: notified } } }),
      tx.webhook.findMany({ where: { recipientId: { in: notified }, removedAt: null } }),
    ]);
    const deliveries = created.flatMap((notification) => {
      const recipient = staff.find((member) => member.userId === notification.recipientId);
      return outwardChannels({
        roles: recipient?.roles ?? [],
        preference: preferences.find((p) => p.recipientId === notification.recipientId),
        webhookIds: webhooks
          .filter((webhook) => webhook.recipientId === notification.recipientId)
          .map((webhook) => webhook.id),
        emailChannelOn: this.emailChannelOn,
      }).map(({ channel, webhookId }) => ({
        id: randomUUID(),
        notificationId: notification.id,
        channel,
        webhookId,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      }));
    });
    if (deliveries.length > 0) {
      await tx.delivery.createMany({ data: deliveries, skipDuplicates: true });
    }
    return created.map(notificationView);
  }
}
