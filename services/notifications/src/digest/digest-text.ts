// The daily digest's title and body: a programme manager's notifications of one UTC day, in
// the order they came, each with its title and text. Pure.
import { formatDate } from '../rules/notification-text.ts';

/** Notifications listed in one digest; more are counted, to be read in the application. */
export const digestListLimit = 100;

export function digestText(
  day: string,
  notifications: readonly { title: string; body: string }[],
): { title: string; body: string } {
  const count = notifications.length;
  const listed = notifications.slice(0, digestListLimit);
  const more = count - listed.length;
  return {
    title: `Daily digest for ${formatDate(day)}: ${count} notification${count === 1 ? '' : 's'}`,
    body: [
      `Your CT TECH+ notifications of ${formatDate(day)} (UTC), in the order they came:`,
      ...listed.map(
        (notification, index) => `${index + 1}. ${notification.title}\n${notification.body}`,
      ),
      ...(more > 0 ? [`And ${more} more, in the application.`] : []),
    ].join('\n\n'),
  };
}
