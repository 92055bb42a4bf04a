// Follows the signed-in user's live notifications (`GET /notifications/stream`). EventSource
// cannot send the Authorization header, so the stream is read with fetch and a stream reader;
// it reconnects after a pause when it ends or fails, until the signal aborts or the session ends.
import { ApiProblem } from '../gateway/api-problem.ts';
import type { InboxNotification } from '../gateway/api-types.ts';
import type { GatewayClient } from '../gateway/gateway-client.ts';
import { ServerSentEventReader } from './server-sent-events.ts';

export interface NotificationFollower {
  /** Each new notification, as the stream pushes it. */
  readonly onNotification: (notification: InboxNotification) => void;
  /** The stream is (re)connected: what came while it was away should be listed again. */
  readonly onConnected?: () => void;
  readonly signal: AbortSignal;
  /** Waits before reconnecting (tests pass one that does not wait). */
  readonly pause?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const firstPauseMs = 1_000;
const longestPauseMs = 30_000;

export async function followNotifications(
  gateway: Pick<GatewayClient, 'stream'>,
  { onNotification, onConnected, signal, pause = abortablePause }: NotificationFollower,
): Promise<void> {
  let pauseMs = firstPauseMs;
  while (!signal.aborted) {
    try {
      const stream = await gateway.stream('/notifications/stream', signal);
      onConnected?.();
      pauseMs = firstPauseMs;
      const reader = stream.getReader();
      const decoder = new TextDecoder();
      const events = new ServerSentEventReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const event of events.push(decoder.decode(value, { stream: true }))) {
          if (event.type === 'notification')
            onNotification(JSON.parse(event.data) as InboxNotification);
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      // refused: a 401 has ended the session, a 403 will not change by retrying
      if (error instanceof ApiProblem && (error.status === 401 || error.status === 403)) return;
    }
    if (signal.aborted) return;
    await pause(pauseMs, signal);
    pauseMs = Math.min(pauseMs * 2, longestPauseMs);
  }
}

function abortablePause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
