// What the end-to-end tests use to drive the running system (`bash infra/local/start.sh`, or
// test.sh) over HTTP, through the gateway only: demo users' tokens, calls, fresh engagements.
import { randomInt } from 'node:crypto';
import { expect } from '@jest/globals';
import type { EngagementStatus } from '@cttech/engagement-workflow';

export const gateway = process.env.CTTECH_GATEWAY_URL ?? 'http://127.0.0.1:53000';
export const api = `${gateway}/api/v1`;
/** The running system's Kafka and Temporal, for tests that look inside what travelled. */
export const kafkaBrokers = (process.env.CTTECH_KAFKA_BROKERS ?? '127.0.0.1:59092').split(',');
export const temporalAddress = process.env.CTTECH_TEMPORAL_ADDRESS ?? '127.0.0.1:57233';
/** Where `pnpm infra` keeps the processes' logs. */
export const logsDirectory =
  process.env.CTTECH_LOGS_DIR ??
  new URL('../../../.local/logs/', import.meta.url).pathname.replace(/\/$/, '');

/** A token from the development issuer for a demo user. */
export async function tokenFor(userId: string): Promise<string> {
  const response = await fetch(`${gateway}/dev/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  expect(response.status).toBe(201);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return accessToken;
}

export interface Answer<T> {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: T;
  readonly text: string;
}

/** One call to the API as the token's user; JSON bodies parsed, other bodies as text. */
export async function call<T>(
  method: string,
  url: string,
  token: string,
  body?: unknown,
): Promise<Answer<T>> {
  const response = await fetch(url.startsWith('http') ? url : `${api}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  const json = contentType?.includes('json') && text !== '';
  return {
    status: response.status,
    contentType,
    text,
    body: (json ? JSON.parse(text) : text) as T,
  };
}

/** The engagement's status as the API answers it: the workflow's own status. */
export type EngagementStatusBody = EngagementStatus;

/**
 * Opens an engagement of the partner state in a cycle no earlier run on this machine has used
 * (the engagement must be fresh: a cycle already open answers with its existing status).
 */
export async function freshEngagement(
  token: string,
  partnerState: string,
): Promise<EngagementStatusBody> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const { status, body } = await call<EngagementStatusBody>('POST', '/engagements', token, {
      partnerState,
      cycle: 2000 + randomInt(101),
    });
    if (status === 201 && body.stage === 'KICK_OFF' && body.history.length === 1) return body;
  }
  throw new Error(`no fresh engagement of ${partnerState} could be opened`);
}
