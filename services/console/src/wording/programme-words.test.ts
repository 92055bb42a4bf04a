// The programme's words for codes and deadlines.
import { describe, expect, it } from '@jest/globals';
import {
  deadlineWords,
  formatDate,
  partnerStateName,
  partnerStatesWords,
} from './programme-words.ts';

describe("the programme's words", () => {
  it('names partner states from their ISO codes', () => {
    expect(partnerStateName('KE')).toBe('Kenya');
    expect(partnerStateName('NG')).toBe('Nigeria');
    expect(partnerStateName('*')).toBe('every partner state');
    expect(partnerStatesWords(['KE', 'NG'])).toBe('Kenya, Nigeria');
    expect(partnerStatesWords([])).toBe('no partner state');
  });

  it('writes calendar dates as they were written, whatever the time zone', () => {
    expect(formatDate('2026-03-12')).toBe('12 Mar 2026');
  });

  it('says how far a deadline is, or how late', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(deadlineWords('2026-03-13T13:00:00Z', now)).toBe('due in 3 days');
    expect(deadlineWords('2026-03-11T11:00:00Z', now)).toBe('due within a day');
    expect(deadlineWords('2026-03-11T13:00:00Z', now)).toBe('due in 1 day');
    expect(deadlineWords('2026-03-10T11:00:00Z', now)).toBe('1 day overdue');
    expect(deadlineWords('2026-03-07T12:00:00Z', now)).toBe('3 days overdue');
  });
});
