// Benchmark: engagement changes through our API (the running gateway, HTTP, access token,
// validation, the Temporal adapter) beside the same changes as raw @temporalio/client calls,
// on the running system's Temporal, namespace, task queue and engagement worker, rounds
// alternating ours/raw. Three operations, each timed until the caller has its answer:
//   open    POST /api/v1/engagements with Prefer: return=minimal (answered once Temporal has
//           the workflow) vs client.workflow.start (the same type, task queue, id, policies and
//           arguments; no search attributes at the start on either side: the workflow sets its
//           own); with --with-status, the API's default answer (the engagement's status, which
//           waits for the worker's first workflow task) vs the start + the status query
//   record  PUT .../submissions/KICK_OFF_REPORT vs executeUpdate(recordWork)
//   submit  POST .../milestone vs executeUpdate(submitMilestone)
// The review decision is left out: its path (compliance service -> outbox -> Kafka -> bridge
// -> decideMilestone update) ends where no caller waits, and the raw update would skip the
// compliance service, its review and audit trail altogether. Measuring it fairly would time a
// reviewer's POST .../decision until the workflow shows the decision (polling its status or
// reading engagement.stage-advanced off Kafka) beside executeUpdate(decideMilestone): mostly the
// messaging pipeline, which packages/messaging's benchmark measures already.
// Between the timed phases, off the clock, it waits until the worker has nothing left to do for
// the phase's engagements and the running services' consumer groups are back to the lag they had
// at the start: a raw start returns before the workflow has run at all, and what one phase
// leaves to do must not slow the next. Its HTTP calls leave from 127.0.0.2 (--from): the
// gateway's rate limit counts per client address, so it spends a budget of its own, not that of
// other local callers, and waits for room before a round that would not fit.
// What it leaves behind: its engagements are terminated, with a reason naming it, which the
// operators' overview shows among the terminated until Temporal's retention removes them (a day
// locally). The events they published stay with the running services (compliance's indicator
// facts and reviews, a kick-off meeting each in activities, the reviewers' notifications of each
// submitted milestone); their ids come from fixed pools (bench-engagements.ts) and those
// services apply an event id once, so that stays within the pools' size however often it runs.
// Run with `pnpm -s bench [--opens N] ...` in services/gateway, with the system up.
import { KafkajsBroker } from '@cttech/messaging';
import { percentile, table, throughput, together, type Measurement } from '@cttech/testing';
import { Client, Connection } from '@temporalio/client';
import clientPackage from '@temporalio/client/package.json' with { type: 'json' };
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadGatewayConfig } from '../src/config.ts';
import {
  benchCycles,
  BenchEngagements,
  benchPartnerStates,
  EngagementPool,
  type BenchEngagement,
} from './bench-engagements.ts';
import {
  callOf,
  measure,
  operationCalls,
  operations,
  prepareEngagements,
  type Callers,
  type Operation,
  type Side,
} from './engagement-changes.ts';
import { GatewayApi } from './gateway-api.ts';
import { RunningSystem } from './running-system.ts';

const { values: flags } = parseArgs({
  options: {
    opens: { type: 'string', default: '100' },
    milestones: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '8' },
    gateway: { type: 'string' },
    from: { type: 'string', default: '127.0.0.2' },
    officer: { type: 'string', default: 'officer-uz-1' },
    manager: { type: 'string', default: 'manager-1' },
    'with-status': { type: 'boolean', default: false },
  },
});

function wholeNumber(flag: string, text: string | undefined, least = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`--${flag} must be a whole number of at least ${least}, not ${text}`);
  }
  return value;
}

const workload: Record<Operation, number> & { rounds: number; concurrency: number } = {
  open: wholeNumber('opens', flags.opens),
  record: wholeNumber('milestones', flags.milestones),
  submit: wholeNumber('milestones', flags.milestones),
  rounds: wholeNumber('rounds', flags.rounds),
  concurrency: wholeNumber('concurrency', flags.concurrency),
};
// where the running gateway listens, what it works on and which consumer groups it watches:
// its own variables and defaults (it has the development issuer, which the tokens come from)
const config = loadGatewayConfig({ AUTH_DEV_ISSUER: 'true', ...process.env });
const { address: temporalAddress, namespace, taskQueue } = config.temporal;
const gatewayUrl = flags.gateway ?? `http://${config.http.host}:${config.http.port}`;
const reason = 'benchmark services/gateway/bench/api-against-client.ts: its own engagement, done';

const api = new GatewayApi({
  baseUrl: gatewayUrl,
  localAddress: flags.from,
  sockets: workload.concurrency,
});
const connection = await Connection.connect({ address: temporalAddress });
const client = new Client({ connection, namespace });
const broker = new KafkajsBroker({ brokers: config.kafka.brokers, clientId: 'gateway-bench' });
const engagements = new BenchEngagements(client, reason);
const system = new RunningSystem({ api, gatewayUrl, client, broker, config, engagements });

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

function ratio(ours: number, raw: number): string {
  return (ours / raw).toFixed(2);
}

const runs: Measurement[] = [];
const cleanedUp = { terminated: 0, notOurs: [] as string[] };
async function cleanUp(): Promise<void> {
  const { terminated, notOurs } = await engagements.cleanUp();
  cleanedUp.terminated += terminated;
  cleanedUp.notOurs.push(...notOurs);
}

