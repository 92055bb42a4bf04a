// Time inside workflows: Date.now() is the workflow's deterministic clock, advanced by the
// Temporal server (and skipped ahead by the time-skipping test server).
import { condition } from '@temporalio/workflow';

export const dayMs = 24 * 60 * 60 * 1000;

export function nowIso(): string {
  return new Date(Date.now()).toISOString();
}

export function daysAfter(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * dayMs).toISOString();
}

/** Milliseconds from now until the start of a calendar date ('YYYY-MM-DD', UTC) plus some days. */
export function untilDate(date: string, plusDays = 0): number {
  return Date.parse(`${date}T00:00:00.000Z`) + plusDays * dayMs - Date.now();
}

/** Waits until `done()` holds or `ms` pass; true when it holds. A deadline already past waits not at all. */
export async function conditionWithin(done: () => boolean, ms: number): Promise<boolean> {
  if (ms <= 0) return done();
  return condition(done, ms);
}
