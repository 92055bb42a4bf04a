// What callers may send about their notifications, checked at the gateway's edge for shape
// (strict: unknown properties refused by name); the notifications service checks them again.
import { z } from 'zod';

/** Ids the notifications service made (uuids, or prefixed uuids). */
export const notificationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,100}$/, 'an id the notifications service gave');

export const notificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** Only notifications of this event type: its form here, the known types there. */
  type: z
    .string()
    .max(100)
    .regex(/^[a-z]+(\.[a-z]+(-[a-z]+)*)+$/, 'an event type, e.g. engagement.review-escalated')
    .optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const preferencesBody = z.strictObject({
  email: z.boolean(),
  webhook: z.boolean(),
  /** Programme managers only: no e-mail per notification, the daily digest instead. */
  digestOnly: z.boolean().optional(),
});

export const webhookBody = z.strictObject({ url: z.url().max(2_000) });

export const deliveryListQuery = z.strictObject({
  status: z.enum(['PENDING', 'SENT', 'DEAD', 'CANCELLED']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type DeliveryListQuery = z.infer<typeof deliveryListQuery>;

/** The query string a validated query becomes again, for the service. */
export function queryString(query: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.set(name, String(value));
  }
  return search.size > 0 ? `?${search.toString()}` : '';
}
