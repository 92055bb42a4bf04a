#!/usr/bin/env node
// The demo programme: engagements for the programme's seven partner states, left in a spread
// of places, seeded through the gateway's HTTP API as the demo users would do it (officers
// record and submit, reviewers decide and hold). Idempotent: each engagement's history says
// how far along it is, so a second run changes nothing. `pnpm demo [--cycle <year>]`; run
// straight from source (Node's type stripping). The plan is demo-scenarios.ts.
import { setTimeout as delay } from 'node:timers/promises';
import { ApiAnswerError, GatewayClient, GatewayUnavailableError } from './demo-gateway.ts';
import { signInGuide, stateLine, type StateResult } from './demo-report.ts';
import {
  engagementView,
  holdList,
  hold as holdAnswer,
  reviewDetail,
  reviewQueue,
  type EngagementView,
  type ReviewSummary,
} from './demo-responses.ts';
import {
  demoCycle,
  demoScenarios,
  describeEntry,
  describeStep,
  engagementIdOf,
  expectedEntry,
  progressAlong,
  reviewDecision,
  stageWords,
  type DecideStep,
  type DemoScenario,
  type DemoStep,
  type HoldStep,
} from './demo-scenarios.ts';
import { host, ports } from './versions.ts';

export const defaultGateway = process.env.CTTECH_GATEWAY_URL ?? `http://${host}:${ports.gateway}`;

export interface SeedOptions {
  /** Where the gateway listens; the API is under /api/v1. */
  readonly gateway?: string;
  /** The programme cycle (a year); the demo's own is {@link demoCycle}. */
  readonly cycle?: number;
  /** How long to wait for the gateway to be ready before anything else. */
  readonly readyTimeoutMs?: number;
  /** How long to wait for one step's effect (a review reaching the queue, a decision the engagement). */
  readonly effectTimeoutMs?: number;
  /** Progress, one line per step taken (and the wait for the gateway). */
  readonly log?: (line: string) => void;
}

export interface DemoProgrammeReport {
  readonly gateway: string;
  readonly cycle: number;
  readonly results: readonly StateResult[];
  readonly elapsedMs: number;
}

/** A step that could not be done: which one, and why. */
export class DemoStepError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DemoStepError';
  }
}

/**
 * Seeds (or finds) every partner state's engagement of the cycle, the seven at once. Never
 * throws for one state's failure: its result says which step failed and why. Throws only when
 * the gateway is not ready in time.
 */
export async function seedDemoProgramme(options: SeedOptions = {}): Promise<DemoProgrammeReport> {
  const started = Date.now();
  const gateway = options.gateway ?? defaultGateway;
  const cycle = options.cycle ?? demoCycle;
  const scenarios = demoScenarios(cycle);
  const client = new GatewayClient({ gateway });
  const log = options.log ?? (() => undefined);
  await client.waitUntilReady(options.readyTimeoutMs ?? 120_000, (why) =>
    log(`waiting for the gateway at ${client.gateway} to be ready (${why})`),
  );
  const results = await Promise.all(
    scenarios.map((scenario) =>
      seedPartnerState(client, scenario, cycle, {
        effectTimeoutMs: options.effectTimeoutMs ?? 60_000,
        readyTimeoutMs: options.readyTimeoutMs ?? 120_000,
        log,
      }),
    ),
  );
  return { gateway: client.gateway, cycle, results, elapsedMs: Date.now() - started };
}

interface StateOptions {
  readonly effectTimeoutMs: number;
  readonly readyTimeoutMs: number;
  readonly log: (line: string) => void;
}

/** How often a state's seeding starts again after the gateway went away for a while. */
const attemptsWhenUnavailable = 3;

