// The engagements the benchmark works on: ids from pools of its own that no test, the demo or
// a real partner state uses; each checked free before it is used; between the timed phases,
// waited for until the worker has nothing left to do for them; afterwards, only the runs it
// started (started after that check) terminated, with a reason naming the benchmark. A
// terminated run keeps its id (the engagements' id reuse policy) until the namespace's retention
// removes it (a day locally), so each run takes ids no run has taken within that time.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import pMap from 'p-map';
import { randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

/** How many Temporal calls the benchmark's own bookkeeping makes at once (off the clock). */
const bookkeepingConcurrency = 16;

/**
 * The ISO 3166-1 user-assigned codes XA to XZ, which are never a country's (XK is left out: it
 * is commonly used for Kosovo). No demo user is assigned to them, so only the programme-wide
 * roles see them.
 */
export const benchPartnerStates: readonly string[] = Array.from({ length: 26 }, (_, index) =>
  String.fromCharCode(88, 65 + index),
).filter((code) => code !== 'XK');

/**
 * Cycles outside the 2000 to 2100 the API opens (and the tests and the demo pick from): an
 * engagement of one of these can only be started on Temporal directly, as the benchmark does for
 * the engagements whose milestones it changes. The workflow takes any whole number as a cycle,
 * and the gateway reaches any `engagement-<code>-<4 digits>` of the caller's partner states.
 */
export const benchCycles = { from: 9000, to: 9999 } as const;

export interface BenchEngagement {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
}

/** The workflow id's format (engagementWorkflowId), without its check of the API's cycles. */
export function benchEngagementId(partnerState: string, cycle: number): string {
  return `engagement-${partnerState}-${cycle}`;
}

/**
 * A fixed pool of ids, taken from a random place onwards (and round to its start). The services
 * downstream apply an event id (`<engagement id>/<n>`) once, so what the benchmark's
 * engagements leave with them is bounded by the pool, however often it runs.
 */
export class EngagementPool {
  readonly name: string;
  private readonly partnerStates: readonly string[];
  private readonly cycles: { readonly from: number; readonly to: number };
  private readonly first: number;
  private taken = 0;

  constructor(
    name: string,
    partnerStates: readonly string[],
    cycles: { readonly from: number; readonly to: number },
  ) {
    this.name = name;
    this.partnerStates = partnerStates;
    this.cycles = cycles;
    this.first = randomInt(this.size);
  }

  get size(): number {
    return this.partnerStates.length * (this.cycles.to - this.cycles.from + 1);
  }

  /** The next engagement of the pool, cycles first; undefined once it has given them all. */
  take(): BenchEngagement | undefined {
    if (this.taken >= this.size) return undefined;
    const index = (this.first + this.taken) % this.size;
    this.taken += 1;
    const perState = this.cycles.to - this.cycles.from + 1;
    const partnerState = this.partnerStates[Math.floor(index / perState)] as string;
    const cycle = this.cycles.from + (index % perState);
    return { engagementId: benchEngagementId(partnerState, cycle), partnerState, cycle };
  }
}

export interface Cleanup {
  readonly terminated: number;
  /** Ids the benchmark used whose run it did not start (someone else's): left alone. */
  readonly notOurs: readonly string[];
}

/** A run found on an engagement the benchmark took. */
interface FoundRun {
  readonly runId: string;
  readonly startedAt: number;
  readonly running: boolean;
}

/** The engagements the benchmark has taken, and the cleaning up after them. */
export class BenchEngagements {
  private readonly client: Client;
  private readonly reason: string;
  /** Taken and not yet cleaned up: engagement id -> when it was found free (ms since the epoch). */
  private readonly taken = new Map<string, number>();
  skippedAsTaken = 0;

  /** `reason`: what the terminations say, in the history and the operators' overview. */
  constructor(client: Client, reason: string) {
    this.client = client;
    this.reason = reason;
  }

  /** `count` engagements of the pool that have no workflow now, noted for the cleanup. */
  async take(pool: EngagementPool, count: number): Promise<BenchEngagement[]> {
    const free: BenchEngagement[] = [];
    while (free.length < count) {
      const candidates: BenchEngagement[] = [];
      for (let index = free.length; index < count; index += 1) {
        const candidate = pool.take();
        if (candidate === undefined) {
          throw new Error(
            `the ${pool.name} pool (${pool.size} engagements) has fewer than ${count} free ones left: use fewer, or wait for the terminated runs' retention to end`,
          );
        }
        candidates.push(candidate);
      }
      const checkedAt = Date.now();
      const found = await pMap(candidates, (candidate) => this.exists(candidate.engagementId), {
        concurrency: bookkeepingConcurrency,
      });
      candidates.forEach((candidate, index) => {
        if (found[index]) {
          this.skippedAsTaken += 1;
        } else {
          this.taken.set(candidate.engagementId, checkedAt);
          free.push(candidate);
        }
      });
    }
    return free;
  }

  /**
   * Waits until the worker has nothing left to do for these engagements: no workflow task and
   * no activity (the events they publish) pending. A timed phase ends when its callers have
   * their answers; what the workflows still do after that must not be paid for by the next.
   */
  async settle(engagements: readonly BenchEngagement[], timeoutMs = 120_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    await pMap(
      engagements,
      async ({ engagementId }) => {
        for (;;) {
          const { raw } = await this.client.workflow.getHandle(engagementId).describe();
          const idle = !raw.pendingWorkflowTask && (raw.pendingActivities ?? []).length === 0;
          if (idle) return;
          if (Date.now() > until) {
            throw new Error(`${engagementId} still had work pending after ${timeoutMs} ms`);
          }
          await delay(100);
        }
      },
      { concurrency: bookkeepingConcurrency },
    );
  }

  /**
   * Terminates the running runs of every engagement taken so far that started after it was
   * found free (so the benchmark's own); any other run is left alone and reported.
   */
  async cleanUp(): Promise<Cleanup> {
    const taken = [...this.taken];
    this.taken.clear();
    let terminated = 0;
    const notOurs: string[] = [];
    await pMap(
      taken,
      async ([engagementId, checkedAt]) => {
        const info = await this.runOf(engagementId);
        if (info === undefined) return; // never started
        if (info.startedAt < checkedAt) {
          notOurs.push(engagementId);
          return;
        }
        if (!info.running) return;
        try {
          await this.client.workflow.getHandle(engagementId, info.runId).terminate(this.reason);
          terminated += 1;
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error; // closed meanwhile
        }
      },
      { concurrency: bookkeepingConcurrency },
    );
    return { terminated, notOurs };
  }

  private async exists(engagementId: string): Promise<boolean> {
    return (await this.runOf(engagementId)) !== undefined;
  }

  /** The engagement's current run; undefined when it has none. */
  private async runOf(engagementId: string): Promise<FoundRun | undefined> {
    try {
      const info = await this.client.workflow.getHandle(engagementId).describe();
      return {
        runId: info.runId,
        startedAt: info.startTime.getTime(),
        running: info.status.name === 'RUNNING',
      };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }
}
