// The live feed of new notifications: what this process's consumer commits is pushed to the
// recipient's open streams (server-sent events), with a heartbeat comment to keep proxies
// from closing an idle stream. With several instances, a stream hears of the notifications
// its own instance made; a client lists `GET /notifications` when it (re)connects.
import type { MessageEvent } from '@nestjs/common';
import { filter, interval, map, merge, of, Subject, takeUntil, type Observable } from 'rxjs';
import type { NotificationView } from './notification-views.ts';

export class NotificationFeed {
  private readonly notifications = new Subject<NotificationView>();
  private readonly closing = new Subject<void>();
  private readonly heartbeatMs: number;

  constructor({ heartbeatMs = 15_000 }: { heartbeatMs?: number } = {}) {
    this.heartbeatMs = heartbeatMs;
  }

  publish(notifications: readonly NotificationView[]): void {
    for (const notification of notifications) this.notifications.next(notification);
  }

  /**
   * A recipient's stream: a `connected` comment at once, then each new notification of theirs
   * as an SSE message of type `notification` (its id the notification's), and a `heartbeat`
   * comment every heartbeat interval, until the service closes.
   */
  streamOf(recipientId: string): Observable<MessageEvent> {
    return merge(
      of<MessageEvent>({ comment: 'connected' }),
      this.notifications.pipe(
        filter((notification) => notification.recipientId === recipientId),
        map((notification): MessageEvent => ({
          type: 'notification',
          id: notification.id,
          data: notification,
        })),
      ),
      interval(this.heartbeatMs).pipe(map((): MessageEvent => ({ comment: 'heartbeat' }))),
    ).pipe(takeUntil(this.closing));
  }

  /** Ends every open stream (the service is closing). */
  close(): void {
    this.closing.next();
    this.closing.complete();
  }
}
