// Deliveries dead after their last attempt, listed for operators, retried by one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@cttech/testing';
import type { DeliveryView } from '../src/deliveries/delivery-queue.ts';
import {
  openMailingService,
  type MailingService,
  type NotificationsHarness,
} from './notifications-harness.ts';
import { sampleEvent } from './sample-events.ts';
import type { SmtpInbox } from './smtp-inbox.ts';

describe('deliveries that fail every attempt', () => {
  let opened: MailingService;
  let smtp: SmtpInbox;
  let service: NotificationsHarness;

  beforeAll(async () => {
    opened = await openMailingService('notifications dead deliveries', {
      deliveryRetry: { maxAttempts: 3, firstDelayMs: 20, maxDelayMs: 40 },
    });
    ({ smtp, service } = opened);
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('are dead after the last attempt, listed for operators, and sent when an operator retries one', async () => {
    smtp.refusing = true;
    const overdue = sampleEvent('engagement.stage-overdue', 'KE');
    await service.publish([overdue]);
    const dead = await waitFor(
      async () => {
        const deliveries = await service.database.delivery.findMany({
          where: { notification: { eventId: overdue.id } },
          include: { notification: true },
          orderBy: { notification: { recipientId: 'asc' } },
        });
        return (
          deliveries.length === 3 && deliveries.every((d) => d.status === 'DEAD') && deliveries
        );
      },
      { what: 'the three e-mails dead' },
    );
    expect(dead.map((d) => [d.notification.recipientId, d.attempts])).toEqual([
      ['manager-1', 3],
      ['manager-2', 3],
      ['officer-ke-1', 3],
    ]);
    expect(smtp.messages).toEqual([]);

    const listed = await service.request<DeliveryView[]>('GET', '/deliveries?status=DEAD', {
      as: 'operator-1',
    });
    expect(listed.status).toBe(200);
    expect(listed.body.map((d) => d.id).sort()).toEqual(dead.map((d) => d.id).sort());
    const officers = listed.body.find((d) => d.recipientId === 'officer-ke-1');
    expect(officers).toMatchObject({
      channel: 'EMAIL',
      status: 'DEAD',
      attempts: 3,
      eventId: overdue.id,
      eventType: 'engagement.stage-overdue',
      engagementId: overdue.engagementId,
      nextAttemptAt: null,
      lastError: expect.stringMatching(/550/),
    });
    // operators see staff ids, never addresses
    expect(JSON.stringify(listed.body)).not.toContain('@');
    expect(
      (await service.request('GET', '/deliveries?status=DEAD', { as: 'manager-1' })).status,
    ).toBe(403);
    const badStatus = await service.request('GET', '/deliveries?status=LOST', { as: 'operator-1' });
    expect(badStatus.body.errors).toEqual([
      { field: 'status', message: 'must be one of: PENDING, SENT, DEAD, CANCELLED' },
    ]);

    smtp.refusing = false;
    const retried = await service.request<DeliveryView>(
      'POST',
      `/deliveries/${officers?.id}/retry`,
      {
        as: 'operator-1',
      },
    );
    expect(retried).toMatchObject({
      status: 200,
      body: { id: officers?.id, status: 'PENDING', attempts: 0 },
    });
    await waitFor(
      async () =>
        (await service.database.delivery.findUnique({ where: { id: officers?.id } }))?.status ===
        'SENT',
      { what: 'the retried e-mail sent' },
    );
    expect(smtp.messages.map((mail) => mail.to)).toEqual([[service.emailOf('officer-ke-1')]]);
    expect(smtp.messages[0]?.headers.get('message-id')).toBe(`<${officers?.id}@cttech.test>`);
    // the others stay dead until retried
    expect(
      await service.database.delivery.count({
        where: { id: { in: dead.map((d) => d.id) }, status: 'DEAD' },
      }),
    ).toBe(2);

    const again = await service.request('POST', `/deliveries/${officers?.id}/retry`, {
      as: 'operator-1',
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'DELIVERY_NOT_DEAD' } });
    const unknown = await service.request(
      'POST',
      '/deliveries/5b0c8a52-6c07-4d1f-9d43-6f7b7e7d1a01/retry',
      {
        as: 'operator-1',
      },
    );
    expect(unknown).toMatchObject({ status: 404, body: { code: 'DELIVERY_NOT_FOUND' } });
    const officer = await service.request('POST', `/deliveries/${dead[0]?.id}/retry`, {
      as: 'officer-ke-1',
    });
    expect(officer.status).toBe(403);
    expect(smtp.messages).toHaveLength(1);
  });
});
