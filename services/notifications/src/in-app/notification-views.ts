// A notification as the API shows it to its recipient (and as the live stream pushes it).
import type { Notification } from '../../generated/prisma/client.ts';

export interface NotificationView {
  readonly id: string;
  readonly recipientId: string;
  readonly kind: 'EVENT' | 'DIGEST';
  readonly eventId: string;
  readonly eventType: string;
  readonly engagementId: string | null;
  readonly partnerState: string | null;
  readonly title: string;
  readonly body: string;
  readonly occurredAt: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export function notificationView(notification: Notification): NotificationView {
  return {
    id: notification.id,
    recipientId: notification.recipientId,
    kind: notification.kind,
    eventId: notification.eventId,
    eventType: notification.eventType,
    engagementId: notification.engagementId,
    partnerState: notification.partnerState,
    title: notification.title,
    body: notification.body,
    occurredAt: notification.occurredAt.toISOString(),
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
  };
}
