// What a recipient may ask of their notifications list (`GET /notifications`): only the unread,
// how many, and only one event type (`type=engagement.review-escalated`: the escalations of
// overdue reviews). A type must be one notifications are recorded under, else a 400 names it.
import { engagementEventTypes } from '@cttech/contracts';
import { z } from 'zod';
import { deadLetterType, workflowFailureType } from '../rules/occurrence.ts';

/** The types the in-app list holds: every engagement event's, a dead letter's, a failed run's. */
export const notificationTypes = [
  ...new Set(engagementEventTypes.map(({ type }) => type)),
  deadLetterType,
  workflowFailureType,
];

export const notificationListingQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  type: z.enum(notificationTypes).optional(),
});

export type NotificationListing = z.infer<typeof notificationListingQuery>;
