// A delivery as a channel sends it: the notification, who it is for, and the webhook it goes
// to. Each channel (e-mail, webhook) is a DeliveryChannelSender the dispatcher calls.
import type { Notification } from '../../generated/prisma/client.ts';

export interface OutgoingDelivery {
  readonly id: string;
  readonly channel: 'EMAIL' | 'WEBHOOK';
  readonly attempts: number;
  readonly notification: Notification;
  readonly recipient: {
    readonly userId: string;
    readonly displayName: string;
    /** Personal data: for the SMTP envelope only, never logged. */
    readonly email: string;
  };
  readonly webhook: { readonly id: string; readonly url: string; readonly secret: string } | null;
}

export interface DeliveryChannelSender {
  /** Resolves once the SMTP server or the webhook receiver accepted it; rejects saying why not. */
  send(delivery: OutgoingDelivery): Promise<void>;
}
