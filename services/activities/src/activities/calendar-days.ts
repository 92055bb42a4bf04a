// Calendar dates ('YYYY-MM-DD', @cttech/domain) to and from PostgreSQL DATE columns.
import type { CalendarDate } from '@cttech/domain';

/** The DATE column's value for a calendar date (midnight UTC, as Prisma reads DATE). */
export function dayOf(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** The calendar date a DATE column holds, or null. */
export function calendarDateOf(day: Date | null): CalendarDate | null {
  return day ? day.toISOString().slice(0, 10) : null;
}
