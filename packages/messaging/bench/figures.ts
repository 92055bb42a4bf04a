// What the outbox benchmark measured beyond the shared figures of @cttech/testing (throughput,
// percentiles, the table): when the last write and publication happened, and when each event's
// effect was committed.
import type { Measurement } from '@cttech/testing';

/**
 * One pipeline's run (`name`: ours or raw): how long the events (`count`) took end to end, from
 * the first write to the last committed effect row, and each event's latency, written (its
 * occurredAt) to its effect row committed.
 */
export interface Run extends Measurement {
  /** Since the first write: when the last write committed and when the last event was published. */
  readonly writtenMs?: number;
  readonly publishedMs?: number;
}

/**
 * When each event's effect row was committed, as its latency since it was written. The
 * written time travels in the event itself (occurredAt, the `ce_time` header); the committed
 * time is taken when the effect's transaction has returned, in the same process and clock.
 */
export class EffectLog {
  readonly latenciesMs: number[] = [];
  private readonly expected: number;
  private lastCommittedAt = 0;
  private readonly everyEvent = Promise.withResolvers<number>();

  constructor(expected: number) {
    this.expected = expected;
  }

  get committedCount(): number {
    return this.latenciesMs.length;
  }

  /** Effect rows just committed, by the occurredAt of the events they apply. */
  committed(writtenAt: Iterable<string>): void {
    const now = Date.now();
    for (const occurredAt of writtenAt) this.latenciesMs.push(now - Date.parse(occurredAt));
    this.lastCommittedAt = now;
    if (this.latenciesMs.length >= this.expected) this.everyEvent.resolve(now);
  }

  /** Resolves with the time the last expected effect was committed; rejects after `timeoutMs`. */
  async allCommitted(timeoutMs: number, progress: () => string): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `${this.committedCount} of ${this.expected} effects committed after ${timeoutMs} ms (${progress()})`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.everyEvent.promise, timedOut]);
      return this.lastCommittedAt;
    } finally {
      clearTimeout(timer);
    }
  }
}
