// The backoff of failed deliveries, and when they are dead.
import { describe, expect, it } from '@jest/globals';
import { afterFailure } from './retry-schedule.ts';

const policy = { maxAttempts: 5, firstDelayMs: 1_000, maxDelayMs: 5_000 };

describe('when a failed delivery is tried again', () => {
  it('waits twice as long after each failure, up to the maximum', () => {
    expect([1, 2, 3, 4].map((attempt) => afterFailure(attempt, policy))).toEqual([
      { status: 'PENDING', delayMs: 1_000 },
      { status: 'PENDING', delayMs: 2_000 },
      { status: 'PENDING', delayMs: 4_000 },
      { status: 'PENDING', delayMs: 5_000 },
    ]);
  });

  it('gives up after the last attempt: the delivery is dead', () => {
    expect(afterFailure(5, policy)).toEqual({ status: 'DEAD' });
    expect(afterFailure(1, { ...policy, maxAttempts: 1 })).toEqual({ status: 'DEAD' });
  });
});