async function seedPartnerState(
  client: GatewayClient,
  scenario: DemoScenario,
  cycle: number,
  options: StateOptions,
): Promise<StateResult> {
  const engagementId = engagementIdOf(scenario.partnerState, cycle);
  const run = new StateRun(client, scenario, cycle, engagementId, options);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run.toTheEnd();
    } catch (error) {
      // the gateway restarting (or a service behind it): wait until it is back, then pick up
      // again from what the engagement's history shows
      if (error instanceof GatewayUnavailableError && attempt < attemptsWhenUnavailable) {
        options.log(`${scenario.name}: ${error.message}; waiting for the gateway, then going on`);
        try {
          await client.waitUntilReady(options.readyTimeoutMs);
          continue;
        } catch (notBack) {
          return { ok: false, scenario, engagementId, error: messageOf(notBack) };
        }
      }
      return { ok: false, scenario, engagementId, error: messageOf(error) };
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One partner state's seeding: find the engagement, then take the steps it still lacks. */
class StateRun {
  private readonly client: GatewayClient;
  private readonly scenario: DemoScenario;
  private readonly cycle: number;
  private readonly engagementId: string;
  private readonly options: StateOptions;
  private opened = false;
  private stepsTaken = 0;

  constructor(
    client: GatewayClient,
    scenario: DemoScenario,
    cycle: number,
    engagementId: string,
    options: StateOptions,
  ) {
    this.client = client;
    this.scenario = scenario;
    this.cycle = cycle;
    this.engagementId = engagementId;
    this.options = options;
  }

  private get officer(): string {
    return this.scenario.team.officer;
  }

  private get path(): string {
    return `/engagements/${this.engagementId}`;
  }

  async toTheEnd(): Promise<StateResult> {
    const { scenario, engagementId } = this;
    const { steps } = scenario;
    let status = await this.find();
    if (status === undefined) {
      status = await this.step(0, () => this.open());
      this.opened = true;
    }
    for (;;) {
      const progress = progressAlong(steps, status.history);
      if (progress.kind === 'DIVERGED') {
        throw new DemoStepError(
          `${engagementId} went another way before the demo finished: at step ${progress.step + 1} of ${steps.length} the demo expects "${describeStep(progress.expected)}" (${expectedEntry(progress.expected).action}) but the engagement shows ${describeEntry(progress.found)}; left as it is (seed another cycle: pnpm demo --cycle <year>)`,
        );
      }
      if (progress.kind === 'MOVED_ON' || progress.done === steps.length) {
        const outcome = this.opened
          ? 'CREATED'
          : this.stepsTaken > 0
            ? 'CONTINUED'
            : progress.kind === 'MOVED_ON'
              ? 'MOVED_ON'
              : 'ALREADY_THERE';
        return { ok: true, scenario, engagementId, outcome, stepsTaken: this.stepsTaken, status };
      }
      const index = progress.done;
      const step = steps[index] as DemoStep;
      const current: EngagementView = status;
      const after = await this.step(index, () => this.take(step, index, current));
      const moved = progressAlong(steps, after.history);
      if (moved.kind === 'ALONG' && moved.done <= index) {
        throw new DemoStepError(
          `${this.stepName(index)}: the engagement shows no sign of it (${after.stage}, ${after.state})`,
        );
      }
      status = after;
    }
  }

  private stepName(index: number): string {
    const step = this.scenario.steps[index];
    return `${this.scenario.name}, step ${index + 1} of ${this.scenario.steps.length} (${step ? describeStep(step) : '?'})`;
  }

  /** Runs one step, naming it in its error (an unavailable gateway is passed on as it is). */
  private async step(index: number, take: () => Promise<EngagementView>): Promise<EngagementView> {
    this.options.log(`${this.stepName(index)}`);
    try {
      const after = await take();
      this.stepsTaken += 1;
      return after;
    } catch (error) {
      if (error instanceof GatewayUnavailableError) throw error;
      throw new DemoStepError(`${this.stepName(index)}: ${messageOf(error)}`, { cause: error });
    }
  }

  /** The engagement's status, or undefined when it does not exist yet (404). */
  private async find(): Promise<EngagementView | undefined> {
    const answer = await this.client.expect(
      `reading ${this.engagementId}`,
      [200, 404],
      this.officer,
      'GET',
      this.path,
    );
    return answer.status === 404 ? undefined : engagementView(answer.body);
  }

  private async status(): Promise<EngagementView> {
    const found = await this.find();
    if (found === undefined) throw new DemoStepError(`${this.engagementId} is gone (404)`);
    return found;
  }

  private async open(): Promise<EngagementView> {
    const answer = await this.client.expect(
      'opening the engagement',
      [200, 201],
      this.officer,
      'POST',
      '/engagements',
      { partnerState: this.scenario.partnerState, cycle: this.cycle },
    );
    return engagementView(answer.body);
  }

  /** A retried update (the gateway went away mid-call) is applied once: the key is the step's. */
  private idempotencyKey(index: number): Record<string, string> {
    return { 'idempotency-key': `demo-${this.engagementId}-step-${index + 1}` };
  }

  private async take(
    step: DemoStep,
    index: number,
    status: EngagementView,
  ): Promise<EngagementView> {
    switch (step.kind) {
      case 'OPEN':
        return this.open();
      case 'RECORD': {
        const answer = await this.client.expect(
          'recording the work',
          [200],
          step.as,
          'PUT',
          `${this.path}/submissions/${step.submissionKind}`,
          step.submission,
          this.idempotencyKey(index),
        );
        return engagementView(answer.body);
      }
      case 'SUBMIT': {
        const answer = await this.client.expect(
          'submitting the milestone',
          [200],
          step.as,
          'POST',
          `${this.path}/milestone`,
          step.findingResponses ? { findingResponses: step.findingResponses } : {},
          this.idempotencyKey(index),
        );
        return engagementView(answer.body);
      }
      case 'DECIDE':
        return this.decide(step, index, status);
      case 'HOLD':
        return this.hold(step, index);
    }
  }

  /**
   * Finds the pending review in the compliance queue (it arrives there through Kafka), decides
   * it unless it is decided already (an interrupted run), and waits for the engagement to move.
   */
  private async decide(
    step: DecideStep,
    index: number,
    status: EngagementView,
  ): Promise<EngagementView> {
    const pending = status.pendingReview;
    if (status.state !== 'AWAITING_REVIEW' || pending === null) {
      throw new DemoStepError(
        `the ${stageWords(step.stage)} milestone should be awaiting review, but the engagement is ${status.stage}, ${status.state}`,
      );
    }
    const { reviewRequestId } = pending;
    const inQueue = async (queueStatus: 'OPEN' | 'DECIDED'): Promise<ReviewSummary | undefined> => {
      const answer = await this.client.expect(
        'reading the review queue',
        [200],
        step.as,
        'GET',
        `/reviews?status=${queueStatus}`,
      );
      return reviewQueue(answer.body).find((review) => review.reviewRequestId === reviewRequestId);
    };
    const review = await this.eventually(
      `the ${stageWords(step.stage)} review of ${this.engagementId} (${reviewRequestId}) in ${step.as}'s queue`,
      async () => (await inQueue('OPEN')) ?? (await inQueue('DECIDED')),
      'is the compliance service taking the engagement events? bash infra/local/infra.sh logs compliance',
    );
    if (review.status === 'OPEN') {
      const detail = reviewDetail(
        (
          await this.client.expect(
            'reading the review',
            [200],
            step.as,
            'GET',
            `/reviews/${review.id}`,
          )
        ).body,
      );
      const decision = reviewDecision(
        step,
        detail.checklist.map(({ criterionId }) => criterionId),
      );
      if (!decision.ok) throw new DemoStepError(decision.message);
      await this.client.expect(
        'deciding the review',
        [200],
        step.as,
        'POST',
        `/reviews/${review.id}/decision`,
        decision.body,
      );
    }
    return this.untilPast(
      index,
      `${this.engagementId} to take the decision on its ${stageWords(step.stage)} milestone`,
      'is the engagement worker (its bridge) taking the compliance events? bash infra/local/infra.sh logs engagement-worker',
    );
  }

  /** Puts the engagement on hold (unless a hold is open already) and waits until it is suspended. */
  private async hold(step: HoldStep, index: number): Promise<EngagementView> {
    const holdsPath = `${this.path}/holds`;
    // the compliance service knows an engagement from its events: 404 until then
    const holds = await this.eventually(
      `${this.engagementId} known to the compliance service`,
      async () => {
        const answer = await this.client.expect(
          'reading the holds',
          [200, 404],
          step.as,
          'GET',
          holdsPath,
        );
        return answer.status === 200 ? holdList(answer.body) : undefined;
      },
      'is the compliance service taking the engagement events? bash infra/local/infra.sh logs compliance',
    );
    if (!holds.some((existing) => existing.status === 'OPEN')) {
      const placed = await this.client.expect(
        'placing the hold',
        [201],
        step.as,
        'POST',
        holdsPath,
        {
          concern: step.concern,
        },
      );
      holdAnswer(placed.body);
    }
    return this.untilPast(
      index,
      `${this.engagementId} to be suspended by the hold`,
      'is the engagement worker (its bridge) taking the compliance events? bash infra/local/infra.sh logs engagement-worker',
    );
  }

  /** Waits until the engagement's history shows the step (and those before it). */
  private untilPast(index: number, what: string, hint: string): Promise<EngagementView> {
    return this.eventually(
      what,
      async () => {
        const status = await this.status();
        const progress = progressAlong(this.scenario.steps, status.history);
        return progress.kind === 'ALONG' && progress.done <= index ? undefined : status;
      },
      hint,
    );
  }

  /** Polls until the probe finds something, within the effect deadline (no fixed sleeps). */
  private async eventually<T>(
    what: string,
    probe: () => Promise<T | undefined>,
    hint: string,
  ): Promise<T> {
    const { effectTimeoutMs } = this.options;
    const deadline = Date.now() + effectTimeoutMs;
    let interval = 150;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() >= deadline) {
        throw new DemoStepError(
          `no sign after ${Math.round(effectTimeoutMs / 1000)} s of ${what}; ${hint}`,
        );
      }
      await delay(interval);
      interval = Math.min(1_000, Math.round(interval * 1.5));
    }
  }
}

