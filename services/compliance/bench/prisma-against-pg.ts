// Benchmark: the compliance service's hot queries through its own Prisma code (Prisma 7 with
// @prisma/adapter-pg: ReviewRepository, and the Inbox + ComplianceEventIntake its consumer runs)
// beside the same work as hand-written SQL on a pg.Pool of the same size, on a throwaway
// database of the local PostgreSQL seeded with a programme's worth of reviews, audit entries
// and indicator facts. Operations (hot-paths.ts says what each side runs):
//   queue      GET /reviews?mine=true, the demo reviewers in turn
//   review     GET /reviews/:id
//   submitted  engagement.milestone-submitted consumed (inbox, review opened, audit entry)
//   advanced   engagement.stage-advanced consumed (inbox, indicator facts)
// Both sides are first checked to answer alike and to write the same rows (same-results.ts).
// Then each operation in turn: warm-up calls on both sides, then rounds alternating which side
// goes first (ours, raw, raw, ours, ...), each side with the same calls in flight. It prints
// calls/s and latency per round and side, each side's rounds together, and ours/raw throughput
// against the standard's target (Prisma hot queries >= 0.5x raw pg). The database is dropped at
// the end, also when it fails or is interrupted.
// Run with `pnpm -s bench [--reads N] ...` in services/compliance, with PostgreSQL up.
import { applyMigrations } from '@cttech/migrations';
import { openTestSuite, percentile, throughput, together, type Measurement } from '@cttech/testing';
import prismaPackage from '@prisma/client/package.json' with { type: 'json' };
import pg from 'pg';
import pgPackage from 'pg/package.json' with { type: 'json' };
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { migrationsDir } from '../src/database.ts';
import {
  hotPaths,
  operationCalls,
  operations,
  Ours,
  Raw,
  type Call,
  type Operation,
  type Side,
} from './hot-paths.ts';
import { checkSameResults } from './same-results.ts';
import { seed } from './seed.ts';

const { values: flags } = parseArgs({
  options: {
    reviews: { type: 'string', default: '4000' },
    reads: { type: 'string', default: '2000' },
    events: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '8' },
    pool: { type: 'string', default: '10' },
    'warm-up': { type: 'string', default: '300' },
  },
});

function wholeNumber(flag: string, text: string | undefined, least = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`--${flag} must be a whole number of at least ${least}, not ${text}`);
  }
  return value;
}

const workload = {
  reviews: wholeNumber('reviews', flags.reviews),
  /** Calls per side and round of each operation. */
  calls: {
    queue: wholeNumber('reads', flags.reads),
    review: wholeNumber('reads', flags.reads),
    submitted: wholeNumber('events', flags.events),
    advanced: wholeNumber('events', flags.events),
  } satisfies Record<Operation, number>,
  rounds: wholeNumber('rounds', flags.rounds),
  concurrency: wholeNumber('concurrency', flags.concurrency),
  /** Connections on each side: the service opens its PrismaClient with 10. */
  pool: wholeNumber('pool', flags.pool),
  warmUp: wholeNumber('warm-up', flags['warm-up'], 0),
};
const target = 0.5;
/** The inbox consumer name: the service's default CONSUMER_GROUP. */
const consumer = 'compliance';

const suite = openTestSuite('compliance-bench');
let ours: Ours | undefined;
let raw: Raw | undefined;
let databaseName: string | undefined;

