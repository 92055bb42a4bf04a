// A review request end to end: the rules, in-app and e-mail, duplicates absorbed, the in-app API.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toKafkaRecord } from '@cttech/contracts';
import { waitFor } from '@cttech/testing';
import type { NotificationView } from '../src/in-app/notification-views.ts';
import {
  openMailingService,
  type MailingService,
  type NotificationsHarness,
} from './notifications-harness.ts';
import { sampleEvent } from './sample-events.ts';
import type { SmtpInbox } from './smtp-inbox.ts';

describe('notifications of a review request, on the real database, broker and an SMTP server', () => {
  let opened: MailingService;
  let smtp: SmtpInbox;
  let service: NotificationsHarness;

  beforeAll(async () => {
    opened = await openMailingService('notifications review requests');
    ({ smtp, service } = opened);
  });

  afterAll(async () => {
    await opened?.close();
  });

  /** The event's notifications once every delivery of them is sent. */
  async function deliveredNotificationsOf(eventId: string) {
    return waitFor(
      async () => {
        const notifications = await service.database.notification.findMany({
          where: { eventId },
          include: { deliveries: true },
          orderBy: { recipientId: 'asc' },
        });
        const sent = notifications.every((n) => n.deliveries.every((d) => d.status === 'SENT'));
        return notifications.length > 0 && sent && notifications;
      },
      { what: `the notifications of ${eventId}, delivered` },
    );
  }

  it('notifies exactly Kenya’s reviewers of a Kenyan review request, in the app and by e-mail', async () => {
    const event = sampleEvent('engagement.milestone-submitted', 'KE', {
      data: { submittedBy: 'officer-ke-1', editedBy: ['officer-ke-1'] },
    });
    await service.publish([event]);
    const notifications = await deliveredNotificationsOf(event.id);
    const reviewers = ['reviewer-1', 'reviewer-2', 'reviewer-all'];
    expect(notifications.map((notification) => notification.recipientId)).toEqual(reviewers);
    for (const notification of notifications) {
      expect(notification).toMatchObject({
        kind: 'EVENT',
        eventType: 'engagement.milestone-submitted',
        engagementId: event.engagementId,
        partnerState: 'KE',
        title: `Review requested: Kick-off milestone of ${event.engagementId}`,
        readAt: null,
      });
      expect(notification.deliveries.map((delivery) => delivery.channel)).toEqual(['EMAIL']);
    }

    // one e-mail to each reviewer's address, and none to anyone else
    const emails = smtp.messages.filter((mail) =>
      mail.headers.get('subject')?.includes(event.engagementId),
    );
    expect(emails.flatMap((mail) => mail.to).sort()).toEqual(
      reviewers.map((reviewer) => service.emailOf(reviewer)).sort(),
    );
    for (const notification of notifications) {
      const [mail] = smtp.to(service.emailOf(notification.recipientId));
      const delivery = notification.deliveries[0];
      expect(mail?.headers.get('message-id')).toBe(`<${delivery?.id}@cttech.test>`);
      expect(mail?.headers.get('from')).toBe(
        '"CT TECH+ notifications" <notifications@cttech.test>',
      );
      expect(mail?.headers.get('content-type')).toMatch(/^multipart\/alternative/);
    }

    // the app shows each reviewer theirs, and nobody else any
    const listed = await service.request<NotificationView[]>('GET', '/notifications', {
      as: 'reviewer-2',
    });
    expect(listed.status).toBe(200);
    expect(listed.body[0]).toMatchObject({
      eventId: event.id,
      recipientId: 'reviewer-2',
      readAt: null,
    });
    for (const user of ['officer-ke-1', 'reviewer-ng', 'manager-1', 'operator-1']) {
      const theirs = await service.request<NotificationView[]>('GET', '/notifications', {
        as: user,
      });
      expect([user, theirs.body]).toEqual([user, []]);
    }
  });

  it('sends one e-mail and one in-app notification per recipient however often the event comes', async () => {
    const event = sampleEvent('engagement.review-escalated', 'KE');
    const record = toKafkaRecord(event);
    await service.broker.publish([{ topic: service.engagementTopic, messages: [record, record] }]);
    await deliveredNotificationsOf(event.id);
    await service.broker.publish([{ topic: service.engagementTopic, messages: [record] }]);
    await waitFor(async () => (await service.lag()) === 0, { what: 'every copy consumed' });

    const notifications = await deliveredNotificationsOf(event.id);
    expect(notifications.map((notification) => notification.recipientId)).toEqual([
      'manager-1',
      'manager-2',
    ]);
    expect(notifications.map((notification) => notification.deliveries.length)).toEqual([1, 1]);
    const emails = smtp.messages.filter((mail) =>
      mail.headers.get('subject')?.includes(event.engagementId),
    );
    expect(emails.flatMap((mail) => mail.to).sort()).toEqual([
      service.emailOf('manager-1'),
      service.emailOf('manager-2'),
    ]);
    expect(await service.database.delivery.count({ where: { status: 'PENDING' } })).toBe(0);
  });

  it('consumes events no rule names without notifying anyone', async () => {
    const before = await service.database.notification.count();
    const opened = sampleEvent('engagement.opened', 'KE');
    await service.publish([opened]);
    await waitFor(
      async () =>
        (await service.database.inboxEvent.count({ where: { eventId: opened.id } })) === 1,
      { what: 'engagement.opened consumed' },
    );
    expect(await service.database.notification.count()).toBe(before);
  });

  it('lets a recipient list the unread, mark one and then all read; another’s is 404', async () => {
    const first = sampleEvent('engagement.review-reminder', 'KE');
    const second = sampleEvent('engagement.review-reminder', 'KE');
    await service.publish([first, second]);
    await deliveredNotificationsOf(first.id);
    await deliveredNotificationsOf(second.id);
    const unread = await service.request<NotificationView[]>(
      'GET',
      '/notifications?unread=true&limit=200',
      {
        as: 'reviewer-1',
      },
    );
    const mine = unread.body.find((notification) => notification.eventId === first.id);
    if (!mine) throw new Error('expected the reminder among the unread');

    const other = await service.request('POST', `/notifications/${mine.id}/read`, {
      as: 'reviewer-2',
    });
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });
    expect(
      (await service.request('POST', '/notifications/not-an-id/read', { as: 'reviewer-1' })).status,
    ).toBe(404);

    const read = await service.request<NotificationView>('POST', `/notifications/${mine.id}/read`, {
      as: 'reviewer-1',
    });
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await service.request<NotificationView>(
      'POST',
      `/notifications/${mine.id}/read`,
      {
        as: 'reviewer-1',
      },
    );
    expect(again.body.readAt).toBe(read.body.readAt);
    const stillUnread = await service.request<NotificationView[]>(
      'GET',
      '/notifications?unread=true&limit=200',
      {
        as: 'reviewer-1',
      },
    );
    expect(stillUnread.body.map((n) => n.id)).not.toContain(mine.id);
    expect(stillUnread.body.length).toBe(unread.body.length - 1);

    const newestFirst = await service.request<NotificationView[]>('GET', '/notifications?limit=2', {
      as: 'reviewer-1',
    });
    expect(newestFirst.body).toHaveLength(2);
    const [newest, older] = newestFirst.body.map((notification) => notification.createdAt);
    expect(String(newest) >= String(older)).toBe(true);

    const all = await service.request<{ marked: number }>('POST', '/notifications/read-all', {
      as: 'reviewer-1',
    });
    expect(all).toMatchObject({ status: 200, body: { marked: unread.body.length - 1 } });
    const none = await service.request<NotificationView[]>('GET', '/notifications?unread=true', {
      as: 'reviewer-1',
    });
    expect(none.body).toEqual([]);
    // reviewer-2's are still unread
    const theirs = await service.request<NotificationView[]>('GET', '/notifications?unread=true', {
      as: 'reviewer-2',
    });
    expect(theirs.body.length).toBeGreaterThan(0);
  });

  it('lists only the type asked for: a programme manager’s escalations, unread or all', async () => {
    const escalated = sampleEvent('engagement.review-escalated', 'NG');
    const overdue = sampleEvent('engagement.stage-overdue', 'NG');
    await service.publish([escalated, overdue]);
    await Promise.all([escalated, overdue].map(({ id }) => deliveredNotificationsOf(id)));
    const listed = async (as: string, query: string) => {
      const answer = await service.request<NotificationView[]>('GET', `/notifications?${query}`, {
        as,
      });
      expect(answer.status).toBe(200);
      return answer.body;
    };

    const escalations = await listed('manager-2', 'type=engagement.review-escalated&limit=200');
    expect(new Set(escalations.map(({ eventType }) => eventType))).toEqual(
      new Set(['engagement.review-escalated']),
    );
    expect(escalations[0]).toMatchObject({ eventId: escalated.id, partnerState: 'NG' });
    expect((await listed('manager-2', 'limit=200')).map(({ eventId }) => eventId)).toContain(
      overdue.id,
    );

    // read, it leaves the unread escalations and stays among all of them
    await service.request('POST', `/notifications/${escalations[0]?.id}/read`, { as: 'manager-2' });
    const eventIds = async (query: string) =>
      (await listed('manager-2', query)).map(({ eventId }) => eventId);
    expect(await eventIds('type=engagement.review-escalated&unread=true')).not.toContain(
      escalated.id,
    );
    expect(await eventIds('type=engagement.review-escalated')).toContain(escalated.id);
    // a reviewer is never told of escalations
    expect(await listed('reviewer-1', 'type=engagement.review-escalated')).toEqual([]);
  });

  it('requires a token, refuses bad queries naming the field, and answers health without a token', async () => {
    const missing = await service.request('GET', '/notifications');
    expect(missing).toMatchObject({ status: 401, body: { code: 'AUTHENTICATION_REQUIRED' } });
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    const badLimit = await service.request('GET', '/notifications?limit=0', { as: 'reviewer-1' });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errors).toEqual([
      { field: 'limit', message: expect.stringContaining('1') },
    ]);
    const badFilter = await service.request('GET', '/notifications?unread=yes', {
      as: 'reviewer-1',
    });
    expect(badFilter.body.errors).toEqual([
      { field: 'unread', message: 'must be one of: true, false' },
    ]);
    const unknownType = await service.request('GET', '/notifications?type=engagement.escalated', {
      as: 'manager-1',
    });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.errors).toEqual([
      {
        field: 'type',
        message: expect.stringContaining('engagement.review-escalated'),
      },
    ]);
    const deliveries = await service.request('GET', '/deliveries', { as: 'reviewer-1' });
    expect(deliveries).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });

    expect((await service.request('GET', '/health/live')).status).toBe(200);
    expect((await service.request('GET', '/health')).status).toBe(200);
    expect(await service.request('GET', '/health/ready')).toMatchObject({
      status: 200,
      body: { status: 'ready', dependencies: { postgres: 'up', kafka: 'up' } },
    });
    expect((await service.request('GET', '/nothing-here', { as: 'operator-1' })).status).toBe(404);
  });
});
