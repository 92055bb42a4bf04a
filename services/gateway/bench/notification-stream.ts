// A user's live notification stream through the gateway (`GET /api/v1/notifications/stream`,
// server-sent events relayed from the notifications service), as a browser's EventSource reads
// it: one connection from the benchmark's own client address, no compression, each
// `notification` event handed on with the time its bytes arrived.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** A notification as the stream's `data` gives it (the fields the benchmark matches on). */
export interface StreamedNotification {
  readonly id: string;
  readonly recipientId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly engagementId: string | null;
}

export interface NotificationStreamOptions {
  readonly baseUrl: string;
  /** The local address the connection leaves from (the benchmark's rate-limit budget). */
  readonly localAddress: string;
  readonly token: string;
  /** Each notification, with `performance.now()` when the chunk carrying it arrived. */
  readonly onNotification: (notification: StreamedNotification, arrivedAt: number) => void;
  /** The stream ended or broke while open (not after `close()`). */
  readonly onEnd: (reason: string) => void;
  /** How long to wait for the answer and its `connected` comment. */
  readonly timeoutMs?: number;
}

/** One open stream; `open` resolves once the service has said `connected`. */
export class NotificationStream {
  private readonly request: http.ClientRequest;
  private closed = false;

  private constructor(request: http.ClientRequest) {
    this.request = request;
  }

  static open(options: NotificationStreamOptions): Promise<NotificationStream> {
    const { baseUrl, localAddress, token, onNotification, onEnd, timeoutMs = 10_000 } = options;
    const base = new URL(baseUrl);
    return new Promise<NotificationStream>((resolve, reject) => {
      let stream: NotificationStream | undefined;
      let connected = false;
      const timer = setTimeout(() => {
        request.destroy(new Error(`the notification stream did not connect in ${timeoutMs} ms`));
      }, timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        if (!connected) reject(error);
        else if (stream && !stream.closed) onEnd(error.message);
      };
      const request = http.request(
        {
          host: base.hostname,
          port: base.port,
          path: '/api/v1/notifications/stream',
          method: 'GET',
          localAddress,
          agent: false,
          headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
        },
        (response) => {
          const contentType = response.headers['content-type'] ?? '';
          if (response.statusCode !== 200 || !contentType.startsWith('text/event-stream')) {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              fail(
                new Error(
                  `GET /api/v1/notifications/stream answered ${response.statusCode} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`,
                ),
              ),
            );
            return;
          }
          response.setEncoding('utf8');
          let pending = '';
          response.on('data', (chunk: string) => {
            const arrivedAt = performance.now();
            pending += chunk.replace(/\r\n?/g, '\n');
            for (let end = pending.indexOf('\n\n'); end >= 0; end = pending.indexOf('\n\n')) {
              const block = pending.slice(0, end);
              pending = pending.slice(end + 2);
              let type = 'message';
              const data: string[] = [];
              for (const line of block.split('\n')) {
                if (line === ': connected' && !connected) {
                  connected = true;
                  clearTimeout(timer);
                  stream = new NotificationStream(request);
                  resolve(stream);
                } else if (line.startsWith('event:')) type = line.slice(6).trim();
                else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
              }
              if (type === 'notification' && data.length > 0) {
                onNotification(JSON.parse(data.join('\n')) as StreamedNotification, arrivedAt);
              }
            }
          });
          response.on('end', () => fail(new Error('the notification stream ended')));
          response.on('error', fail);
        },
      );
      request.on('error', fail);
      request.end();
    });
  }

  close(): void {
    this.closed = true;
    this.request.destroy();
  }
}