let interrupted = false;
let closing: Promise<void> | undefined;
/** Closes both sides' connections, then drops the database (once, however it ends). */
function cleanUp(): Promise<void> {
  closing ??= (async () => {
    await Promise.allSettled([ours?.close(), raw?.close()]);
    await suite.close();
    if (databaseName) console.log(`dropped the benchmark's database ${databaseName}`);
  })();
  return closing;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`${signal}: dropping the benchmark's database`);
    cleanUp().then(
      () => process.exit(130),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

function ms(value: number): string {
  return value.toFixed(2);
}

/** Which side goes first: ours in odd rounds, raw in even ones (ours, raw, raw, ours, ...). */
function sidesOf(round: number): readonly Side[] {
  return round % 2 === 1 ? ['ours', 'raw'] : ['raw', 'ours'];
}

/** The next call number of each operation and side: both sides walk the same sequence. */
const numbering = new Map<string, number>();
function nextNumber(operation: Operation, side: Side): number {
  const key = `${operation} ${side}`;
  const n = numbering.get(key) ?? 0;
  numbering.set(key, n + 1);
  return n;
}

/** `count` calls, `concurrency` at a time; each timed from its start to its answer. */
async function measure(
  operation: Operation,
  side: Side,
  round: string,
  count: number,
  call: Call,
): Promise<Measurement> {
  const latenciesMs: number[] = [];
  let taken = 0;
  const started = performance.now();
  const caller = async () => {
    while (taken < count) {
      taken += 1;
      const n = nextNumber(operation, side);
      const callStarted = performance.now();
      await call(n);
      latenciesMs.push(performance.now() - callStarted);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workload.concurrency, count) }, caller));
  return {
    name: `${operation} ${side}`,
    round,
    count,
    elapsedMs: performance.now() - started,
    latenciesMs,
  };
}

