// What a benchmark measured, and how it is printed: throughput, latency percentiles and the
// table the benchmarks print (packages/messaging/bench, services/gateway/bench).

/** One side's run of one round: how many were done, in how long, and each one's latency. */
export interface Measurement {
  /** What ran, the table's first column: a pipeline, an operation and its side. */
  readonly name: string;
  readonly round: string;
  /** How many were done: events applied, calls answered. */
  readonly count: number;
  /** From the first start to the last finish. */
  readonly elapsedMs: number;
  /** One per event or call. */
  readonly latenciesMs: readonly number[];
}

/** Per second. */
export function throughput(run: Measurement): number {
  return run.count / (run.elapsedMs / 1_000);
}

/** The latency below which `fraction` of them fall (nearest rank). */
export function percentile(run: Measurement, fraction: number): number {
  const sorted = [...run.latenciesMs].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Several rounds as one run: their counts, time and latencies together. */
export function together(name: string, runs: readonly Measurement[]): Measurement {
  return {
    name,
    round: 'all',
    count: runs.reduce((sum, run) => sum + run.count, 0),
    elapsedMs: runs.reduce((sum, run) => sum + run.elapsedMs, 0),
    latenciesMs: runs.flatMap((run) => run.latenciesMs),
  };
}

/** The headings of the first column and of the count (its rate is `<count>/s`). */
export interface TableHeadings {
  readonly name: string;
  readonly count: string;
}

/** One line per run: count, seconds, rate and p50/p95/p99/max latency in ms. */
export function table(runs: readonly Measurement[], headings: TableHeadings): string {
  const columns: (readonly [string, number])[] = [
    [headings.name, Math.max(headings.name.length + 1, ...runs.map((run) => run.name.length))],
    ['round', 6],
    [headings.count, Math.max(8, headings.count.length + 1)],
    ['seconds', 8],
    [`${headings.count}/s`, Math.max(9, headings.count.length + 3)],
    ['p50 ms', 8],
    ['p95 ms', 8],
    ['p99 ms', 8],
    ['max ms', 8],
  ];
  const row = (cells: readonly string[]) =>
    cells
      .map((cell, index) => {
        const width = columns[index]?.[1] ?? 8;
        return index < 2 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join(' ');
  const lines = [row(columns.map(([heading]) => heading))];
  for (const run of runs) {
    lines.push(
      row([
        run.name,
        run.round,
        String(run.count),
        (run.elapsedMs / 1_000).toFixed(2),
        throughput(run).toFixed(0),
        ...[0.5, 0.95, 0.99, 1].map((fraction) => percentile(run, fraction).toFixed(0)),
      ]),
    );
  }
  return lines.join('\n');
}
