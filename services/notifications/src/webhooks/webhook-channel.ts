// The webhook channel: POSTs a delivery's notification as JSON to the recipient's webhook,
// signed with the webhook's secret (see webhook-signature.ts), within a time limit, following
// no redirects. Any answer but a 2xx is a failure the dispatcher retries.
import type { DeliveryChannelSender, OutgoingDelivery } from '../deliveries/outgoing-delivery.ts';
import { notificationView, type NotificationView } from '../in-app/notification-views.ts';
import { signatureHeader, signWebhookBody } from './webhook-signature.ts';

/** What a webhook receives: the notification as the recipient's list shows it. */
export interface WebhookPayload {
  /** The delivery's id: the same on every attempt, so a receiver can ignore a repeat. */
  readonly deliveryId: string;
  readonly recipient: string;
  readonly notification: Omit<NotificationView, 'recipientId' | 'readAt'>;
}

export function webhookPayload(delivery: OutgoingDelivery): WebhookPayload {
  const { recipientId, readAt: _readAt, ...notification } = notificationView(delivery.notification);
  return { deliveryId: delivery.id, recipient: recipientId, notification };
}

export class WebhookChannel implements DeliveryChannelSender {
  private readonly timeoutMs: number;

  constructor({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}) {
    this.timeoutMs = timeoutMs;
  }

  async send(delivery: OutgoingDelivery): Promise<void> {
    const { webhook } = delivery;
    if (!webhook) throw new Error('the delivery names no webhook');
    const body = JSON.stringify(webhookPayload(delivery));
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'cttech-notifications',
        'x-cttech-delivery': delivery.id,
        [signatureHeader]: signWebhookBody(webhook.secret, body),
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    // the answer's body is not needed; release the connection
    await response.body?.cancel();
    if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
  }
}
