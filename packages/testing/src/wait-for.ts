import { setTimeout as delay } from 'node:timers/promises';

export interface WaitForOptions {
  /** What is awaited, in words: it names the failure when the time runs out. */
  readonly what: string;
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

export class WaitForTimeoutError extends Error {
  constructor(what: string, timeoutMs: number, lastError: unknown) {
    const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
    super(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`, { cause: lastError });
    this.name = 'WaitForTimeoutError';
  }
}

/**
 * Polls `probe` until it returns something other than `undefined` or `false`, and returns it.
 * A probe that throws counts as "not yet"; its last error is reported on timeout.
 * Use this instead of sleeping in tests.
 */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { what, timeoutMs = 30_000, intervalMs = 50 }: WaitForOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await probe();
      if (result !== undefined && result !== false) return result;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) throw new WaitForTimeoutError(what, timeoutMs, lastError);
    await delay(intervalMs);
  }
}
