// Keeps the console live while a user is signed in: follows their notification stream, adds
// each new notification to the inbox, refreshes what it concerns (the engagement, the boards,
// the review queue) and announces it politely to screen readers.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { InboxNotification } from '../gateway/api-types.ts';
import type { GatewayClient } from '../gateway/gateway-client.ts';
import { followNotifications } from './notification-stream.ts';

export const inboxKey = ['notifications', 'inbox'] as const;
export const unreadKey = ['notifications', 'unread'] as const;

/** A list of the notifications of one event type (`GET /notifications?type=`). */
export function notificationsOfTypeKey(type: string) {
  return ['notifications', 'of-type', type] as const;
}

/** Follows the stream for the session; returns the latest announcement. */
export function useLiveNotifications(gateway: GatewayClient): string {
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const stop = new AbortController();
    void followNotifications(gateway, {
      signal: stop.signal,
      onConnected: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      onNotification: (notification) => {
        queryClient.setQueryData<InboxNotification[]>(inboxKey, (inbox) =>
          inbox === undefined || inbox.some(({ id }) => id === notification.id)
            ? inbox
            : [notification, ...inbox],
        );
        void queryClient.invalidateQueries({ queryKey: unreadKey });
        void queryClient.invalidateQueries({
          queryKey: notificationsOfTypeKey(notification.eventType),
        });
        void queryClient.invalidateQueries({ queryKey: ['engagements'] });
        void queryClient.invalidateQueries({ queryKey: ['reviews'] });
        if (notification.engagementId !== null) {
          void queryClient.invalidateQueries({
            queryKey: ['engagement', notification.engagementId],
          });
        }
        setAnnouncement(`New notification: ${notification.title}`);
      },
    });
    return () => stop.abort();
  }, [gateway, queryClient]);
  return announcement;
}