/** One line per run: calls, seconds, calls/s and latency percentiles in ms (two decimals). */
function table(runs: readonly Measurement[]): string {
  const widths = [18, 6, 7, 8, 8, 8, 8, 8, 8];
  const row = (cells: readonly string[]) =>
    cells
      .map((cell, index) => {
        const width = widths[index] ?? 8;
        return index < 2 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join(' ');
  return [
    row([
      'operation',
      'round',
      'calls',
      'seconds',
      'calls/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
    ]),
    ...runs.map((run) =>
      row([
        run.name,
        run.round,
        String(run.count),
        (run.elapsedMs / 1_000).toFixed(2),
        throughput(run).toFixed(0),
        ...[0.5, 0.95, 0.99, 1].map((fraction) => ms(percentile(run, fraction))),
      ]),
    ),
  ].join('\n');
}

const runs: Measurement[] = [];
let failed = false;
try {
  const database = await suite.createDatabase('compliance');
  databaseName = database.name;
  await applyMigrations(database.url, migrationsDir);
  const seeding = new pg.Client({ connectionString: database.url });
  await seeding.connect();
  const seeded = await seed(seeding, workload.reviews, consumer).finally(() => seeding.end());
  const versions = await (async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client
      .query<{ server_version: string }>('SHOW server_version')
      .finally(() => client.end());
    return { postgres: rows[0]?.server_version ?? 'unknown' };
  })();
  ours = new Ours(database.url, workload.pool, consumer);
  raw = new Raw(database.url, workload.pool, consumer);

  console.log(
    `compliance hot paths, the service's Prisma code against hand-written pg: per side and ` +
      `round ${workload.calls.queue} reads or ${workload.calls.submitted} events consumed, ` +
      `${workload.concurrency} calls in flight, ${workload.pool} connections a side, ` +
      `${workload.rounds} round(s) alternating which side goes first (ours, raw, raw, ours, ...), ` +
      `${workload.warmUp} warm-up calls a side before each operation`,
  );
  for (const operation of operations) {
    const { ours: ourCall, raw: rawCall } = operationCalls[operation];
    console.log(`  ${operation.padEnd(9)} ours: ${ourCall}; raw: ${rawCall}`);
  }
  console.log(
    `data: ${Object.entries(seeded.rows)
      .map(([table, rows]) => `${rows} ${table}`)
      .join(', ')} (${seeded.engagements.length} engagements over 7 partner states), ` +
      `in the throwaway database ${database.name}`,
  );
  console.log(
    `Node ${process.version}, PostgreSQL ${versions.postgres}, Prisma ${prismaPackage.version} ` +
      `(@prisma/adapter-pg), pg ${pgPackage.version}, ${process.platform}/${process.arch}`,
  );
  // everything shares this machine: the benchmark, PostgreSQL and whatever else runs
  console.log(`${availableParallelism()} CPUs, load average ${loadAverage()} at the start`);
  console.log(
    `command: pnpm -s bench ${process.argv.slice(2).join(' ')}`.trimEnd() +
      ' (in services/compliance)',
  );

  const compared = await checkSameResults(ours, raw, seeded);
  console.log(
    `same results on both sides: the queues of ${Object.entries(compared.queueRows)
      .map(([reviewer, rows]) => `${reviewer} (${rows} rows)`)
      .join(', ')}; ${compared.reviewsRead} reviews by id (${compared.withAnswers} with ` +
      `answers, ${compared.withFindings} with findings); each event type consumed both ways ` +
      `writes the same rows, and its second delivery is absorbed`,
  );

  const paths = hotPaths(ours, raw, seeded);
  for (const operation of operations) {
    for (const side of sidesOf(1)) {
      await measure(operation, side, 'warm', workload.warmUp, paths[operation][side]);
    }
    for (let round = 1; round <= workload.rounds; round += 1) {
      for (const side of sidesOf(round)) {
        const run = await measure(
          operation,
          side,
          String(round),
          workload.calls[operation],
          paths[operation][side],
        );
        runs.push(run);
        console.log(
          `  round ${round} ${run.name}: ${throughput(run).toFixed(0)} calls/s, ` +
            `p50 ${ms(percentile(run, 0.5))} ms, p99 ${ms(percentile(run, 0.99))} ms`,
        );
      }
    }
  }

  const all = (name: string) =>
    together(
      name,
      runs.filter((run) => run.name === name),
    );
  console.log();
  console.log(
    table(
      operations.flatMap((operation) => [
        ...runs.filter((run) => run.name.startsWith(`${operation} `)),
        all(`${operation} ours`),
        all(`${operation} raw`),
      ]),
    ),
  );
  console.log();
  const below: Operation[] = [];
  for (const operation of operations) {
    const [mine, theirs] = [all(`${operation} ours`), all(`${operation} raw`)];
    const ratio = throughput(mine) / throughput(theirs);
    if (ratio < target) below.push(operation);
    console.log(
      `${operation.padEnd(9)} ours ${throughput(mine).toFixed(0)} calls/s ` +
        `(p50 ${ms(percentile(mine, 0.5))} ms, p99 ${ms(percentile(mine, 0.99))} ms), ` +
        `raw ${throughput(theirs).toFixed(0)} calls/s ` +
        `(p50 ${ms(percentile(theirs, 0.5))} ms, p99 ${ms(percentile(theirs, 0.99))} ms): ` +
        `ours/raw throughput ${ratio.toFixed(2)}, ` +
        (ratio >= target ? `meets the ${target}x target` : `BELOW the ${target}x target`),
    );
  }
  console.log(
    below.length === 0
      ? `every operation meets ours/raw >= ${target}`
      : `below ours/raw ${target}: ${below.join(', ')}`,
  );
  // the raw side appended to the same chain: it must still verify from end to end
  const verification = await ours.auditTrail.verify();
  if (!verification.ok) {
    throw new Error(`the audit trail no longer verifies: ${verification.altered.detail}`);
  }
  console.log(`audit trail after the run: ${verification.entries} entries, the chain intact`);
  console.log(`load average ${loadAverage()} at the end`);
} catch (error) {
  failed = true;
  // once interrupted, the calls in flight fail as the database goes: that is no news
  if (!interrupted) console.error(error);
} finally {
  await cleanUp().catch((error: unknown) => {
    failed = true;
    console.error('dropping the database failed', error);
  });
}
process.exitCode = failed ? 1 : 0;
