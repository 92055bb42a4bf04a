// The programme managers' daily digest: for a UTC day, one e-mail per manager listing the
// notifications they received that day. Each is recorded as a notification of kind DIGEST
// with the id `digest/<day>` (unique per recipient and day) and one e-mail delivery, in one
// transaction: however often it runs, on however many instances, each manager's digest of a
// day is made and sent once. A manager with nothing that day, or with e-mail off, gets none.
import { randomUUID } from 'node:crypto';
import type { NotificationsDatabase } from '../database.ts';
import { receivesDigest } from '../deliveries/channel-choice.ts';
import { digestText } from './digest-text.ts';

export interface DigestRun {
  readonly day: string;
  /** The digests this run made (not those an earlier run made). */
  readonly digests: readonly { readonly recipientId: string; readonly notifications: number }[];
}

export const digestEventType = 'notifications.daily-digest';

/** The UTC day's bounds of `YYYY-MM-DD`. */
function dayBounds(day: string): { from: Date; to: Date } {
  const from = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(from.getTime())) throw new Error(`${day} is not a day written YYYY-MM-DD`);
  return { from, to: new Date(from.getTime() + 86_400_000) };
}

export class DailyDigest {
  private readonly database: NotificationsDatabase;
  private readonly emailChannelOn: boolean;
  private readonly made: () => void;

  constructor(
    database: NotificationsDatabase,
    { emailChannelOn, made }: { emailChannelOn: boolean; made: () => void },
  ) {
    this.database = database;
    this.emailChannelOn = emailChannelOn;
    this.made = made;
  }

  /** Makes the day's digests that are not made yet; the dispatcher sends them. */
  async run(day: string): Promise<DigestRun> {
    const { from, to } = dayBounds(day);
    const managers = await this.database.recipient.findMany({
      where: { active: true, roles: { has: 'PROGRAMME_MANAGER' } },
      include: { preference: true },
      orderBy: { userId: 'asc' },
    });
    const digests: { recipientId: string; notifications: number }[] = [];
    for (const manager of managers) {
      if (
        !receivesDigest({
          roles: manager.roles,
          preference: manager.preference ?? undefined,
          emailChannelOn: this.emailChannelOn,
        })
      ) {
        continue;
      }
      const made = await this.makeDigest(manager.userId, day, from, to);
      if (made > 0) digests.push({ recipientId: manager.userId, notifications: made });
    }
    if (digests.length > 0) this.made();
    return { day, digests };
  }

  /** The manager's digest of the day, if not made already: how many notifications it lists. */
  private async makeDigest(
    recipientId: string,
    day: string,
    from: Date,
    to: Date,
  ): Promise<number> {
    return this.database.$transaction(async (tx) => {
      const notifications = await tx.notification.findMany({
        where: { recipientId, kind: 'EVENT', createdAt: { gte: from, lt: to } },
        orderBy: [{ createdAt: 'asc' }, { occurredAt: 'asc' }, { id: 'asc' }],
        select: { title: true, body: true },
      });
      if (notifications.length === 0) return 0;
      const text = digestText(day, notifications);
      const now = new Date();
      const [digest] = await tx.notification.createManyAndReturn({
        data: [
          {
            id: randomUUID(),
            kind: 'DIGEST',
            eventId: `digest/${day}`,
            eventType: digestEventType,
            recipientId,
            title: text.title,
            body: text.body,
            occurredAt: to,
            createdAt: now,
          },
        ],
        skipDuplicates: true,
      });
      if (!digest) return 0;
      await tx.delivery.create({
        data: {
          id: randomUUID(),
          notificationId: digest.id,
          channel: 'EMAIL',
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        },
      });
      return notifications.length;
    });
  }
}
