// E-mail and webhook deliveries in the database: claiming those due (FOR UPDATE SKIP LOCKED,
// so several dispatchers never claim one delivery together), and recording each attempt.
// Times are the database's clock, the same for every instance.
import type { NotificationsDatabase } from '../database.ts';
import type { OutgoingDelivery } from './outgoing-delivery.ts';
import type { AfterFailure } from './retry-schedule.ts';

export class DeliveryRepository {
  private readonly database: NotificationsDatabase;

  constructor(database: NotificationsDatabase) {
    this.database = database;
  }

  /**
   * Claims up to `limit` pending deliveries of these channels that are due, oldest first, by
   * pushing their next attempt on by the lease: until it ends no other dispatcher takes them.
   * A dispatcher that dies mid-send leaves them to be claimed again once the lease ends.
   */
  async claimDue(
    channels: readonly ('EMAIL' | 'WEBHOOK')[],
    { limit, leaseMs }: { limit: number; leaseMs: number },
  ): Promise<OutgoingDelivery[]> {
    if (channels.length === 0) return [];
    const claimed = await this.database.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE delivery
          SET next_attempt_at = now() + $1 * interval '1 millisecond', updated_at = now()
        WHERE id IN (
          SELECT id FROM delivery
           WHERE status = 'PENDING' AND next_attempt_at <= now()
             AND channel = ANY($2::"DeliveryChannel"[])
           ORDER BY next_attempt_at
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      leaseMs,
      channels,
      limit,
    );
    if (claimed.length === 0) return [];
    const deliveries = await this.database.delivery.findMany({
      where: { id: { in: claimed.map((row) => row.id) } },
      include: { notification: { include: { recipient: true } }, webhook: true },
      orderBy: { createdAt: 'asc' },
    });
    return deliveries.map((delivery) => ({
      id: delivery.id,
      channel: delivery.channel,
      attempts: delivery.attempts,
      notification: delivery.notification,
      recipient: delivery.notification.recipient,
      // a webhook removed since is no longer sent to
      webhook: delivery.webhook?.removedAt === null ? delivery.webhook : null,
    }));
  }

  /** Marks a sent delivery SENT: it is never claimed again. */
  async markSent(id: string): Promise<void> {
    await this.database.$executeRawUnsafe(
      `UPDATE delivery
          SET status = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = NULL,
              updated_at = now()
        WHERE id = $1::uuid AND status = 'PENDING'`,
      id,
    );
  }

  /** Records a failed attempt: tried again after the delay, or dead. */
  async markFailed(id: string, reason: string, after: AfterFailure): Promise<void> {
    await this.database.$executeRawUnsafe(
      `UPDATE delivery
          SET status = $3::"DeliveryStatus", attempts = attempts + 1, last_error = $2,
              next_attempt_at = now() + $4 * interval '1 millisecond', updated_at = now()
        WHERE id = $1::uuid AND status = 'PENDING'`,
      id,
      reason,
      after.status,
      after.status === 'PENDING' ? after.delayMs : 0,
    );
  }

  /** Cancels a delivery that can no longer go (its webhook was removed). */
  async cancel(id: string, reason: string): Promise<void> {
    await this.database.$executeRawUnsafe(
      `UPDATE delivery SET status = 'CANCELLED', last_error = $2, updated_at = now()
        WHERE id = $1::uuid AND status = 'PENDING'`,
      id,
      reason,
    );
  }
}
