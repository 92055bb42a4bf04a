// The webhook signature, as a receiver verifies it.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { newWebhookSecret, signWebhookBody, verifyWebhookSignature } from './webhook-signature.ts';

const secret = 'whsec_test';
const body = '{"deliveryId":"d-1","notification":{"title":"Review requested"}}';
const at = new Date('2026-11-22T09:00:00.000Z');

describe('the webhook signature', () => {
  it('is HMAC-SHA256 over "<unix seconds>.<body>", as a receiver computes it', () => {
    const header = signWebhookBody(secret, body, at);
    const expected = createHmac('sha256', secret).update(`1795338000.${body}`).digest('hex');
    expect(header).toBe(`t=1795338000,v1=${expected}`);
  });

  it('verifies with the secret, and not with another secret, another body or an old time', () => {
    const header = signWebhookBody(secret, body, at);
    expect(verifyWebhookSignature(secret, body, header, { now: at })).toBe(true);
    expect(verifyWebhookSignature('whsec_other', body, header, { now: at })).toBe(false);
    expect(verifyWebhookSignature(secret, `${body} `, header, { now: at })).toBe(false);
    const anHourLater = new Date(at.getTime() + 3_600_000);
    expect(verifyWebhookSignature(secret, body, header, { now: anHourLater })).toBe(false);
    expect(verifyWebhookSignature(secret, body, 'v1=abc', { now: at })).toBe(false);
  });

  it('makes a new random secret each time', () => {
    const first = newWebhookSecret();
    expect(first).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(newWebhookSecret()).not.toBe(first);
  });
});
