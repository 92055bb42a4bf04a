// The daily digest: one e-mail per manager for the day, once across runs and instances.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@cttech/testing';
import { DailyDigest } from '../src/digest/daily-digest.ts';
import {
  openMailingService,
  type MailingService,
  type NotificationsHarness,
} from './notifications-harness.ts';
import { sampleEvent } from './sample-events.ts';
import type { SmtpInbox } from './smtp-inbox.ts';

const isDigest = (subject: string | undefined) => subject?.startsWith('Daily digest') ?? false;

describe('the programme managers’ daily digest', () => {
  let opened: MailingService;
  let smtp: SmtpInbox;
  let service: NotificationsHarness;

  beforeAll(async () => {
    opened = await openMailingService('notifications digest');
    ({ smtp, service } = opened);
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('sends each manager one e-mail for the day, once however often and wherever it runs', async () => {
    // manager-2 takes the digest instead of an e-mail per notification
    const choice = await service.request('PUT', '/me/preferences', {
      as: 'manager-2',
      body: { email: true, webhook: true, digestOnly: true },
    });
    expect(choice).toMatchObject({ status: 200, body: { digestOnly: true } });

    const escalated = sampleEvent('engagement.review-escalated', 'KE');
    const suspended = sampleEvent('engagement.suspended', 'NG', { data: { by: 'officer-ng-1' } });
    await service.publish([escalated, suspended]);
    const notifications = await waitFor(
      async () => {
        const made = await service.database.notification.findMany({
          where: { recipientId: { in: ['manager-1', 'manager-2'] } },
          include: { deliveries: true },
        });
        const settled = made.every((n) => n.deliveries.every((d) => d.status === 'SENT'));
        return made.length === 4 && settled && made;
      },
      { what: 'four notifications of the managers, their e-mails sent' },
    );
    // manager-1 had an e-mail each; manager-2 none
    expect(smtp.to(service.emailOf('manager-1'))).toHaveLength(2);
    expect(smtp.to(service.emailOf('manager-2'))).toEqual([]);
    const day = notifications[0]?.createdAt.toISOString().slice(0, 10) ?? '';

    // two instances at once: each manager's digest is made once
    const elsewhere = new DailyDigest(service.database, { emailChannelOn: true, made: () => {} });
    const runs = await Promise.all([service.digest.run(day), elsewhere.run(day)]);
    expect(
      runs.flatMap((run) => run.digests).sort((a, b) => a.recipientId.localeCompare(b.recipientId)),
    ).toEqual([
      { recipientId: 'manager-1', notifications: 2 },
      { recipientId: 'manager-2', notifications: 2 },
    ]);
    const digests = await waitFor(
      () => {
        const sent = smtp.messages.filter((mail) => isDigest(mail.headers.get('subject')));
        return sent.length === 2 && sent;
      },
      { what: 'the two digests e-mailed' },
    );
    expect(digests.map((mail) => mail.to).sort()).toEqual([
      [service.emailOf('manager-1')],
      [service.emailOf('manager-2')],
    ]);
    const [digest] = smtp.to(service.emailOf('manager-2'));
    expect(digest?.headers.get('subject')).toMatch(
      /^Daily digest for \d+ \w+ \d{4}: 2 notifications$/,
    );
    expect(digest?.raw).toContain(escalated.engagementId);
    expect(digest?.raw).toContain(suspended.engagementId);
    // nobody else has a digest, and digests are not in the app's list
    expect(await service.database.notification.count({ where: { kind: 'DIGEST' } })).toBe(2);
    const inApp = await service.request<{ kind: string }[]>('GET', '/notifications', {
      as: 'manager-2',
    });
    expect(inApp.body.map((notification) => notification.kind)).toEqual(['EVENT', 'EVENT']);

    // running it again makes and sends nothing
    expect(await service.digest.run(day)).toEqual({ day, digests: [] });
    expect(await service.database.delivery.count({ where: { status: 'PENDING' } })).toBe(0);
    expect(smtp.messages.filter((mail) => isDigest(mail.headers.get('subject')))).toHaveLength(2);

    // a day without notifications has no digest
    expect(await service.digest.run('2020-01-01')).toEqual({ day: '2020-01-01', digests: [] });
  });
});
