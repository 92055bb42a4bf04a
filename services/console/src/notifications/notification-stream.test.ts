// Reading the live notifications: server-sent events in chunks, reconnecting after a pause.
import { describe, expect, it } from '@jest/globals';
import { ApiProblem } from '../gateway/api-problem.ts';
import type { InboxNotification } from '../gateway/api-types.ts';
import { followNotifications } from './notification-stream.ts';
import { ServerSentEventReader } from './server-sent-events.ts';

describe('server-sent events', () => {
  it('gives each complete event, whatever the chunks, skipping comments', () => {
    const reader = new ServerSentEventReader();
    expect(reader.push(': connected\n\nevent: notif')).toEqual([]);
    expect(reader.push('ication\r\nid: n-1\r')).toEqual([]);
    expect(reader.push('\ndata: {"a":\ndata:1}\r\n\r\n: heartbeat\n\ndata: plain\n\n')).toEqual([
      { type: 'notification', data: '{"a":\n1}', id: 'n-1' },
      { type: 'message', data: 'plain', id: 'n-1' },
    ]);
  });
});

const notification = (id: string) =>
  ({ id, title: `Review ${id} requested`, readAt: null }) as InboxNotification;

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('following the live notifications', () => {
  it('delivers each notification and reconnects after a pause, until aborted', async () => {
    const controller = new AbortController();
    const received: string[] = [];
    const pauses: number[] = [];
    let connections = 0;
    const answers = [
      () =>
        streamOf(
          ': connected\n\n',
          `event: notification\ndata: ${JSON.stringify(notification('n-1'))}\n\n`,
        ),
      () => {
        throw new ApiProblem({ title: 'unavailable', status: 503, detail: '', errors: [] });
      },
      () => streamOf(`event: notification\ndata: ${JSON.stringify(notification('n-2'))}\n\n`),
    ];
    await followNotifications(
      {
        stream: async () => {
          const answer = answers.shift();
          if (answer === undefined) {
            controller.abort();
            throw new Error('aborted');
          }
          return answer();
        },
      },
      {
        signal: controller.signal,
        onNotification: ({ id }) => received.push(id),
        onConnected: () => (connections += 1),
        pause: async (ms) => {
          pauses.push(ms);
        },
      },
    );
    expect(received).toEqual(['n-1', 'n-2']);
    expect(connections).toBe(2);
    // a failure doubles the pause; a stream that connected starts again from the shortest
    expect(pauses).toEqual([1_000, 2_000, 1_000]);
  });

  it('stops when the gateway no longer accepts the token', async () => {
    let calls = 0;
    await followNotifications(
      {
        stream: async () => {
          calls += 1;
          throw new ApiProblem({ title: 'ended', status: 401, detail: '', errors: [] });
        },
      },
      { signal: new AbortController().signal, onNotification: () => undefined },
    );
    expect(calls).toBe(1);
  });
});
