// The recipients in the notifications database: the staff directory as last synchronised,
// with each one's channel preferences.
import type { NotificationsDatabase, NotificationsTransaction } from '../database.ts';
import type { Recipient } from '../../generated/prisma/client.ts';
import type { StaffMember } from './staff-directory.ts';

export type { Recipient };

export class RecipientRepository {
  private readonly database: NotificationsDatabase;

  constructor(database: NotificationsDatabase) {
    this.database = database;
  }

  /**
   * Makes the recipients what the directory lists, in one transaction: each listed member
   * inserted or updated and active, everyone else inactive (no longer notified). Their
   * preferences, webhooks and notifications are kept.
   */
  async synchronise(staff: readonly StaffMember[]): Promise<{ active: number; retired: number }> {
    const now = new Date();
    return this.database.$transaction(async (tx) => {
      for (const member of staff) {
        const fields = {
          displayName: member.name,
          email: member.email,
          roles: [...member.roles],
          partnerStates: [...member.partnerStates],
          active: true,
          updatedAt: now,
        };
        await tx.recipient.upsert({
          where: { userId: member.userId },
          create: { userId: member.userId, ...fields },
          update: fields,
        });
      }
      const { count } = await tx.recipient.updateMany({
        where: { userId: { notIn: staff.map((member) => member.userId) }, active: true },
        data: { active: false, updatedAt: now },
      });
      return { active: staff.length, retired: count };
    });
  }

  /** Everyone who may be notified now. */
  active(tx: NotificationsTransaction = this.database): Promise<Recipient[]> {
    return tx.recipient.findMany({ where: { active: true }, orderBy: { userId: 'asc' } });
  }

  async find(userId: string): Promise<Recipient | undefined> {
    return (await this.database.recipient.findUnique({ where: { userId } })) ?? undefined;
  }
}
