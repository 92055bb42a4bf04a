// Each recipient's channel preferences: read (the defaults when never chosen) and replaced.
import type { Principal } from '@cttech/auth';
import type { NotificationsDatabase } from '../database.ts';
import { defaultPreference, type ChannelPreference } from '../deliveries/channel-choice.ts';
import { NotificationsError } from '../errors.ts';
import { preferenceProblems, type PreferenceChoice } from './preference-rules.ts';

export class PreferenceStore {
  private readonly database: NotificationsDatabase;

  constructor(database: NotificationsDatabase) {
    this.database = database;
  }

  async get(caller: Principal): Promise<ChannelPreference> {
    const stored = await this.database.notificationPreference.findUnique({
      where: { recipientId: caller.userId },
    });
    return stored
      ? { email: stored.email, webhook: stored.webhook, digestOnly: stored.digestOnly }
      : defaultPreference;
  }

  /** Replaces the caller's preferences; refused (changing nothing) naming the field at fault. */
  async put(caller: Principal, choice: PreferenceChoice): Promise<ChannelPreference> {
    const problems = preferenceProblems(caller, choice);
    if (problems.length > 0) {
      throw new NotificationsError(
        'INVALID_REQUEST',
        `the preferences are not valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
        problems,
      );
    }
    const recipient = await this.database.recipient.findUnique({
      where: { userId: caller.userId },
    });
    if (!recipient) {
      throw new NotificationsError(
        'RECIPIENT_NOT_FOUND',
        `${caller.userId} is not in the staff directory, so is never notified`,
      );
    }
    const fields = { ...choice, updatedAt: new Date() };
    const stored = await this.database.notificationPreference.upsert({
      where: { recipientId: caller.userId },
      create: { recipientId: caller.userId, ...fields },
      update: fields,
    });
    return { email: stored.email, webhook: stored.webhook, digestOnly: stored.digestOnly };
  }
}