// --- the command ------------------------------------------------------------------------------

const usage = `usage: pnpm demo [--cycle <year>] [--gateway <url>] [--verbose]
  Seeds the demo programme through the gateway: an engagement for each of Ghana, Iraq, Kenya,
  Nigeria, Philippines, Tajikistan and Uzbekistan in cycle ${demoCycle} (or --cycle), left at
  different stages. Running it again changes nothing. The gateway is ${defaultGateway} unless
  --gateway or CTTECH_GATEWAY_URL names another.`;

interface CommandLine {
  readonly cycle: number;
  readonly gateway: string;
  readonly verbose: boolean;
}

/** The command line's options, or the reason it is not valid. */
export function parseArguments(
  argv: readonly string[],
): CommandLine | { readonly error: string } | 'help' {
  let cycle = demoCycle;
  let gateway = defaultGateway;
  let verbose = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const value = argv[index + 1];
    switch (argument) {
      case '--help':
      case '-h':
        return 'help';
      case '--verbose':
      case '-v':
        verbose = true;
        break;
      case '--cycle':
        if (
          value === undefined ||
          !/^\d{4}$/.test(value) ||
          Number(value) < 2000 ||
          Number(value) > 2100
        ) {
          return { error: `--cycle takes a year from 2000 to 2100, not ${value ?? 'nothing'}` };
        }
        cycle = Number(value);
        index += 1;
        break;
      case '--gateway':
        if (value === undefined || !/^https?:\/\//.test(value)) {
          return {
            error: `--gateway takes a URL such as ${defaultGateway}, not ${value ?? 'nothing'}`,
          };
        }
        gateway = value;
        index += 1;
        break;
      default:
        return { error: `unknown argument ${argument}` };
    }
  }
  return { cycle, gateway, verbose };
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed === 'help') {
    console.log(usage);
    return 0;
  }
  if ('error' in parsed) {
    console.error(`error: ${parsed.error}\n${usage}`);
    return 2;
  }
  console.log(
    `Demo programme, cycle ${parsed.cycle}, through ${parsed.gateway}: seven partner states at once…`,
  );
  const report = await seedDemoProgramme({
    gateway: parsed.gateway,
    cycle: parsed.cycle,
    log: (line) => {
      if (parsed.verbose || line.startsWith('waiting for the gateway')) console.log(`  ${line}`);
    },
  });
  for (const result of report.results) console.log(`  ${stateLine(result)}`);
  const failed = report.results.filter((result) => !result.ok);
  console.log('');
  for (const line of signInGuide(report.results, `${report.gateway}/console/`)) console.log(line);
  console.log(`(${(report.elapsedMs / 1000).toFixed(1)} s)`);
  if (failed.length > 0) {
    console.error(
      `error: the demo programme could not seed ${failed.map(({ scenario }) => scenario.name).join(', ')} (see above)`,
    );
    return 1;
  }
  return 0;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(
        `error: ${error instanceof GatewayUnavailableError || error instanceof ApiAnswerError ? error.message : messageOf(error)}`,
      );
      process.exit(1);
    },
  );
}
