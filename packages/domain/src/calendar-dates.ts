import { z } from 'zod';

/** An ISO calendar date, 'YYYY-MM-DD'. Two of them compare correctly as strings. */
export type CalendarDate = string;

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real date in the form YYYY-MM-DD (proleptic Gregorian calendar). */
export function isCalendarDate(text: string): boolean {
  const parts = calendarDatePattern.exec(text);
  if (parts === null) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, 'must be a real calendar date written YYYY-MM-DD');
