// The digest schedule's catch-up at start and its handling of a failed run.
import { describe, expect, it } from '@jest/globals';
import { DigestSchedule } from './digest-schedule.ts';

describe('the digest schedule', () => {
  it('makes at start the digests its last scheduled run should have made', async () => {
    const days: string[] = [];
    const schedule = new DigestSchedule({
      pattern: '0 7 * * *',
      run: async (day) => {
        days.push(day);
      },
    });
    // at 05:00 the last run was yesterday's 07:00, which covers the day before it
    schedule.start(new Date('2026-11-23T05:00:00.000Z'));
    await schedule.stop();
    expect(days).toEqual(['2026-11-21']);
  });

  it('reports a failing run rather than letting it escape', async () => {
    const errors: string[] = [];
    const schedule = new DigestSchedule({
      pattern: '0 7 * * *',
      run: () => Promise.reject(new Error('database down')),
      logger: { error: (message) => errors.push(message) },
    });
    schedule.start(new Date('2026-11-23T08:00:00.000Z'));
    await schedule.stop();
    expect(errors).toEqual(['notifications: the digest of 2026-11-22 failed: database down']);
  });
});
