// Benchmark: a compliance sign-off's whole chain, from the reviewer's decision to the
// officer's notification, through our services beside the same hops built from the raw parts,
// measured side by side in one run, rounds alternating ours/raw/raw/ours. The standard: "sign-off
// -> stage advanced -> notification p99 <= 2x the raw chain". Each sign-off is timed from its
// first step until the officer's notification has arrived:
//   ours  the reviewer's POST /api/v1/reviews/:id/decision (APPROVED, every kick-off criterion
//         MET) -> gateway -> compliance service (decision, audit entry, outbox row in one
//         transaction; its relay woken) -> cttech.compliance-events -> engagement bridge ->
//         decideMilestone update -> the worker publishes engagement.stage-advanced ->
//         cttech.engagement-events -> notifications service (inbox, notification row) -> its
//         live feed -> the gateway's SSE relay -> the officer's open
//         GET /api/v1/notifications/stream (opened before the timed phase), matched by
//         engagement id and event type
//   raw   raw-chain.ts: pg transaction (decision + outbox row, throwaway database) -> relay with
//         a kafkajs producer -> scratch topic -> kafkajs consumer -> executeUpdate(decideMilestone)
//         -> the same worker publishes engagement.stage-advanced -> kafkajs consumer (own group,
//         latest offset) -> notification row with pg -> a waiting listener
// Both share the real worker, Temporal, Kafka and PostgreSQL; ours adds the gateway, access
// tokens, the compliance and notifications services, the outbox relay, the inbox, the bridge and
// server-sent events. The breakdown prints, per side, when the sign-offs passed each hop (p50).
// Off the clock, per round: each side's engagements opened on Temporal directly (as
// openEngagement starts one), the kick-off report recorded and the milestone submitted (ours
// through the API as the officer, then waited for until the compliance service's review is in
// the reviewer's queue; raw as recordWork and submitMilestone updates, the review request id
// read from the status), and between timed phases waited for until the worker has nothing
// pending for them and the running services' consumer groups are back to their lag at the start.
// Engagements: the demo users of the development issuer (POST /dev/tokens takes only a demo
// user's id) have no officer or reviewer for the XA..XZ states, and only an officer of the
// engagement's state is notified of its stage advancing; so ours are the officer's state
// (--officer, officer-tj-1: TJ) and the raw chain's XA..XZ (not XK), both with cycles 4000 to
// 4999: beyond the 2000-2100 the API opens (tests, the demo, the gateway benchmark's opens),
// below the worker soak's 5000-8999 and the gateway benchmark's 9000-9999. Each id is checked
// free first; at the end the runs this benchmark started are terminated with a reason naming it.
// What it leaves behind in the services: see "Benchmark: the sign-off chain" in the README.
// Run with `pnpm -s bench:chain [--sign-offs N] ...` in services/gateway, with the system up.
import { complianceChecklist } from '@cttech/domain';
import { engagementStatusQuery, type EngagementStatus } from '@cttech/engagement-workflow';
import { topics } from '@cttech/contracts';
import { KafkajsBroker } from '@cttech/messaging';
import { openTestSuite, percentile, table, together, type Measurement } from '@cttech/testing';
import { Client, Connection } from '@temporalio/client';
import clientPackage from '@temporalio/client/package.json' with { type: 'json' };
import { Kafka, logLevel } from 'kafkajs';
import kafkajsPackage from 'kafkajs/package.json' with { type: 'json' };
import pMap from 'p-map';
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadGatewayConfig } from '../src/config.ts';
import {
  BenchEngagements,
  benchPartnerStates,
  EngagementPool,
  type BenchEngagement,
} from './bench-engagements.ts';
import {
  benchDeadlines,
  callOf,
  measure,
  prepareEngagements,
  type Callers,
  type Side,
} from './engagement-changes.ts';
import { GatewayApi } from './gateway-api.ts';
import { RunningSystem } from './running-system.ts';
import { NotificationStream } from './notification-stream.ts';
import { RawChain, rawHops } from './raw-chain.ts';
import { SignOffWaits, type SignOffTimes } from './sign-off-waits.ts';

