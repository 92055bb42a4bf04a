// The daily digest's day and text.
import { describe, expect, it } from '@jest/globals';
import { dayBefore } from './digest-schedule.ts';
import { digestListLimit, digestText } from './digest-text.ts';

describe('the daily digest', () => {
  it('covers the UTC day before its run', () => {
    expect(dayBefore(new Date('2026-11-23T07:00:00.000Z'))).toBe('2026-11-22');
    expect(dayBefore(new Date('2027-03-01T00:30:00.000Z'))).toBe('2027-02-28');
  });

  it('lists the day’s notifications in order, numbered, with their text', () => {
    const { title, body } = digestText('2026-11-22', [
      {
        title: 'Review overdue: Kick-off milestone of engagement-KE-2026',
        body: 'The review was due.',
      },
      { title: 'Engagement suspended: engagement-NG-2026', body: 'It was suspended.' },
    ]);
    expect(title).toBe('Daily digest for 22 November 2026: 2 notifications');
    expect(body).toBe(
      'Your CT TECH+ notifications of 22 November 2026 (UTC), in the order they came:\n\n' +
        '1. Review overdue: Kick-off milestone of engagement-KE-2026\nThe review was due.\n\n' +
        '2. Engagement suspended: engagement-NG-2026\nIt was suspended.',
    );
  });

  it('counts, rather than lists, what is beyond the limit', () => {
    const many = Array.from({ length: digestListLimit + 3 }, (_, index) => ({
      title: `n${index}`,
      body: 'b',
    }));
    const { title, body } = digestText('2026-11-22', many);
    expect(title).toContain(`${digestListLimit + 3} notifications`);
    expect(body).toMatch(/And 3 more, in the application\.$/);
    expect(body).not.toContain(`n${digestListLimit}\n`);
  });
});
