// Memory soak of the running engagement worker: "worker memory flat over a 30-minute soak".
// Drives the worker the local system runs (`pnpm infra up engagement-worker`; its pid in
// .local/engagement-worker.pid) with a steady stream of engagement lifecycles for --minutes,
// --concurrency lifecycles in flight, and samples the worker process's resident memory (VmRSS of
// /proc/<pid>/status: the worker is another process) every --sample-seconds. Prints the samples,
// then RSS at the start and the end (after a warm-up), its growth, the least-squares slope and a
// verdict by a rule fixed here beforehand (see `rule`). A benchmark that prints figures, not a
// timed test. Run with `pnpm -s soak [--minutes N] ...` in workflows/engagement, system up.
//
// One lifecycle, as raw @temporalio/client calls the way the gateway and the bridge make them:
//   open      client.workflow.start('engagementWorkflow') with openEngagement's options (task
//             queue, id, USE_EXISTING / REJECT_DUPLICATE, the OpenEngagement argument), then the
//             status query, as the gateway opens one
//   record    executeUpdate(recordWork) of the stage's work (the sample submissions of
//             @cttech/domain/samples, the tests' fixtures): kick-off report; needs assessment;
//             training plan (two training-course child workflows start) and each course's
//             delivery; strategy adoption
//   submit    executeUpdate(submitMilestone) after each stage's work
//   decide    executeUpdate(decideMilestone) approving it, as the bridge delivers a compliance
//             decision (update id = decision id; every checklist criterion MET)
// The fourth approval completes the engagement: its run ends, its courses have ended with their
// delivery. A run still running after its lifecycle (stopped at the end of the soak, or failed
// part-way), and a course left running, is terminated with a reason naming this soak.
//
// Engagement ids: engagement-<XA..XZ, not XK>-<5000..8999>. The ISO 3166-1 user-assigned codes
// (as the gateway benchmark's) with cycles 5000 to 8999: outside the 2000-2100 the API opens
// and the tests, the demo and the gateway benchmark's opens pick from, and below the gateway
// benchmark's 9000-9999, so neither benchmark can take the other's. engagementWorkflowId refuses
// such cycles; the workflow takes any whole number, so they are started on Temporal directly
// with the same id format. Each id is checked free (no run within the namespace's retention)
// first, from a random place in the pool onwards.
//
// What it leaves behind: the runs (completed or terminated) until Temporal's retention removes
// them (a day locally); the events they published stay with the running services (indicator
// facts for the XA..XZ states, four compliance reviews per lifecycle left open since the
// decisions skip the compliance service, far-off deadlines so they sort after every real one,
// reviewers', officers' and managers' notifications, planned activities). The services apply an
// event id once, so that stays within the pool's size however often it runs.
import { complianceChecklist, type MilestoneStage, type SubmissionKind } from '@cttech/domain';
import {
  cryptoDelivery,
  darknetDelivery,
  kickOffReport,
  needsAssessment,
  strategyAdoption,
  trainingPlan,
} from '@cttech/domain/samples';
import { percentile, repositoryRoot, type Measurement } from '@cttech/testing';
import {
  Client,
  Connection,
  WorkflowNotFoundError,
  type WorkflowHandle,
  type WorkflowHandleWithFirstExecutionRunId,
} from '@temporalio/client';
import clientPackage from '@temporalio/client/package.json' with { type: 'json' };
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  decideMilestoneUpdate,
  engagementStatusQuery,
  engagementTaskQueue,
  recordWorkUpdate,
  submitMilestoneUpdate,
  trainingCourseWorkflowId,
  type DecideMilestone,
  type EngagementDeadlines,
  type EngagementStatus,
  type OpenEngagement,
} from '../src/contract.ts';
import type { engagementWorkflow } from '../src/engagement-workflow.ts';

type EngagementHandle = WorkflowHandleWithFirstExecutionRunId<typeof engagementWorkflow>;