const { values: flags } = parseArgs({
  options: {
    'sign-offs': { type: 'string', default: '40' },
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '4' },
    'timeout-seconds': { type: 'string', default: '60' },
    gateway: { type: 'string' },
    from: { type: 'string', default: '127.0.0.3' },
    officer: { type: 'string', default: 'officer-tj-1' },
    reviewer: { type: 'string', default: 'reviewer-4' },
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
  signOffs: wholeNumber('sign-offs', flags['sign-offs']),
  rounds: wholeNumber('rounds', flags.rounds),
  concurrency: wholeNumber('concurrency', flags.concurrency),
  timeoutMs: wholeNumber('timeout-seconds', flags['timeout-seconds']) * 1_000,
};
/** Cycles no one else takes (see the top of this file). */
const chainCycles = { from: 4000, to: 4999 } as const;
/** The target: ours/raw p99 at most this. */
const targetRatio = 2.0;
const stage = 'KICK_OFF' as const;
/** The reviewer's approval: every criterion of the kick-off checklist met, no findings. */
const approval = {
  outcome: 'APPROVED',
  answers: complianceChecklist(stage).map(({ id }) => ({ criterionId: id, verdict: 'MET' })),
  findings: [],
} as const;
const oursHops = ['decision answered', 'decision on Kafka', 'stage-advanced on Kafka'] as const;

// the running gateway's own variables and defaults (it has the development issuer)
const config = loadGatewayConfig({ AUTH_DEV_ISSUER: 'true', ...process.env });
const { address: temporalAddress, namespace, taskQueue } = config.temporal;
const gatewayUrl = flags.gateway ?? `http://${config.http.host}:${config.http.port}`;
const reason = 'benchmark services/gateway/bench/sign-off-chain.ts: its own engagement, done';

const api = new GatewayApi({
  baseUrl: gatewayUrl,
  localAddress: flags.from,
  sockets: workload.concurrency,
});
const connection = await Connection.connect({ address: temporalAddress });
const client = new Client({ connection, namespace });
const broker = new KafkajsBroker({
  brokers: config.kafka.brokers,
  clientId: 'gateway-chain-bench',
});
const engagements = new BenchEngagements(client, reason);
const system = new RunningSystem({ api, gatewayUrl, client, broker, config, engagements });
const suite = openTestSuite('gateway sign-off chain');
const waits = new SignOffWaits();
const raw = new RawChain({
  suite,
  brokers: config.kafka.brokers,
  temporal: client,
  engagementEventsTopic: topics.engagementEvents,
  complianceEventsTopic: topics.complianceEvents,
  partitions: await partitionsOf(topics.complianceEvents),
  concurrency: workload.concurrency,
  recipientId: flags.officer,
  waits,
});

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

async function partitionsOf(topic: string): Promise<number> {
  const kafka = new Kafka({
    clientId: 'gateway-chain-bench-admin',
    brokers: [...config.kafka.brokers],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics: [found] = [] } = await admin.fetchTopicMetadata({ topics: [topic] });
    return found?.partitions.length ?? 1;
  } finally {
    await admin.disconnect();
  }
}

interface Prepared {
  readonly ours: BenchEngagement[];
  readonly raw: BenchEngagement[];
  /** Ours: the compliance service's review id of each engagement's kick-off milestone. */
  readonly reviewIds: Map<string, string>;
  /** Raw: the review request each engagement's workflow waits to have decided. */
  readonly reviewRequestIds: Map<string, string>;
}

/** Off the clock: both sides' engagements awaiting the review of their kick-off milestone. */
async function prepare(
  callers: Callers,
  reviewer: { readonly userId: string; readonly token: string },
  pools: Record<Side, EngagementPool>,
): Promise<Prepared> {
  const count = workload.signOffs;
  const ours = await engagements.take(pools.ours, count);
  const rawOnes = await engagements.take(pools.raw, count);
  await prepareEngagements(callers, [...ours, ...rawOnes], callers.officer.userId);
  // ours through the API as the officer: the record and submit calls, then the queue's polls
  await api.roomFor(2 * count + 20, (seconds) =>
    console.log(`  (waiting ${seconds.toFixed(0)} s for room in the rate limit)`),
  );
  const recordOurs = callOf(callers, 'record', 'ours');
  const submitOurs = callOf(callers, 'submit', 'ours');
  const recordRaw = callOf(callers, 'record', 'raw');
  const submitRaw = callOf(callers, 'submit', 'raw');
  await Promise.all([
    pMap(
      ours,
      async (engagement) => {
        await recordOurs(engagement);
        await submitOurs(engagement);
      },
      { concurrency: 8 },
    ),
    pMap(
      rawOnes,
      async (engagement) => {
        await recordRaw(engagement);
        await submitRaw(engagement);
      },
      { concurrency: 8 },
    ),
  ]);
  const reviewRequestIds = new Map<string, string>();
  await pMap(
    rawOnes,
    async ({ engagementId }) => {
      const status: EngagementStatus = await client.workflow
        .getHandle(engagementId)
        .query(engagementStatusQuery);
      const reviewRequestId = status.pendingReview?.reviewRequestId;
      if (reviewRequestId === undefined) throw new Error(`${engagementId} awaits no review`);
      reviewRequestIds.set(engagementId, reviewRequestId);
    },
    { concurrency: 16 },
  );
  // the compliance service opens each review when the submission reaches it through Kafka
  const reviewIds = new Map<string, string>();
  const wanted = new Set(ours.map(({ engagementId }) => engagementId));
  const until = Date.now() + 60_000;
  while (reviewIds.size < wanted.size) {
    const answer = await api.call('GET', '/api/v1/reviews?status=OPEN&mine=true', reviewer.token);
    if (answer.status === 200) {
      for (const review of answer.body as { id: string; engagementId: string; stage: string }[]) {
        if (wanted.has(review.engagementId) && review.stage === stage) {
          reviewIds.set(review.engagementId, review.id);
        }
      }
    } else if (answer.status !== 429) {
      throw new Error(
        `GET /api/v1/reviews answered ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    }
    if (reviewIds.size === wanted.size) break;
    if (Date.now() > until) {
      const missing = [...wanted].filter((id) => !reviewIds.has(id));
      throw new Error(
        `${missing.length} kick-off review(s) not in ${reviewer.userId}'s queue after 60 s (the queue lists the 500 most urgent), e.g. ${missing[0]}`,
      );
    }
    await delay(500);
  }
  return { ours, raw: rawOnes, reviewIds, reviewRequestIds };
}

const runs: Measurement[] = [];
const breakdown: Record<Side, SignOffTimes[]> = { ours: [], raw: [] };
let failed = false;
let cleanedUp = { terminated: 0, notOurs: [] as readonly string[] };
try {
  const temporalVersion = await system.check();
  const officerToken = await api.token(flags.officer);
  const officerState = officerToken.partnerStates.find((state) => /^[A-Z]{2}$/.test(state));
  if (officerState === undefined) {
    throw new Error(`--officer ${flags.officer} is assigned to no single partner state`);
  }
  const reviewerToken = await api.token(flags.reviewer);
  if (flags.reviewer === flags.officer) {
    throw new Error('the reviewer must not be the officer who submits (four eyes)');
  }
  if (!reviewerToken.partnerStates.some((state) => state === officerState || state === '*')) {
    throw new Error(`--reviewer ${flags.reviewer} is not assigned to ${officerState}`);
  }
  const officer = { userId: flags.officer, token: officerToken.accessToken };
  const reviewer = { userId: flags.reviewer, token: reviewerToken.accessToken };
  // record and submit only: nothing is opened through the API here
  const callers: Callers = {
    api,
    client,
    taskQueue,
    manager: officer,
    officer,
    withStatus: false,
  };
  const pools: Record<Side, EngagementPool> = {
    ours: new EngagementPool('officer', [officerState], chainCycles),
    raw: new EngagementPool('raw', benchPartnerStates, chainCycles),
  };
  await raw.start();

  console.log(
    `sign-off chain, ours against the raw parts: per side and round ${workload.signOffs} kick-off ` +
      `milestones approved, ${workload.concurrency} in flight, ${workload.rounds} round(s) ` +
      `alternating ours/raw/raw/ours; each timed from the decision until the officer's notification`,
  );
  console.log(
    `  ours: POST /api/v1/reviews/:id/decision as ${reviewer.userId} -> compliance outbox -> ` +
      `Kafka -> bridge -> decideMilestone -> worker -> engagement.stage-advanced -> Kafka -> ` +
      `notifications -> GET /api/v1/notifications/stream of ${officer.userId} (SSE via the gateway)`,
  );
  console.log(
    `  raw:  pg transaction (decision + outbox row, database ${raw.databaseName}) -> kafkajs ` +
      `relay -> ${raw.topicName} -> kafkajs consumer -> executeUpdate(decideMilestone) -> ` +
      `worker -> ${topics.engagementEvents} -> kafkajs consumer -> pg notification row -> listener`,
  );
  console.log(
    `engagements: ours ${officerState} (officer ${officer.userId}, reviewer ${reviewer.userId}), ` +
      `raw XA..XZ without XK, cycles ${chainCycles.from} to ${chainCycles.to}, opened on Temporal ` +
      `directly; review and stage deadlines ${benchDeadlines.reviewDays} days`,
  );
  console.log(
    `gateway ${gatewayUrl} (called from ${flags.from}), Temporal ${temporalVersion} at ` +
      `${temporalAddress} (namespace ${namespace}, task queue ${taskQueue}, @temporalio/client ` +
      `${clientPackage.version}), Kafka ${config.kafka.brokers.join(',')} (kafkajs ` +
      `${kafkajsPackage.version}), Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  // everything shares this machine: the benchmark, the services, Temporal, the worker, ...
  console.log(`${availableParallelism()} CPUs, load average ${loadAverage()} at the start`);
  console.log(
    `command: pnpm -s bench:chain ${process.argv.slice(2).join(' ')}`.trimEnd() +
      ' (in services/gateway)',
  );

  const lagAtStart = await system.consumerLag();
  for (let round = 1; round <= workload.rounds; round += 1) {
    const prepared = await prepare(callers, reviewer, pools);
    await system.settle([...prepared.ours, ...prepared.raw], lagAtStart);
    const order: readonly Side[] = round % 2 === 1 ? ['ours', 'raw'] : ['raw', 'ours'];
    for (const side of order) {
      let stream: NotificationStream | undefined;
      if (side === 'ours') {
        await api.roomFor(workload.signOffs + 1, (seconds) =>
          console.log(`  (waiting ${seconds.toFixed(0)} s for room in the rate limit)`),
        );
        stream = await NotificationStream.open({
          baseUrl: gatewayUrl,
          localAddress: flags.from,
          token: officer.token,
          onNotification: (notification, arrivedAt) => {
            if (
              notification.eventType === 'engagement.stage-advanced' &&
              notification.engagementId
            ) {
              waits.finish(notification.engagementId, arrivedAt);
            }
          },
          onEnd: (why) => waits.failAll(`the officer's notification stream broke: ${why}`),
        });
      }
      const signOff =
        side === 'ours'
          ? async ({ engagementId }: BenchEngagement) => {
              const reviewId = prepared.reviewIds.get(engagementId) as string;
              const done = waits.start(engagementId, workload.timeoutMs);
              const answer = await api
                .call('POST', `/api/v1/reviews/${reviewId}/decision`, reviewer.token, approval)
                .catch((error: unknown) => {
                  waits.fail(engagementId, error as Error);
                  return { status: 0, body: null };
                });
              if (answer.status !== 200 && answer.status !== 0) {
                waits.fail(
                  engagementId,
                  new Error(
                    `deciding ${reviewId}: ${answer.status} ${JSON.stringify(answer.body)}`,
                  ),
                );
              }
              waits.hop(engagementId, 'decision answered');
              breakdown.ours.push(await done);
            }
          : async ({ engagementId }: BenchEngagement) => {
              const done = waits.start(engagementId, workload.timeoutMs);
              await raw
                .signOff({
                  engagementId,
                  reviewRequestId: prepared.reviewRequestIds.get(engagementId) as string,
                  decidedBy: reviewer.userId,
                  decision: approval,
                })
                .catch((error: unknown) => waits.fail(engagementId, error as Error));
              breakdown.raw.push(await done);
            };
      try {
        const run = await measure(side, round, prepared[side], workload.concurrency, signOff);
        runs.push(run);
        console.log(
          `  round ${round} ${side}: ${run.count} sign-offs, p50 ${percentile(run, 0.5).toFixed(0)} ms, ` +
            `p99 ${percentile(run, 0.99).toFixed(0)} ms`,
        );
      } finally {
        stream?.close();
      }
      await system.settle(prepared[side], lagAtStart);
    }
  }

  const ours = together(
    'ours',
    runs.filter((run) => run.name === 'ours'),
  );
  const rawAll = together(
    'raw',
    runs.filter((run) => run.name === 'raw'),
  );
  console.log();
  console.log(table([...runs, ours, rawAll], { name: 'chain', count: 'sign-offs' }));
  console.log();
  const hopsLine = (side: Side, hops: readonly string[]) =>
    [...hops, 'notification']
      .map((hop) => {
        // a hop the sign-off passed after its end (the answer after the notification) is left out
        const latenciesMs = breakdown[side]
          .map((times) => (hop === 'notification' ? times.totalMs : times.hops[hop]))
          .filter((ms): ms is number => ms !== undefined);
        const run = { name: hop, round: 'all', count: 0, elapsedMs: 0, latenciesMs };
        return `${hop} ${percentile(run, 0.5).toFixed(0)}`;
      })
      .join(', ');
  console.log(`p50 ms from the start until each hop, ours: ${hopsLine('ours', oursHops)}`);
  console.log(`p50 ms from the start until each hop, raw:  ${hopsLine('raw', rawHops)}`);
  const updates = {
    name: 'updates',
    round: 'all',
    count: 0,
    elapsedMs: 0,
    latenciesMs: raw.updateMs,
  };
  console.log(
    `raw decideMilestone updates, from the consumer taking the decision to the update's return ` +
      `(after the worker published stage-advanced): p50 ${percentile(updates, 0.5).toFixed(0)} ms, ` +
      `p99 ${percentile(updates, 0.99).toFixed(0)} ms; the consumer (kafkajs defaults, as the ` +
      `bridge's) takes one message at a time`,
  );
  const ratio = percentile(ours, 0.99) / percentile(rawAll, 0.99);
  console.log(
    `ours/raw p99 latency ${ratio.toFixed(2)} (target <= ${targetRatio.toFixed(1)}): ` +
      `${ratio <= targetRatio ? 'met' : 'MISSED'}; ours/raw p50 ` +
      `${(percentile(ours, 0.5) / percentile(rawAll, 0.5)).toFixed(2)}`,
  );
  console.log(`load average ${loadAverage()} at the end`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  waits.failAll('the benchmark is ending');
  await raw.close().catch((error: unknown) => {
    failed = true;
    console.error('closing the raw chain failed', error);
  });
  await engagements
    .cleanUp()
    .then((cleanup) => {
      cleanedUp = cleanup;
    })
    .catch((error: unknown) => {
      failed = true;
      console.error('cleaning up failed', error);
    });
  await suite.close().catch((error: unknown) => {
    failed = true;
    console.error('dropping the scratch database and topic failed', error);
  });
  console.log(
    `cleaned up: ${cleanedUp.terminated} workflows terminated ("${reason}"); ` +
      `${engagements.skippedAsTaken} ids skipped as taken; scratch database, topic and consumer ` +
      `groups removed` +
      (cleanedUp.notOurs.length > 0
        ? `; left alone, not started by this run: ${cleanedUp.notOurs.join(', ')}`
        : ''),
  );
  api.close();
  await broker.disconnect();
  await connection.close();
}
process.exitCode = failed ? 1 : 0;
