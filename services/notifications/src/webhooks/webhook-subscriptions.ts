// A recipient's webhooks: registered with a URL (a secret is made and shown once), listed
// (without secrets), removed (its deliveries not yet sent are cancelled).
import { randomUUID } from 'node:crypto';
import type { Principal } from '@cttech/auth';
import { z } from 'zod';
import type { NotificationsDatabase } from '../database.ts';
import { NotificationsError } from '../errors.ts';
import type { Webhook } from '../../generated/prisma/client.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import { webhookUrlSchema } from './webhook-url.ts';

export const webhookBody = z.strictObject({ url: webhookUrlSchema });

export type WebhookRegistration = z.infer<typeof webhookBody>;

/** Webhooks one recipient may have at a time. */
export const webhooksPerRecipient = 5;

export interface WebhookView {
  readonly id: string;
  readonly url: string;
  readonly createdAt: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function webhookView(webhook: Webhook): WebhookView {
  return { id: webhook.id, url: webhook.url, createdAt: webhook.createdAt.toISOString() };
}

export class WebhookSubscriptions {
  private readonly database: NotificationsDatabase;

  constructor(database: NotificationsDatabase) {
    this.database = database;
  }

  /** Registers a webhook; the answer carries its secret, which is never shown again. */
  async register(
    caller: Principal,
    { url }: WebhookRegistration,
  ): Promise<WebhookView & { secret: string }> {
    return this.database.$transaction(async (tx) => {
      // the recipient's row locked: one registration at a time per recipient, so the limit holds
      const recipient = await tx.$queryRawUnsafe<{ user_id: string }[]>(
        'SELECT user_id FROM recipient WHERE user_id = $1 FOR UPDATE',
        caller.userId,
      );
      if (recipient.length === 0) {
        throw new NotificationsError(
          'RECIPIENT_NOT_FOUND',
          `${caller.userId} is not in the staff directory, so is never notified`,
        );
      }
      const active = await tx.webhook.count({
        where: { recipientId: caller.userId, removedAt: null },
      });
      if (active >= webhooksPerRecipient) {
        throw new NotificationsError(
          'TOO_MANY_WEBHOOKS',
          `you have ${active} webhooks, the most allowed; remove one first`,
        );
      }
      const webhook = await tx.webhook.create({
        data: {
          id: randomUUID(),
          recipientId: caller.userId,
          url,
          secret: newWebhookSecret(),
          createdAt: new Date(),
        },
      });
      return { ...webhookView(webhook), secret: webhook.secret };
    });
  }

  async list(caller: Principal): Promise<WebhookView[]> {
    const webhooks = await this.database.webhook.findMany({
      where: { recipientId: caller.userId, removedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return webhooks.map(webhookView);
  }

  /** Removes it; deliveries to it not yet sent are cancelled. Another user's is a 404. */
  async remove(
    caller: Principal,
    id: string,
  ): Promise<{ id: string; cancelledDeliveries: number }> {
    const notFound = new NotificationsError('WEBHOOK_NOT_FOUND', `you have no webhook ${id}`);
    if (!uuid.test(id)) throw notFound;
    return this.database.$transaction(async (tx) => {
      const { count } = await tx.webhook.updateMany({
        where: { id, recipientId: caller.userId, removedAt: null },
        data: { removedAt: new Date() },
      });
      if (count === 0) throw notFound;
      const cancelled = await tx.delivery.updateMany({
        where: { webhookId: id, status: 'PENDING' },
        data: { status: 'CANCELLED', updatedAt: new Date() },
      });
      return { id, cancelledDeliveries: cancelled.count };
    });
  }
}
