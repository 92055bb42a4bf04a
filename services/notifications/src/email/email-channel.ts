// The e-mail channel: sends a delivery's notification over SMTP with nodemailer, plain text
// and HTML, with a Message-ID made from the delivery's id, so a message sent again after a
// crash between sending and marking it sent is recognisable as the same message.
import nodemailer, { type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { DeliveryChannelSender, OutgoingDelivery } from '../deliveries/outgoing-delivery.ts';
import { renderEmail } from './email-rendering.ts';

export interface EmailChannelOptions {
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://...:465`. */
  readonly smtpUrl: string;
  /** The From: mailbox, such as `CT TECH+ notifications <notifications@example.org>`. */
  readonly from: string;
  /** How long connecting, the greeting and each reply may take. */
  readonly timeoutMs?: number;
}

/** The Message-ID of a delivery's e-mail: the same however often it is sent. */
export function messageIdOf(deliveryId: string, from: string): string {
  const address = addressparser(from, { flatten: true })[0]?.address ?? '';
  const domain = address.split('@')[1] || 'notifications.cttech';
  return `<${deliveryId}@${domain}>`;
}

export class EmailChannel implements DeliveryChannelSender {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor({ smtpUrl, from, timeoutMs = 15_000 }: EmailChannelOptions) {
    this.from = from;
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs * 2,
      // nodemailer would otherwise log envelopes (addresses) when debugging is switched on
      logger: false,
      debug: false,
    });
  }

  async send(delivery: OutgoingDelivery): Promise<void> {
    const { notification, recipient } = delivery;
    const email = renderEmail(notification);
    await this.transport.sendMail({
      from: this.from,
      to: { name: recipient.displayName, address: recipient.email },
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: messageIdOf(delivery.id, this.from),
      headers: {
        'X-CTTech-Notification': notification.id,
        'X-CTTech-Event-Type': notification.eventType,
        // no out-of-office replies to a notification
        'Auto-Submitted': 'auto-generated',
      },
    });
  }

  close(): void {
    this.transport.close();
  }
}
