// The SMTP server down, then back: retried, then each e-mail sent exactly once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import { openNotificationsHarness, type NotificationsHarness } from './notifications-harness.ts';
import { sampleEvent } from './sample-events.ts';
import { SmtpInbox, unusedPort } from './smtp-inbox.ts';

describe('e-mail while the SMTP server is down', () => {
  let suite: TestSuite;
  let port: number;
  let smtp: SmtpInbox | undefined;
  let service: NotificationsHarness;

  beforeAll(async () => {
    suite = openTestSuite('notifications smtp outage');
    port = await unusedPort();
    // retried every 50 to 200 ms, for long enough to outlast the outage
    service = await openNotificationsHarness(suite, {
      smtpPort: port,
      deliveryRetry: { maxAttempts: 200, firstDelayMs: 50, maxDelayMs: 200 },
    });
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.close();
    await suite.close();
  });

  it('keeps retrying, then delivers each e-mail exactly once when the server is back', async () => {
    const escalated = sampleEvent('engagement.review-escalated', 'NG');
    await service.publish([escalated]);
    const failing = await waitFor(
      async () => {
        const deliveries = await service.database.delivery.findMany({
          where: { notification: { eventId: escalated.id } },
        });
        return deliveries.length === 2 && deliveries.every((d) => d.attempts >= 2) && deliveries;
      },
      { what: 'both e-mails failed twice or more' },
    );
    for (const delivery of failing) {
      expect(delivery).toMatchObject({ status: 'PENDING', channel: 'EMAIL' });
      expect(delivery.lastError).toMatch(/ECONNREFUSED/);
    }

    smtp = await SmtpInbox.start(port);
    const sent = await waitFor(
      async () => {
        const deliveries = await service.database.delivery.findMany({
          where: { notification: { eventId: escalated.id } },
          include: { notification: true },
        });
        return deliveries.every((d) => d.status === 'SENT') && deliveries;
      },
      { what: 'both e-mails sent' },
    );
    const inbox = smtp;
    expect(inbox.messages.map((mail) => mail.to).sort()).toEqual([
      [service.emailOf('manager-1')],
      [service.emailOf('manager-2')],
    ]);
    for (const delivery of sent) {
      expect(delivery.lastError).toBeNull();
      expect(delivery.sentAt).toEqual(expect.any(Date));
      const [mail] = inbox.to(service.emailOf(delivery.notification.recipientId));
      expect(mail?.headers.get('message-id')).toBe(`<${delivery.id}@cttech.test>`);
    }
    // sent is final: a dispatcher finds nothing more to send
    expect(await service.dispatcher.dispatchDue()).toBe(0);
    expect(inbox.messages).toHaveLength(2);
  });
});
