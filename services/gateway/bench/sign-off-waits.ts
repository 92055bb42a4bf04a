// The sign-offs in flight, by engagement: each one's clock, the hops it has passed (for the
// breakdown) and the waiting for its end, which another part of the benchmark reports (the
// officer's notification stream, the raw chain's notification row).
import { performance } from 'node:perf_hooks';

/** A finished sign-off: ms from its start to each hop it passed, and to its end. */
export interface SignOffTimes {
  readonly engagementId: string;
  readonly hops: Readonly<Record<string, number>>;
  readonly totalMs: number;
}

interface Waiting {
  readonly started: number;
  readonly hops: Record<string, number>;
  readonly resolve: (times: SignOffTimes) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class SignOffWaits {
  private readonly waiting = new Map<string, Waiting>();

  /** Starts the engagement's clock now; resolves when `finish` reports its end. */
  start(engagementId: string, timeoutMs: number): Promise<SignOffTimes> {
    if (this.waiting.has(engagementId)) {
      return Promise.reject(new Error(`${engagementId} is signed off twice at once`));
    }
    const started = performance.now();
    const ended = new Promise<SignOffTimes>((resolve, reject) => {
      const hops: Record<string, number> = {};
      const timer = setTimeout(() => {
        const passed = Object.entries(hops)
          .map(([hop, ms]) => `${hop} after ${ms.toFixed(0)} ms`)
          .join(', ');
        this.fail(
          engagementId,
          new Error(
            `${engagementId}: no end within ${timeoutMs} ms (passed: ${passed || 'nothing'})`,
          ),
        );
      }, timeoutMs);
      this.waiting.set(engagementId, { started, hops, resolve, reject, timer });
    });
    // its caller may have given up on it already (its first step threw): no unhandled rejection
    ended.catch(() => undefined);
    return ended;
  }

  /** Notes the first time the engagement's sign-off passed a hop (nothing if none waits). */
  hop(engagementId: string, hop: string, at: number = performance.now()): void {
    const waiting = this.waiting.get(engagementId);
    if (waiting && waiting.hops[hop] === undefined) waiting.hops[hop] = at - waiting.started;
  }

  isWaiting(engagementId: string): boolean {
    return this.waiting.has(engagementId);
  }

  /** The sign-off's end: its clock stops at `at`. */
  finish(engagementId: string, at: number = performance.now()): void {
    const waiting = this.waiting.get(engagementId);
    if (!waiting) return;
    this.waiting.delete(engagementId);
    clearTimeout(waiting.timer);
    waiting.resolve({ engagementId, hops: waiting.hops, totalMs: at - waiting.started });
  }

  fail(engagementId: string, error: Error): void {
    const waiting = this.waiting.get(engagementId);
    if (!waiting) return;
    this.waiting.delete(engagementId);
    clearTimeout(waiting.timer);
    waiting.reject(error);
  }

  /** Every sign-off still waiting fails (a stream or consumer broke). */
  failAll(reason: string): void {
    for (const engagementId of [...this.waiting.keys()]) {
      this.fail(engagementId, new Error(`${engagementId}: ${reason}`));
    }
  }
}
