// Webhooks (signed), preferences (e-mail off, validation) and the live stream (server-sent events).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@cttech/testing';
import type { NotificationView } from '../src/in-app/notification-views.ts';
import type { WebhookPayload } from '../src/webhooks/webhook-channel.ts';
import { verifyWebhookSignature } from '../src/webhooks/webhook-signature.ts';
import {
  listenOnLoopback,
  openMailingService,
  type MailingService,
  type NotificationsHarness,
} from './notifications-harness.ts';
import { sampleEvent } from './sample-events.ts';
import type { SmtpInbox } from './smtp-inbox.ts';

interface ReceivedPost {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

describe('webhooks, preferences and the live stream', () => {
  let opened: MailingService;
  let smtp: SmtpInbox;
  let service: NotificationsHarness;
  let receiver: Awaited<ReturnType<typeof listenOnLoopback>>;
  const posts: ReceivedPost[] = [];

  beforeAll(async () => {
    opened = await openMailingService('notifications channels', { heartbeatMs: 200 });
    ({ smtp, service } = opened);
    receiver = await listenOnLoopback((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        posts.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
  });

  afterAll(async () => {
    await opened?.close();
    await receiver?.close();
  });

  it('posts to a webhook, signed so the secret verifies it; e-mail off means in-app but no e-mail', async () => {
    const registered = await service.request<{ id: string; url: string; secret: string }>(
      'POST',
      '/me/webhooks',
      { as: 'officer-ke-1', body: { url: `${receiver.url}/cttech` } },
    );
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      url: `${receiver.url}/cttech`,
      secret: expect.stringMatching(/^whsec_/),
    });
    const listed = await service.request<Record<string, unknown>[]>('GET', '/me/webhooks', {
      as: 'officer-ke-1',
    });
    expect(listed.body).toEqual([
      { id: registered.body.id, url: `${receiver.url}/cttech`, createdAt: expect.any(String) },
    ]);

    const preferences = await service.request('PUT', '/me/preferences', {
      as: 'officer-ke-1',
      body: { email: false, webhook: true },
    });
    expect(preferences).toMatchObject({
      status: 200,
      body: { email: false, webhook: true, digestOnly: false },
    });

    // an overdue stage: Kenya's officer (e-mail off, a webhook) and the managers (e-mail on)
    const overdue = sampleEvent('engagement.stage-overdue', 'KE');
    await service.publish([overdue]);
    const post = await waitFor(() => posts.find((received) => received.body.includes(overdue.id)), {
      what: 'the webhook POST of the overdue stage',
    });
    const signature = String(post.headers['x-cttech-signature']);
    expect(verifyWebhookSignature(registered.body.secret, post.body, signature)).toBe(true);
    expect(verifyWebhookSignature('whsec_someone-else', post.body, signature)).toBe(false);
    const payload = JSON.parse(post.body) as WebhookPayload;
    expect(payload).toMatchObject({
      recipient: 'officer-ke-1',
      notification: {
        eventId: overdue.id,
        eventType: 'engagement.stage-overdue',
        engagementId: overdue.engagementId,
        partnerState: 'KE',
        title: `Stage overdue: Needs assessment of ${overdue.engagementId}`,
      },
    });
    expect(post.headers['x-cttech-delivery']).toBe(payload.deliveryId);
    expect(post.headers['content-type']).toBe('application/json');

    // the managers' e-mails went; the officer has the notification in the app, and no e-mail
    await waitFor(
      () =>
        smtp
          .to(service.emailOf('manager-1'))
          .some((mail) => mail.raw.includes(overdue.engagementId)),
      {
        what: "the manager's e-mail of the overdue stage",
      },
    );
    const inApp = await service.request<NotificationView[]>('GET', '/notifications', {
      as: 'officer-ke-1',
    });
    expect(inApp.body.map((notification) => notification.eventId)).toContain(overdue.id);
    const officers = await service.database.notification.findMany({
      where: { eventId: overdue.id, recipientId: 'officer-ke-1' },
      include: { deliveries: true },
    });
    expect(officers[0]?.deliveries.map((delivery) => delivery.channel)).toEqual(['WEBHOOK']);
    expect(smtp.to(service.emailOf('officer-ke-1'))).toEqual([]);
  });

  it('refuses a webhook that is not https nor loopback, and bad preferences, naming the field and changing nothing', async () => {
    const before = await service.database.webhook.count();
    const plainHttp = await service.request('POST', '/me/webhooks', {
      as: 'officer-ng-1',
      body: { url: 'http://hooks.example.org/cttech' },
    });
    expect(plainHttp.status).toBe(400);
    expect(plainHttp.body.errors).toEqual([
      { field: 'url', message: 'must be https (http only on a loopback address)' },
    ]);
    const extra = await service.request('POST', '/me/webhooks', {
      as: 'officer-ng-1',
      body: { url: 'https://hooks.example.org/', secret: 'mine' },
    });
    expect(extra.body.errors).toEqual([{ field: 'secret', message: 'is not an expected field' }]);
    expect(await service.database.webhook.count()).toBe(before);

    const digestForOfficer = await service.request('PUT', '/me/preferences', {
      as: 'officer-ng-1',
      body: { email: true, webhook: true, digestOnly: true },
    });
    expect(digestForOfficer).toMatchObject({
      status: 400,
      body: {
        code: 'INVALID_REQUEST',
        errors: [{ field: 'digestOnly', message: 'is for programme managers only' }],
      },
    });
    const missing = await service.request('PUT', '/me/preferences', {
      as: 'officer-ng-1',
      body: { email: true },
    });
    expect(missing.body.errors).toEqual([{ field: 'webhook', message: 'is required' }]);
    expect(await service.request('GET', '/me/preferences', { as: 'officer-ng-1' })).toMatchObject({
      status: 200,
      body: { email: true, webhook: true, digestOnly: false },
    });
    expect(
      await service.database.notificationPreference.count({
        where: { recipientId: 'officer-ng-1' },
      }),
    ).toBe(0);
  });

  it('removes a webhook for its owner only; nothing more is posted to it', async () => {
    const registered = await service.request<{ id: string }>('POST', '/me/webhooks', {
      as: 'officer-ng-1',
      body: { url: `${receiver.url}/ng` },
    });
    const stranger = await service.request('DELETE', `/me/webhooks/${registered.body.id}`, {
      as: 'officer-ke-1',
    });
    expect(stranger).toMatchObject({ status: 404, body: { code: 'WEBHOOK_NOT_FOUND' } });
    const removed = await service.request('DELETE', `/me/webhooks/${registered.body.id}`, {
      as: 'officer-ng-1',
    });
    expect(removed).toMatchObject({ status: 200, body: { id: registered.body.id } });
    expect((await service.request('GET', '/me/webhooks', { as: 'officer-ng-1' })).body).toEqual([]);

    const advanced = sampleEvent('engagement.stage-advanced', 'NG');
    await service.publish([advanced]);
    const notification = await waitFor(
      async () =>
        (await service.database.notification.findFirst({
          where: { eventId: advanced.id },
          include: { deliveries: true },
        })) ?? undefined,
      { what: 'the stage-advanced notification' },
    );
    expect(notification.recipientId).toBe('officer-ng-1');
    // no webhook delivery was made, so none can be posted
    expect(notification.deliveries.map((delivery) => delivery.channel)).toEqual(['EMAIL']);
  });

  it('pushes a new notification live to its recipient’s open stream', async () => {
    await service.app.listen({ port: 0, host: '127.0.0.1' });
    const base = await service.app.getUrl();
    const refused = await fetch(`${base}/notifications/stream`);
    expect(refused.status).toBe(401);
    const response = await fetch(`${base}/notifications/stream`, {
      headers: { authorization: `Bearer ${await service.token('reviewer-2')}` },
      signal: AbortSignal.timeout(60_000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body?.getReader() as
      ReadableStreamDefaultReader<Uint8Array> | undefined;
    if (!reader) throw new Error('no stream');
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (pattern: RegExp): Promise<RegExpMatchArray> => {
      for (;;) {
        const found = received.match(pattern);
        if (found) return found;
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${pattern}`);
        received += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(/: connected\n/);

    const submitted = sampleEvent('engagement.milestone-submitted', 'KE');
    await service.publish([submitted]);
    const [, id, data] = await readUntil(/event: notification\nid: ([^\n]+)\ndata: ([^\n]+)\n\n/);
    const pushed = JSON.parse(data ?? '') as NotificationView;
    expect(pushed).toMatchObject({
      id,
      recipientId: 'reviewer-2',
      eventId: submitted.id,
      title: `Review requested: Kick-off milestone of ${submitted.engagementId}`,
    });
    await readUntil(/: heartbeat\n/);
    // only the caller's: reviewer-1's notification of the same event was not pushed here
    expect(received.match(/event: notification/g)).toHaveLength(1);
    await reader.cancel();
  });
});