const root = repositoryRoot(import.meta.dirname) ?? process.cwd();
const { values: flags } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    'sample-seconds': { type: 'string', default: '15' },
    'warm-up-minutes': { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '8' },
    'pid-file': { type: 'string', default: join(root, '.local', 'engagement-worker.pid') },
    // the worker's own variables and defaults (src/main.ts)
    temporal: { type: 'string', default: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:57233' },
    namespace: { type: 'string', default: process.env.TEMPORAL_NAMESPACE ?? 'default' },
    'task-queue': {
      type: 'string',
      default: process.env.TEMPORAL_TASK_QUEUE ?? engagementTaskQueue,
    },
  },
});

function positiveNumber(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`--${flag} must be a number above 0, not ${text}`);
  }
  return value;
}

function wholeNumber(flag: string, text: string | undefined, least = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`--${flag} must be a whole number of at least ${least}, not ${text}`);
  }
  return value;
}

const minutes = positiveNumber('minutes', flags.minutes);
const sampleSeconds = positiveNumber('sample-seconds', flags['sample-seconds']);
const warmUpMinutes = Number(flags['warm-up-minutes']);
if (!Number.isFinite(warmUpMinutes) || warmUpMinutes < 0 || warmUpMinutes >= minutes) {
  throw new Error(
    `--warm-up-minutes must be 0 or more and less than --minutes, not ${flags['warm-up-minutes']}`,
  );
}
const concurrency = wholeNumber('concurrency', flags.concurrency);
const pidFile = flags['pid-file'];
const { temporal: temporalAddress, namespace } = flags;
const taskQueue = flags['task-queue'];

/**
 * The verdict's rule, fixed before any run: flat when RSS at the end is at most 10% above RSS
 * at the start (each the mean of a tenth of the samples after the warm-up) and the fitted slope
 * over all samples after the warm-up is at most 2 MB per 10 minutes; no verdict from fewer than
 * 10 minutes after the warm-up, nor when the worker process went away.
 */
const rule = { maxGrowthPercent: 10, maxSlopeMbPer10Min: 2, leastMinutesAfterWarmUp: 10 } as const;
const ruleText =
  `flat when RSS at the end is <= ${rule.maxGrowthPercent}% above RSS at the start and the ` +
  `slope after the warm-up is <= ${rule.maxSlopeMbPer10Min} MB per 10 minutes ` +
  `(no verdict from fewer than ${rule.leastMinutesAfterWarmUp} minutes after the warm-up)`;

const reason = 'worker soak workflows/engagement/bench/worker-soak.ts';
const users = {
  manager: 'worker-soak-manager',
  officer: 'worker-soak-officer',
  reviewer: 'worker-soak-reviewer',
} as const;
/** Far deadlines (as the gateway benchmark's): nothing falls due, open reviews sort last. */
const soakDeadlines: Partial<EngagementDeadlines> = { stageDays: 3650, reviewDays: 3650 };

// --- the engagement ids ---------------------------------------------------------------------
/** ISO 3166-1 user-assigned codes XA to XZ, never a country's (XK, used for Kosovo, left out). */
const partnerStates = Array.from({ length: 26 }, (_, index) =>
  String.fromCharCode(88, 65 + index),
).filter((code) => code !== 'XK');
/** Disjoint from the API's 2000-2100 and the gateway benchmark's 9000-9999. */
const cycles = { from: 5000, to: 8999 } as const;
const perState = cycles.to - cycles.from + 1;
const poolSize = partnerStates.length * perState;
const poolStart = randomInt(poolSize);
let poolTaken = 0;
let skippedAsTaken = 0;

interface SoakEngagement {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
}

function nextFromPool(): SoakEngagement {
  if (poolTaken >= poolSize) {
    throw new Error(`all ${poolSize} engagement ids of the pool are taken: wait for the retention`);
  }
  const index = (poolStart + poolTaken) % poolSize;
  poolTaken += 1;
  const partnerState = partnerStates[Math.floor(index / perState)] as string;
  const cycle = cycles.from + (index % perState);
  // engagementWorkflowId's format, without its check of the API's cycles
  return { engagementId: `engagement-${partnerState}-${cycle}`, partnerState, cycle };
}

