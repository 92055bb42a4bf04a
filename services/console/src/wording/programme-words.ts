// The programme's words for what the API answers in codes: partner states, roles, dates and
// deadlines. No dependency on the domain package, so the sign-in page stays small.
import type { ConsoleRole } from '../session/token-claims.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** 'KE' → 'Kenya'; '*' → 'every partner state'. */
export function partnerStateName(code: string): string {
  if (code === '*') return 'every partner state';
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function partnerStatesWords(codes: readonly string[]): string {
  return codes.length === 0 ? 'no partner state' : codes.map(partnerStateName).join(', ');
}

export const roleTitles: Readonly<Record<ConsoleRole, string>> = {
  PROGRAMME_OFFICER: 'Programme officer',
  COMPLIANCE_REVIEWER: 'Compliance reviewer',
  PROGRAMME_MANAGER: 'Programme manager',
  OPERATOR: 'Operator',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** '2026-03-12T…' → '12 Mar 2026' (calendar dates are read in UTC, as they are written). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** A moment in the reader's own time zone: '12 Mar 2026, 14:05'. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

const dayMs = 86_400_000;

/** How a deadline stands: 'due in 3 days', 'due within a day', '2 days overdue'. */
export function deadlineWords(dueAt: string, now: Date = new Date()): string {
  const due = new Date(dueAt).getTime();
  if (Number.isNaN(due)) return `due ${dueAt}`;
  const days = Math.floor((due - now.getTime()) / dayMs);
  if (due < now.getTime()) {
    const late = Math.max(1, Math.ceil((now.getTime() - due) / dayMs));
    return `${late} ${late === 1 ? 'day' : 'days'} overdue`;
  }
  if (days === 0) return 'due within a day';
  return `due in ${days} ${days === 1 ? 'day' : 'days'}`;
}
