// What a recipient may ask of their notifications list: the defaults, one known type, and the
// rest refused by name.
import { describe, expect, it } from '@jest/globals';
import { validateWith } from '@cttech/domain';
import { notificationListingQuery, notificationTypes } from './notification-listing.ts';

describe('the notifications list query', () => {
  it('lists fifty of every type, read or not, unless asked otherwise', () => {
    expect(validateWith(notificationListingQuery, {})).toEqual({
      ok: true,
      value: { unread: false, limit: 50 },
    });
    expect(
      validateWith(notificationListingQuery, {
        unread: 'true',
        limit: '200',
        type: 'engagement.review-escalated',
      }),
    ).toEqual({
      ok: true,
      value: { unread: true, limit: 200, type: 'engagement.review-escalated' },
    });
  });

  it('knows every engagement event type once, and those of dead letters and failed workflows', () => {
    expect(notificationTypes).toEqual(
      expect.arrayContaining([
        'engagement.review-escalated',
        'engagement.milestone-submitted',
        'compliance.human-rights-hold-placed',
        'activities.training-delivered',
        'messaging.dead-lettered',
        'operations.workflow-failed',
      ]),
    );
    expect(new Set(notificationTypes).size).toBe(notificationTypes.length);
    // a digest is never in the list: it goes by e-mail
    expect(notificationTypes).not.toContain('notifications.daily-digest');
  });

  it('refuses a type no notification is recorded under, naming the parameter and the known ones', () => {
    const refused = validateWith(notificationListingQuery, { type: 'engagement.escalated' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems).toEqual([
      {
        field: 'type',
        message: expect.stringMatching(
          /^must be one of: .*engagement\.review-escalated.*operations\.workflow-failed/,
        ),
      },
    ]);
    const extra = validateWith(notificationListingQuery, { types: 'engagement.review-escalated' });
    expect(extra.ok ? [] : extra.problems).toEqual([
      { field: 'types', message: 'is not an expected field' },
    ]);
  });
});