// --- the worker process -----------------------------------------------------------------------
function readWorkerPid(): number {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8');
  } catch {
    throw new Error(`no ${pidFile}: start the worker first (pnpm infra up engagement-worker)`);
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`${pidFile} holds no pid: ${text}`);
  return pid;
}

/** The process's start, in clock ticks after boot (field 22 of /proc/<pid>/stat). */
function processStat(pid: number): { startTicks: number; cpuTicks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after the command name, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime 15, starttime 22
    return {
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      startTicks: Number(fields[19]),
    };
  } catch {
    return undefined;
  }
}

/** VmRSS (or another kB line) of /proc/<pid>/status in MB (2^20 bytes); undefined if gone. */
function statusMb(pid: number, field = 'VmRSS'): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
}

/** Linux's USER_HZ: 100 on every common architecture. */
const ticksPerSecond = 100;

function uptimeSeconds(): number {
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
}

// --- figures ----------------------------------------------------------------------------------
interface Sample {
  readonly minute: number;
  /** Undefined once the process is gone. */
  readonly rssMb: number | undefined;
  readonly completed: number;
  readonly failed: number;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Least-squares slope of y over x, and its standard error. */
function fit(points: readonly { x: number; y: number }[]): { slope: number; error: number } {
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  const sxy = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  const slope = sxx === 0 ? Number.NaN : sxy / sxx;
  const residuals = points.reduce((sum, p) => sum + (p.y - my - slope * (p.x - mx)) ** 2, 0);
  const error = points.length > 2 ? Math.sqrt(residuals / (points.length - 2) / sxx) : Number.NaN;
  return { slope, error };
}

/** One line per call and half of the run: how many, per minute, latency percentiles. */
function latencyTable(runs: readonly Measurement[]): string {
  const widths = [7, 6, 7, 8, 8, 8, 8, 8];
  const row = (cells: readonly string[]) =>
    cells
      .map((cell, index) =>
        index < 2 ? cell.padEnd(widths[index] ?? 8) : cell.padStart(widths[index] ?? 8),
      )
      .join(' ');
  return [
    row(['call', 'half', 'calls', 'per min', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms']),
    ...runs.map((run) =>
      row([
        run.name,
        run.round,
        String(run.count),
        (run.count / (run.elapsedMs / 60_000)).toFixed(1),
        ...[0.5, 0.95, 0.99, 1].map((fraction) => percentile(run, fraction).toFixed(0)),
      ]),
    ),
  ].join('\n');
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

const calls = ['open', 'record', 'submit', 'decide'] as const;
type Call = (typeof calls)[number];
/** Each call's latency, in the first and the second half of the run. */
const latencies: Record<Call, [number[], number[]]> = {
  open: [[], []],
  record: [[], []],
  submit: [[], []],
  decide: [[], []],
};

// --- the load ---------------------------------------------------------------------------------
const counts = { started: 0, completed: 0, stopped: 0, failed: 0, coursesTerminated: 0 };
const failures: string[] = [];
let startedAt = 0;
let endAt = Number.POSITIVE_INFINITY;
const stopping = () => Date.now() >= endAt;

class SoakStopped extends Error {}

// the worker process, before anything reaches Temporal
const pid = readWorkerPid();
const stat = processStat(pid);
const rssAtCheck = statusMb(pid);
if (!stat || rssAtCheck === undefined) {
  throw new Error(`the worker process ${pid} (${pidFile}) is not running`);
}
const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
const workerAgeMinutes = (uptimeSeconds() - stat.startTicks / ticksPerSecond) / 60;

const connection = await Connection.connect({ address: temporalAddress });
const client = new Client({ connection, namespace });

/** A call of the lifecycle, timed; none starts once the soak's time is up. */
async function timed<Result>(call: Call, run: () => Promise<Result>): Promise<Result> {
  if (stopping()) throw new SoakStopped();
  const began = performance.now();
  const result = await run();
  const half = Date.now() - startedAt < (endAt - startedAt) / 2 ? 0 : 1;
  latencies[call][half].push(performance.now() - began);
  return result;
}

function expect(engagementId: string, what: string, status: EngagementStatus, ok: boolean): void {
  if (!ok) {
    throw new Error(
      `${what} ${engagementId}: the engagement shows ${status.stage} ${status.state} after ${status.history.length} transition(s)`,
    );
  }
}

/** An id of the pool with no run, or undefined once the soak's time is up. */
async function takeFreeEngagement(): Promise<SoakEngagement | undefined> {
  while (!stopping()) {
    const candidate = nextFromPool();
    try {
      await client.workflow.getHandle(candidate.engagementId).describe();
      skippedAsTaken += 1;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return candidate;
      throw error;
    }
  }
  return undefined;
}

/** Terminates the run if it is still running (ours: started by this lifecycle). */
async function terminateIfRunning(handle: WorkflowHandle, why: string): Promise<boolean> {
  try {
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') return false;
    await handle.terminate(`${reason}: ${why}`);
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

function approval(stage: MilestoneStage, reviewRequestId: string): DecideMilestone {
  return {
    decisionId: `decision-${randomUUID()}`,
    reviewRequestId,
    decidedBy: users.reviewer,
    decision: {
      outcome: 'APPROVED',
      answers: complianceChecklist(stage).map(({ id }) => ({ criterionId: id, verdict: 'MET' })),
      findings: [],
    },
  };
}

/** One engagement from its opening to its completion. */
async function lifecycle({ engagementId, partnerState, cycle }: SoakEngagement): Promise<void> {
  const open: OpenEngagement = {
    partnerState,
    cycle,
    openedBy: users.manager,
    deadlines: soakDeadlines,
  };
  /** The run this lifecycle started, once its opening shows it is: only that one is terminated. */
  const ours: { run?: EngagementHandle } = {};
  try {
    const { started, opened } = await timed('open', async () => {
      // openEngagement's options (src/engagement-client.ts), the id without its cycle check
      const handle = await client.workflow.start<typeof engagementWorkflow>('engagementWorkflow', {
        taskQueue,
        workflowId: engagementId,
        args: [open],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return { started: handle, opened: await handle.query(engagementStatusQuery) };
    });
    expect(
      engagementId,
      'opening',
      opened,
      opened.history.length === 1 && opened.history[0]?.by === users.manager,
    );
    ours.run = started;
    const record = (kind: SubmissionKind, submission: unknown) =>
      timed('record', () =>
        started.executeUpdate(recordWorkUpdate, {
          args: [{ kind, submission, by: users.officer }],
        }),
      );
    const submitAndApprove = async (stage: MilestoneStage, next: string) => {
      const submitted = await timed('submit', () =>
        started.executeUpdate(submitMilestoneUpdate, { args: [{ by: users.officer }] }),
      );
      const review = submitted.pendingReview;
      if (submitted.state !== 'AWAITING_REVIEW' || !review || review.stage !== stage) {
        expect(engagementId, `submitting ${stage}`, submitted, false);
        return;
      }
      const decision = approval(stage, review.reviewRequestId);
      const decided = await timed('decide', () =>
        started.executeUpdate(decideMilestoneUpdate, {
          updateId: decision.decisionId,
          args: [decision],
        }),
      );
      expect(engagementId, `approving ${stage}`, decided, decided.stage === next);
    };

    await record('KICK_OFF_REPORT', kickOffReport);
    await submitAndApprove('KICK_OFF', 'NEEDS_ASSESSMENT');
    await record('NEEDS_ASSESSMENT', needsAssessment);
    await submitAndApprove('NEEDS_ASSESSMENT', 'TAILORED_TRAINING');
    await record('TRAINING_PLAN', trainingPlan);
    await record('TRAINING_DELIVERY', darknetDelivery);
    await record('TRAINING_DELIVERY', cryptoDelivery);
    await submitAndApprove('TAILORED_TRAINING', 'STRATEGY_ADOPTION');
    await record('STRATEGY_ADOPTION', strategyAdoption);
    await submitAndApprove('STRATEGY_ADOPTION', 'COMPLETED');
    // the last approval ends the run; its courses ended with their deliveries
    const result = await within(60_000, 'the completed run', started.result());
    if (result.state !== 'COMPLETED') expect(engagementId, 'completing', result, false);
    for (const course of coursesOf(engagementId)) {
      if (await terminateIfRunning(course, 'course left running after its engagement completed')) {
        counts.coursesTerminated += 1;
      }
    }
    counts.completed += 1;
  } catch (error) {
    const stopped = error instanceof SoakStopped;
    if (stopped) counts.stopped += 1;
    else noteFailure(engagementId, error);
    if (ours.run) {
      const why = stopped ? 'stopped part-way at the end of the soak' : 'its lifecycle failed';
      for (const run of [ours.run, ...coursesOf(engagementId)]) {
        await terminateIfRunning(run, why).catch(() => false);
      }
    }
    // a failing system is not hammered: each lane pauses after a failure
    if (!stopped) await delay(1_000);
  }
}

/** The promise's value, or an error after `ms`: a closing run that does not close fails. */
async function within<Value>(ms: number, what: string, promise: Promise<Value>): Promise<Value> {
  const timeout = new AbortController();
  try {
    return await Promise.race([
      promise,
      delay(ms, undefined, { signal: timeout.signal }).then(() => {
        throw new Error(`${what}: no answer within ${ms / 1_000} s`);
      }),
    ]);
  } finally {
    timeout.abort();
  }
}

/**
 * Waits for the lanes to stop (each after its call in flight, terminating what it started),
 * at most two minutes: an update waits for a worker, which may be gone.
 */
async function lanesStopped(): Promise<void> {
  await within(120_000, 'the lanes stopping', lanes).catch((error: unknown) => {
    console.log(`  (${error instanceof Error ? error.message : String(error)})`);
  });
}

function coursesOf(engagementId: string): WorkflowHandle[] {
  return trainingPlan.courses.map(({ courseId }) =>
    client.workflow.getHandle(trainingCourseWorkflowId(engagementId, courseId)),
  );
}

function noteFailure(what: string, error: unknown): void {
  counts.failed += 1;
  if (failures.length < 5) {
    const message = error instanceof Error ? error.message : String(error);
    const cause =
      error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    failures.push(`${what}: ${message}${cause}`);
  }
}

async function lane(): Promise<void> {
  while (!stopping()) {
    let engagement: SoakEngagement | undefined;
    try {
      engagement = await takeFreeEngagement();
    } catch (error) {
      noteFailure('finding a free engagement id', error);
      await delay(1_000);
      continue;
    }
    if (!engagement) return;
    counts.started += 1;
    await lifecycle(engagement);
  }
}

// --- the run ----------------------------------------------------------------------------------
let failed = false;
let lanes: Promise<unknown> = Promise.resolve();
try {
  const { pollers = [] } = await client.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: 1, // workflow tasks
  });
  const identities = [...new Set(pollers.map((poller) => poller.identity ?? '?'))];
  if (identities.length === 0) {
    throw new Error(
      `no worker polls task queue ${taskQueue} on ${temporalAddress} (pnpm infra up engagement-worker)`,
    );
  }
  const { serverVersion } = await client.workflowService.getSystemInfo({});

  console.log(
    `engagement worker memory soak: ${minutes} min, ${concurrency} engagement lifecycles in flight, ` +
      `RSS sampled every ${sampleSeconds} s, warm-up ${warmUpMinutes} min`,
  );
  console.log(
    `  a lifecycle: open (start + status query), then per stage record its work, submit its ` +
      `milestone, approve it (decideMilestone as the bridge sends it): kick-off report; needs ` +
      `assessment; training plan (2 course child workflows) + 2 deliveries; strategy adoption -> completed`,
  );
  console.log(
    `  engagement ids engagement-<XA..XZ except XK>-<${cycles.from}..${cycles.to}> ` +
      `(${poolSize}, from a random place; each checked free first; the gateway benchmark's are ` +
      `XA..XZ 2000-2100 and 9000-9999)`,
  );
  console.log(
    `worker pid ${pid} (${pidFile}): ${commandLine}; started ${workerAgeMinutes.toFixed(1)} min ago, ` +
      `RSS ${rssAtCheck.toFixed(1)} MB now`,
  );
  const ours = identities.some((identity) => identity.startsWith(`${pid}@`));
  console.log(
    `task queue ${taskQueue} polled by ${identities.join(', ')}` +
      (ours ? '' : ` (NOT by pid ${pid}: the load may go to another worker)`) +
      (identities.length > 1 ? ' (more than one worker: the load is shared)' : ''),
  );
  console.log(
    `Temporal ${serverVersion ?? 'unknown'} at ${temporalAddress} (namespace ${namespace}), ` +
      `@temporalio/client ${clientPackage.version}, Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  console.log(`${availableParallelism()} CPUs, load average ${loadAverage()} at the start`);
  console.log(
    `command: pnpm -s soak ${process.argv.slice(2).join(' ')}`.trimEnd() +
      ' (in workflows/engagement)',
  );
  console.log(`rule: ${ruleText}`);
  console.log();

  const samples: Sample[] = [];
  const sampleMs = sampleSeconds * 1_000;
  const sampleCount = Math.floor((minutes * 60) / sampleSeconds);
  let gone: { minute: number; why: string } | undefined;
  const header = `${'minute'.padStart(7)} ${'RSS MB'.padStart(8)} ${'lifecycles'.padStart(10)} ${'per min'.padStart(8)} ${'failed'.padStart(7)}`;
  console.log(header);
  const takeSample = (index: number) => {
    const minute = (index * sampleMs) / 60_000;
    const now = processStat(pid);
    let rssMb = now && now.startTicks === stat.startTicks ? statusMb(pid) : undefined;
    if (rssMb === undefined && !gone) {
      let pidFileNow = 'no pid file now';
      try {
        pidFileNow = `the pid file names ${readWorkerPid()} now`;
      } catch {
        // no pid file: said so
      }
      gone = { minute, why: `the worker process ${pid} is gone (${pidFileNow})` };
      rssMb = undefined;
    }
    const previous = samples.at(-1);
    const sample: Sample = {
      minute,
      rssMb,
      completed: counts.completed,
      failed: counts.failed,
    };
    samples.push(sample);
    const perMinute = previous
      ? ((sample.completed - previous.completed) / (sample.minute - previous.minute)).toFixed(0)
      : '';
    console.log(
      `${minute.toFixed(2).padStart(7)} ${(rssMb === undefined ? 'gone' : rssMb.toFixed(1)).padStart(8)} ` +
        `${String(sample.completed).padStart(10)} ${perMinute.padStart(8)} ${String(sample.failed).padStart(7)}` +
        (index === 0 ? '   (before the load)' : ''),
    );
    if (gone && rssMb === undefined) console.log(`  ${gone.why}`);
  };

  process.once('SIGINT', () => {
    console.log('  (SIGINT: stopping the load now)');
    endAt = Date.now();
  });
  const cpuAtStart = stat.cpuTicks;
  takeSample(0);
  startedAt = Date.now();
  endAt = startedAt + minutes * 60_000;
  lanes = Promise.all(Array.from({ length: concurrency }, lane));
  let lastIndex = 0;
  for (let index = 1; index <= sampleCount; index += 1) {
    const wait = startedAt + index * sampleMs - Date.now();
    if (wait > 0) await delay(wait);
    if (Date.now() > endAt + 1_000) break; // stopped early
    takeSample(index);
    lastIndex = index;
    if (gone) {
      endAt = Date.now();
      break;
    }
  }
  endAt = Math.min(endAt, Date.now());
  const runMinutes = (Date.now() - startedAt) / 60_000;
  const completedAtEnd = counts.completed;
  await lanesStopped();
  const cpuAtEnd = processStat(pid);
  const peakMb = statusMb(pid, 'VmHWM');

  // --- the summary ----------------------------------------------------------------------------
  console.log();
  const after = samples.filter(
    (sample): sample is Sample & { rssMb: number } =>
      sample.minute >= warmUpMinutes && sample.rssMb !== undefined,
  );
  const tenth = Math.max(1, Math.ceil(after.length / 10));
  const lastMinute = samples[lastIndex]?.minute ?? 0;
  console.log(
    `lifecycles: ${completedAtEnd} completed in ${runMinutes.toFixed(1)} min = ` +
      `${(completedAtEnd / runMinutes).toFixed(1)}/min; ${counts.failed} failed; ` +
      `${counts.stopped} stopped part-way at the end and terminated; ` +
      `${counts.coursesTerminated} course workflows left running after completion, terminated; ` +
      `${skippedAsTaken} ids skipped as taken`,
  );
  for (const failure of failures) console.log(`  failure: ${failure}`);
  const measurements: Measurement[] = calls.flatMap((call) =>
    latencies[call].map((latenciesMs, half) => ({
      name: call,
      round: String(half + 1),
      count: latenciesMs.length,
      elapsedMs: (runMinutes * 60_000) / 2,
      latenciesMs,
    })),
  );
  console.log(
    'calls, each timed until it returned (half 1: the first half of the run, 2: the second)',
  );
  console.log(latencyTable(measurements));
  if (cpuAtEnd) {
    const cpuSeconds = (cpuAtEnd.cpuTicks - cpuAtStart) / ticksPerSecond;
    console.log(
      `worker CPU: ${cpuSeconds.toFixed(0)} s in ${runMinutes.toFixed(1)} min ` +
        `(${((cpuSeconds / (runMinutes * 60)) * 100).toFixed(0)}% of one CPU); ` +
        `peak RSS (VmHWM) ${peakMb?.toFixed(1) ?? '?'} MB`,
    );
  }
  console.log(`load average ${loadAverage()} at the end`);
  const first = after.slice(0, tenth);
  const last = after.slice(-tenth);
  let verdict: string;
  if (after.length < 2) {
    console.log(`too few samples after the warm-up (${after.length}) for the figures`);
    verdict = 'no verdict: too few samples';
  } else {
    const startMb = mean(first.map((sample) => sample.rssMb));
    const endMb = mean(last.map((sample) => sample.rssMb));
    const growthMb = endMb - startMb;
    const growthPercent = (growthMb / startMb) * 100;
    const line = fit(after.map((sample) => ({ x: sample.minute, y: sample.rssMb })));
    const per10Min = line.slope * 10;
    const span = (after.at(-1)?.minute ?? 0) - (after[0]?.minute ?? 0);
    console.log(
      `RSS at the start ${startMb.toFixed(1)} MB (mean of the first ${first.length} samples from ` +
        `minute ${warmUpMinutes}), at the end ${endMb.toFixed(1)} MB (mean of the last ${last.length}); ` +
        `growth ${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(1)} MB (${growthPercent >= 0 ? '+' : ''}${growthPercent.toFixed(1)}%)`,
    );
    console.log(
      `slope ${per10Min >= 0 ? '+' : ''}${per10Min.toFixed(2)} MB per 10 min, standard error ` +
        `${(line.error * 10).toFixed(2)} (least squares over the ${after.length} samples of minutes ` +
        `${after[0]?.minute.toFixed(2)}-${after.at(-1)?.minute.toFixed(2)})`,
    );
    const flat = growthPercent <= rule.maxGrowthPercent && per10Min <= rule.maxSlopeMbPer10Min;
    verdict = gone
      ? `no verdict: ${gone.why} at minute ${gone.minute.toFixed(2)}`
      : span < rule.leastMinutesAfterWarmUp
        ? `no verdict: ${span.toFixed(1)} min after the warm-up, fewer than ${rule.leastMinutesAfterWarmUp} ` +
          `(by the figures alone: ${flat ? 'flat' : 'NOT flat'})`
        : flat
          ? 'flat'
          : `NOT flat: the worker's memory grows`;
  }
  if (lastIndex < sampleCount && !gone) {
    console.log(`(stopped early at minute ${lastMinute.toFixed(2)})`);
  }
  console.log(`rule: ${ruleText}`);
  console.log(`verdict: ${verdict}`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  // the lanes stop at the next call and terminate what they had started
  endAt = Math.min(endAt, Date.now());
  await lanesStopped();
  await connection.close();
}
process.exitCode = failed ? 1 : 0;
