// Whether a service can do its work: each dependency it names answers its probe within a time
// limit; otherwise a 503 DEPENDENCY_UNAVAILABLE problem naming each dependency that is down.
import { setTimeout as delay } from 'node:timers/promises';
import { serviceError } from './service-error.ts';

/** Asks a dependency one cheap question: resolves when it answers, rejects when it cannot. */
export type DependencyProbe = () => Promise<unknown>;

/** 'up', or 'down: <why>' when the probe fails or takes longer than the limit. */
export type DependencyStatus = 'up' | `down: ${string}`;

/** What a ready service answers: every dependency up. */
export interface ReadyReport {
  readonly status: 'ready';
  readonly dependencies: Readonly<Record<string, 'up'>>;
}

/**
 * What the health controller asks before it calls the service ready: a report when every
 * dependency is up, otherwise a ServiceError (DEPENDENCY_UNAVAILABLE) naming those down.
 */
export interface Readiness {
  check(): Promise<ReadyReport>;
}

/** The injection token of the service's Readiness, which HealthController asks. */
export const Readiness = Symbol('Readiness');

export interface ServiceReadinessOptions {
  /** Each dependency by the name the answer gives it (`postgres`, `kafka`), with its probe. */
  readonly probes: Readonly<Record<string, DependencyProbe>>;
  /** How long each probe may take to answer; 3 s unless given. */
  readonly limitMs?: number;
}

async function statusOf(probe: DependencyProbe, limitMs: number): Promise<DependencyStatus> {
  const stopTimer = new AbortController();
  const noAnswer = delay(limitMs, undefined, { signal: stopTimer.signal }).then(() => {
    throw new Error(`no answer within ${limitMs} ms`);
  });
  // once the probe has settled the timer is stopped, which rejects `noAnswer`: nobody waits
  noAnswer.catch(() => {});
  try {
    // a probe that throws rather than rejects is down all the same
    await Promise.race([(async () => probe())(), noAnswer]);
    return 'up';
  } catch (error) {
    return `down: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    stopTimer.abort();
  }
}

/** Probes every dependency at once, each within the limit; see Readiness. */
export class ServiceReadiness implements Readiness {
  private readonly probes: Readonly<Record<string, DependencyProbe>>;
  private readonly limitMs: number;

  constructor({ probes, limitMs = 3_000 }: ServiceReadinessOptions) {
    this.probes = probes;
    this.limitMs = limitMs;
  }

  async check(): Promise<ReadyReport> {
    const statuses = await Promise.all(
      Object.entries(this.probes).map(
        async ([name, probe]) => [name, await statusOf(probe, this.limitMs)] as const,
      ),
    );
    const down = statuses.filter(([, status]) => status !== 'up');
    if (down.length > 0) {
      throw serviceError(
        'DEPENDENCY_UNAVAILABLE',
        `not ready: ${down.map(([name, status]) => `${name} is ${status}`).join('; ')}`,
        down.map(([name, status]) => ({ field: name, message: status })),
      );
    }
    return {
      status: 'ready',
      dependencies: Object.fromEntries(statuses.map(([name]) => [name, 'up' as const])),
    };
  }
}
