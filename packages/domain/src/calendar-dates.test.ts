import { describe, expect, it } from '@jest/globals';
import { calendarDateSchema, isCalendarDate } from './calendar-dates.ts';

describe('calendar dates', () => {
  it.each(['2026-01-15', '2024-02-29', '2000-02-29', '2026-04-30', '2026-12-31'])(
    'accepts the real date %s',
    (text) => {
      expect(isCalendarDate(text)).toBe(true);
    },
  );

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'a century that is not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'no thirteenth month'],
    ['2026-00-10', 'no month zero'],
    ['2026-01-00', 'no day zero'],
    ['2026-1-5', 'month and day need two digits'],
    ['26-01-05', 'the year needs four digits'],
    ['2026-01-05T00:00:00Z', 'a timestamp is not a date'],
    ['15/01/2026', 'not ISO'],
    ['', 'empty'],
  ])('refuses %j (%s)', (text) => {
    expect(isCalendarDate(text)).toBe(false);
  });

  it('explains a refused date in plain words', () => {
    const result = calendarDateSchema.safeParse('2026-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'must be a real calendar date written YYYY-MM-DD',
    );
  });
});
