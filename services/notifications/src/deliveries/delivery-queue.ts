// What operators see of the e-mail and webhook deliveries: listed by status (the dead ones are
// the dead letters of this service), and a dead one retried. Staff ids and webhook URLs only:
// never an e-mail address, never the notification's text.
import type { NotificationsDatabase } from '../database.ts';
import { NotificationsError } from '../errors.ts';
import type { Delivery, Notification, Webhook } from '../../generated/prisma/client.ts';

export interface DeliveryView {
  readonly id: string;
  readonly channel: 'EMAIL' | 'WEBHOOK';
  readonly status: 'PENDING' | 'SENT' | 'DEAD' | 'CANCELLED';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly sentAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly recipientId: string;
  readonly notificationId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly engagementId: string | null;
  readonly webhook: { readonly id: string; readonly url: string } | null;
}

type DeliveryRecord = Delivery & { notification: Notification; webhook: Webhook | null };

function deliveryView(delivery: DeliveryRecord): DeliveryView {
  return {
    id: delivery.id,
    channel: delivery.channel,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    nextAttemptAt: delivery.status === 'PENDING' ? delivery.nextAttemptAt.toISOString() : null,
    sentAt: delivery.sentAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
    recipientId: delivery.notification.recipientId,
    notificationId: delivery.notificationId,
    eventId: delivery.notification.eventId,
    eventType: delivery.notification.eventType,
    engagementId: delivery.notification.engagementId,
    webhook: delivery.webhook ? { id: delivery.webhook.id, url: delivery.webhook.url } : null,
  };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const withContext = { notification: true, webhook: true } as const;

export class DeliveryQueue {
  private readonly database: NotificationsDatabase;
  private readonly retried: () => void;

  constructor(database: NotificationsDatabase, { retried }: { retried: () => void }) {
    this.database = database;
    this.retried = retried;
  }

  /** The most recently changed first. */
  async list({
    status,
    limit,
  }: {
    status?: DeliveryView['status'] | undefined;
    limit: number;
  }): Promise<DeliveryView[]> {
    const deliveries = await this.database.delivery.findMany({
      where: status ? { status } : {},
      include: withContext,
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      take: limit,
    });
    return deliveries.map(deliveryView);
  }

  /**
   * Gives a dead delivery its attempts afresh, due now; the dispatcher is woken. Only a dead
   * one: a sent delivery is never sent again (409), an unknown one is 404.
   */
  async retry(id: string): Promise<DeliveryView> {
    const notFound = new NotificationsError('DELIVERY_NOT_FOUND', `there is no delivery ${id}`);
    if (!uuid.test(id)) throw notFound;
    const { count } = await this.database.delivery.updateMany({
      where: { id, status: 'DEAD' },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), updatedAt: new Date() },
    });
    const delivery = await this.database.delivery.findUnique({
      where: { id },
      include: withContext,
    });
    if (!delivery) throw notFound;
    if (count === 0) {
      throw new NotificationsError(
        'DELIVERY_NOT_DEAD',
        `delivery ${id} is ${delivery.status}; only a DEAD delivery can be retried`,
      );
    }
    this.retried();
    return deliveryView(delivery);
  }
}
