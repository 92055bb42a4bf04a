// When a failed e-mail or webhook delivery is tried again: exponential backoff from the first
// delay, doubling up to the maximum, until the last attempt; then the delivery is dead. Pure.

export interface DeliveryRetryPolicy {
  /** Attempts before the delivery is dead, the first included. */
  readonly maxAttempts: number;
  /** The wait after the first failure. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultDeliveryRetry: DeliveryRetryPolicy = {
  maxAttempts: 8,
  firstDelayMs: 30_000,
  maxDelayMs: 3_600_000,
};

export type AfterFailure =
  { readonly status: 'PENDING'; readonly delayMs: number } | { readonly status: 'DEAD' };

/** What becomes of a delivery whose attempt number `attemptsMade` (from 1) has just failed. */
export function afterFailure(attemptsMade: number, policy: DeliveryRetryPolicy): AfterFailure {
  if (attemptsMade >= policy.maxAttempts) return { status: 'DEAD' };
  const delayMs = Math.min(
    policy.maxDelayMs,
    policy.firstDelayMs * 2 ** Math.max(0, attemptsMade - 1),
  );
  return { status: 'PENDING', delayMs };
}
