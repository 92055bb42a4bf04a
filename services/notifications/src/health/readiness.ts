// Readiness: whether the service can do its work — PostgreSQL answers a query and Kafka its
// metadata, each within a time limit; otherwise a 503 problem naming the one down.
import type { EventBroker } from '@cttech/messaging';
import type { NotificationsDatabase } from '../database.ts';
import { NotificationsError } from '../errors.ts';

export interface ReadinessOptions {
  readonly database: NotificationsDatabase;
  readonly broker: EventBroker;
  /** How long each dependency may take to answer. */
  readonly timeoutMs?: number;
}

export type DependencyStatus = 'up' | `down: ${string}`;

/** The probe's outcome, or a rejection once `ms` have passed without one. */
function answerWithin(ms: number, probe: Promise<unknown>): Promise<unknown> {
  const signal = AbortSignal.timeout(ms);
  return Promise.race([
    probe,
    new Promise((_, reject) =>
      signal.addEventListener('abort', () => reject(new Error(`no answer within ${ms} ms`))),
    ),
  ]);
}

export class Readiness {
  private readonly options: ReadinessOptions;

  constructor(options: ReadinessOptions) {
    this.options = options;
  }

  async check(): Promise<{ status: 'ready'; dependencies: Record<string, DependencyStatus> }> {
    const { database, broker, timeoutMs = 3_000 } = this.options;
    const probes: Record<string, () => Promise<unknown>> = {
      postgres: () => database.$queryRawUnsafe('SELECT 1'),
      // lists the topics: a metadata request to the brokers
      kafka: () => broker.ensureTopics([]),
    };
    const dependencies: Record<string, DependencyStatus> = {};
    await Promise.all(
      Object.entries(probes).map(async ([name, probe]) => {
        dependencies[name] = await answerWithin(timeoutMs, probe()).then(
          () => 'up' as const,
          (error: unknown) => `down: ${(error as Error).message}` as const,
        );
      }),
    );
    const down = Object.entries(dependencies).filter(([, status]) => status !== 'up');
    if (down.length > 0) {
      throw new NotificationsError(
        'DEPENDENCY_UNAVAILABLE',
        `not ready: ${down.map(([name, status]) => `${name} is ${status}`).join('; ')}`,
        down.map(([name, status]) => ({ field: name, message: status })),
      );
    }
    return { status: 'ready', dependencies };
  }
}
