// What a benchmark run measured, and how it is printed.

/** One pipeline's run: how long the events took end to end, and each event's latency. */
export interface Run {
  readonly pipeline: string;
  readonly round: string;
  readonly events: number;
  /** From the first write to the last committed effect row. */
  readonly elapsedMs: number;
  /** Per event: written (its occurredAt) to its effect row committed. */
  readonly latenciesMs: readonly number[];
  /** Since the first write: when the last write committed and when the last event was published. */
  readonly writtenMs?: number;
  readonly publishedMs?: number;
}

export function throughput(run: Run): number {
  return run.events / (run.elapsedMs / 1_000);
}

/** The latency below which `fraction` of the events fall (nearest rank). */
export function percentile(run: Run, fraction: number): number {
  const sorted = [...run.latenciesMs].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Several rounds of one pipeline as one run: their events, time and latencies together. */
export function together(pipeline: string, runs: readonly Run[]): Run {
  return {
    pipeline,
    round: 'all',
    events: runs.reduce((sum, run) => sum + run.events, 0),
    elapsedMs: runs.reduce((sum, run) => sum + run.elapsedMs, 0),
    latenciesMs: runs.flatMap((run) => run.latenciesMs),
  };
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

const columns = [
  ['pipeline', 9],
  ['round', 6],
  ['events', 8],
  ['seconds', 8],
  ['events/s', 9],
  ['p50 ms', 8],
  ['p95 ms', 8],
  ['p99 ms', 8],
  ['max ms', 8],
] as const;

export function table(runs: readonly Run[]): string {
  const row = (cells: readonly string[]) =>
    cells
      .map((cell, index) => {
        const width = columns[index]?.[1] ?? 8;
        return index < 2 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join(' ');
  const lines = [row(columns.map(([name]) => name))];
  for (const run of runs) {
    lines.push(
      row([
        run.pipeline,
        run.round,
        String(run.events),
        (run.elapsedMs / 1_000).toFixed(2),
        throughput(run).toFixed(0),
        ...[0.5, 0.95, 0.99, 1].map((fraction) => percentile(run, fraction).toFixed(0)),
      ]),
    );
  }
  return lines.join('\n');
}