let failed = false;
try {
  const temporalVersion = await system.check();
  const manager = { userId: flags.manager, token: (await api.token(flags.manager)).accessToken };
  const officerToken = await api.token(flags.officer);
  const officerState = officerToken.partnerStates.find((state) => /^[A-Z]{2}$/.test(state));
  if (officerState === undefined) {
    throw new Error(`--officer ${flags.officer} is assigned to no single partner state`);
  }
  const officer = { userId: flags.officer, token: officerToken.accessToken };
  const callers: Callers = {
    api,
    client,
    taskQueue,
    manager,
    officer,
    withStatus: flags['with-status'],
  };
  const pools = {
    open: new EngagementPool('open', benchPartnerStates, { from: 2000, to: 2100 }),
    ours: new EngagementPool('officer', [officerState], benchCycles),
    raw: new EngagementPool('raw milestone', benchPartnerStates, benchCycles),
  };

  console.log(
    `engagement changes, our API against raw @temporalio/client calls: per side and round ` +
      `${workload.open} opens, ${workload.record} kick-off reports recorded and milestones ` +
      `submitted, ${workload.concurrency} calls in flight, ${workload.rounds} round(s) ours/raw alternating`,
  );
  for (const operation of operations) {
    const { ours, raw } = operationCalls[operation];
    const withStatus = operation === 'open' && flags['with-status'];
    const oursCall = withStatus ? ours.replace(' (Prefer: return=minimal)', ', its status') : ours;
    console.log(
      `  ${operation.padEnd(6)} ours: ${oursCall}; raw: ${raw}${withStatus ? ' + the status query' : ''}`,
    );
  }
  console.log(
    `gateway ${gatewayUrl} (called from ${flags.from}; opens as ${manager.userId}, changes as ` +
      `${officer.userId} on ${officerState}), Temporal ${temporalVersion} at ${temporalAddress} ` +
      `(namespace ${namespace}, task queue ${taskQueue}, @temporalio/client ${clientPackage.version})`,
  );
  console.log(
    `Node ${process.version}, ${process.platform}/${process.arch}; the gateway's rate limit: ` +
      `${api.rateLimit ?? '?'} calls a minute per client address (a round waits for room, off the clock)`,
  );
  // everything shares this machine: the benchmark, the gateway, Temporal, the worker, ...
  console.log(`${availableParallelism()} CPUs, load average ${loadAverage()} at the start`);
  console.log(
    `command: pnpm -s bench ${process.argv.slice(2).join(' ')}`.trimEnd() +
      ' (in services/gateway)',
  );

  const lagAtStart = await system.consumerLag();
  for (let round = 1; round <= workload.rounds; round += 1) {
    // off the clock: free ids for every call of the round, and the engagements to change
    const opened: Record<Side, BenchEngagement[]> = {
      ours: await engagements.take(pools.open, workload.open),
      raw: await engagements.take(pools.open, workload.open),
    };
    // each one's kick-off report recorded, then its milestone submitted
    const changed: Record<Side, BenchEngagement[]> = {
      ours: await engagements.take(pools.ours, workload.record),
      raw: await engagements.take(pools.raw, workload.record),
    };
    await prepareEngagements(callers, [...changed.ours, ...changed.raw], officer.userId);
    await system.settle([...changed.ours, ...changed.raw], lagAtStart);
    const taken: Record<Operation, Record<Side, BenchEngagement[]>> = {
      open: opened,
      record: changed,
      submit: changed,
    };
    for (const operation of operations) {
      for (const side of ['ours', 'raw'] as const) {
        if (side === 'ours') {
          await api.roomFor(workload[operation], (seconds) =>
            console.log(`  (waiting ${seconds.toFixed(0)} s for room in the rate limit)`),
          );
        }
        const run = await measure(
          `${operation} ${side}`,
          round,
          taken[operation][side],
          workload.concurrency,
          callOf(callers, operation, side),
        );
        runs.push(run);
        console.log(
          `  round ${round} ${run.name}: ${throughput(run).toFixed(0)} calls/s, ` +
            `p50 ${percentile(run, 0.5).toFixed(0)} ms, p99 ${percentile(run, 0.99).toFixed(0)} ms`,
        );
        await system.settle(taken[operation][side], lagAtStart);
      }
    }
  }

  const all = (name: string) =>
    together(
      name,
      runs.filter((run) => run.name === name),
    );
  for (const operation of operations) {
    const ours = all(`${operation} ours`);
    const raw = all(`${operation} raw`);
    console.log();
    const sides = runs.filter((run) => run.name.startsWith(`${operation} `));
    console.log(table([...sides, ours, raw], { name: 'operation', count: 'calls' }));
  }
  console.log();
  const lines: [string, Measurement, Measurement][] = [
    ...operations.map((operation): [string, Measurement, Measurement] => [
      operation,
      all(`${operation} ours`),
      all(`${operation} raw`),
    ]),
    [
      'milestone changes (record + submit)',
      together('ours', [all('record ours'), all('submit ours')]),
      together('raw', [all('record raw'), all('submit raw')]),
    ],
  ];
  for (const [what, ours, raw] of lines) {
    console.log(
      `${what}: ours/raw throughput ${ratio(throughput(ours), throughput(raw))} (target >= 0.7), ` +
        `ours/raw p99 latency ${ratio(percentile(ours, 0.99), percentile(raw, 0.99))}`,
    );
  }
  console.log(`load average ${loadAverage()} at the end`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await cleanUp().catch((error: unknown) => {
    failed = true;
    console.error('cleaning up failed', error);
  });
  console.log(
    `cleaned up: ${cleanedUp.terminated} workflows terminated ("${reason}"); ` +
      `${engagements.skippedAsTaken} ids skipped as taken` +
      (cleanedUp.notOurs.length > 0
        ? `; left alone, not started by this run: ${cleanedUp.notOurs.join(', ')}`
        : ''),
  );
  api.close();
  await broker.disconnect();
  await connection.close();
}
process.exitCode = failed ? 1 : 0;
