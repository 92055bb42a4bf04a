// Which channels beside in-app a recipient gets, from their preferences and roles.
import { describe, expect, it } from '@jest/globals';
import { outwardChannels, receivesDigest } from './channel-choice.ts';

const officer = ['PROGRAMME_OFFICER'];
const manager = ['PROGRAMME_MANAGER'];

describe('the channels beside in-app', () => {
  it('are e-mail and every webhook for someone who never chose', () => {
    expect(
      outwardChannels({ roles: officer, webhookIds: ['w1', 'w2'], emailChannelOn: true }),
    ).toEqual([
      { channel: 'EMAIL', webhookId: null },
      { channel: 'WEBHOOK', webhookId: 'w1' },
      { channel: 'WEBHOOK', webhookId: 'w2' },
    ]);
  });

  it('leave out e-mail for someone who turned it off, and when the service has no SMTP server', () => {
    const noEmail = { email: false, webhook: true, digestOnly: false };
    expect(
      outwardChannels({
        roles: officer,
        preference: noEmail,
        webhookIds: [],
        emailChannelOn: true,
      }),
    ).toEqual([]);
    expect(outwardChannels({ roles: officer, webhookIds: ['w1'], emailChannelOn: false })).toEqual([
      { channel: 'WEBHOOK', webhookId: 'w1' },
    ]);
  });

  it('leave out webhooks for someone who turned them off', () => {
    const noWebhook = { email: true, webhook: false, digestOnly: false };
    expect(
      outwardChannels({
        roles: officer,
        preference: noWebhook,
        webhookIds: ['w1'],
        emailChannelOn: true,
      }),
    ).toEqual([{ channel: 'EMAIL', webhookId: null }]);
  });

  it('send a digest-only manager no e-mail per notification, but the digest', () => {
    const digestOnly = { email: true, webhook: true, digestOnly: true };
    expect(
      outwardChannels({
        roles: manager,
        preference: digestOnly,
        webhookIds: [],
        emailChannelOn: true,
      }),
    ).toEqual([]);
    expect(receivesDigest({ roles: manager, preference: digestOnly, emailChannelOn: true })).toBe(
      true,
    );
    expect(receivesDigest({ roles: manager, emailChannelOn: true })).toBe(true);
    expect(receivesDigest({ roles: officer, emailChannelOn: true })).toBe(false);
    expect(
      receivesDigest({
        roles: manager,
        preference: { ...digestOnly, email: false },
        emailChannelOn: true,
      }),
    ).toBe(false);
  });
});
