// Dead letters, others' and this service's own, notify the operators.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deadLetterTopic, toKafkaRecord } from '@cttech/contracts';
import { deadLetterHeader } from '@cttech/messaging';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import type { NotificationView } from '../src/in-app/notification-views.ts';
import { openNotificationsHarness, type NotificationsHarness } from './notifications-harness.ts';
import { sampleEvent } from './sample-events.ts';

describe('dead letters', () => {
  let suite: TestSuite;
  let service: NotificationsHarness;

  beforeAll(async () => {
    suite = openTestSuite('notifications dead letters');
    service = await openNotificationsHarness(suite);
  });

  afterAll(async () => {
    await service?.close();
    await suite.close();
  });

  const operatorsNotificationOf = (eventId: string) =>
    waitFor(
      async () => {
        const listed = await service.request<NotificationView[]>('GET', '/notifications', {
          as: 'operator-1',
        });
        return listed.body.find((notification) => notification.eventId === eventId);
      },
      { what: `the operators' notification of ${eventId}` },
    );

  it('tell the operators, and only them, of a message dead-lettered on the engagement topic', async () => {
    const event = sampleEvent('engagement.milestone-submitted', 'KE');
    const record = toKafkaRecord(event);
    const topic = deadLetterTopic(service.engagementTopic);
    await service.broker.publish([
      {
        topic,
        messages: [
          {
            ...record,
            headers: {
              ...record.headers,
              [deadLetterHeader.reason]: 'the engagement does not exist',
              [deadLetterHeader.consumer]: 'engagement-bridge',
              [deadLetterHeader.attempts]: '1',
              [deadLetterHeader.at]: '2026-11-22T10:00:00.000Z',
              [deadLetterHeader.topic]: service.engagementTopic,
              [deadLetterHeader.partition]: '1',
              [deadLetterHeader.offset]: '12',
            },
          },
        ],
      },
    ]);
    const eventId = `dead-letter:${topic}/0/0`;
    const notification = await operatorsNotificationOf(eventId);
    expect(notification).toMatchObject({
      eventType: 'messaging.dead-lettered',
      engagementId: event.engagementId,
      partnerState: 'KE',
      title: `Dead letter on ${service.engagementTopic}`,
      occurredAt: '2026-11-22T10:00:00.000Z',
    });
    expect(notification.body).toContain(
      `Consumer engagement-bridge gave up on event ${event.id} (engagement.milestone-submitted) ` +
        `from ${service.engagementTopic} partition 1 offset 12 after 1 attempt`,
    );
    expect(notification.body).toContain('the engagement does not exist');
    // the dead letter is not taken for the review request it carries
    expect(
      await service.database.notification.findMany({
        where: { eventId: { not: eventId } },
      }),
    ).toEqual([]);
    expect(
      (await service.database.notification.findMany({ where: { eventId } })).map(
        (n) => n.recipientId,
      ),
    ).toEqual(['operator-1']);
  });

  it('tell the operators of a message this service could not read, which it dead-lettered itself', async () => {
    await service.broker.publish([
      {
        topic: service.complianceTopic,
        messages: [
          { key: 'engagement-KE-2031', value: '{"holdId":', headers: { ce_id: 'broken-1' } },
        ],
      },
    ]);
    const topic = deadLetterTopic(service.complianceTopic);
    const notification = await operatorsNotificationOf(`dead-letter:${topic}/0/0`);
    expect(notification.title).toBe(`Dead letter on ${service.complianceTopic}`);
    expect(notification.body).toContain(
      `Consumer ${service.consumerGroup} gave up on event broken-1`,
    );
    expect(notification.body).toMatch(/missing header/);
  });
});
