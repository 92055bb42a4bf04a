// The signature of a webhook POST: HMAC-SHA256 with the webhook's secret over
// `<unix seconds>.<body>`, sent as `X-CTTech-Signature: t=<unix seconds>,v1=<hex>`. A receiver
// recomputes it with its secret, compares in constant time and refuses an old timestamp.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-cttech-signature';

/** A new webhook secret: 32 random bytes, hex, with a recognisable prefix. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header's value for this body, signed now (or at `at`). */
export function signWebhookBody(secret: string, body: string, at = new Date()): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * Whether a signature header is this body's, signed with this secret no more than
 * `toleranceSeconds` from `now` (a replayed old POST fails).
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string,
  { now = new Date(), toleranceSeconds = 300 }: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  const parts = new Map(
    header.split(',').map((part) => {
      const [key = '', ...value] = part.trim().split('=');
      return [key, value.join('=')] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const signature = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(
    Buffer.from(hmac(secret, timestamp, body), 'hex'),
    Buffer.from(signature, 'hex'),
  );
}
