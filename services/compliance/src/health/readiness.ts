import type { EventBroker } from '@cttech/messaging';
import type { ComplianceDatabase } from '../database.ts';
import { ComplianceError } from '../errors.ts';

export interface ReadinessOptions {
  readonly database: ComplianceDatabase;
  readonly broker: EventBroker;
  /** How long each dependency may take to answer. */
  readonly timeoutMs?: number;
}

export type DependencyStatus = 'up' | `down: ${string}`;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Whether the service can do its work: PostgreSQL answers a query, Kafka its metadata. */
export class Readiness {
  private readonly options: ReadinessOptions;

  constructor(options: ReadinessOptions) {
    this.options = options;
  }

  async check(): Promise<{ status: 'ready'; dependencies: Record<string, DependencyStatus> }> {
    const { database, broker, timeoutMs = 3_000 } = this.options;
    const probes = {
      postgres: () => database.$queryRawUnsafe('SELECT 1'),
      // lists the topics: a metadata request to the brokers
      kafka: () => broker.ensureTopics([]),
    };
    const results = await Promise.all(
      Object.entries(probes).map(async ([name, probe]) => {
        try {
          await within(timeoutMs, probe());
          return [name, 'up'] as const;
        } catch (error) {
          return [name, `down: ${(error as Error).message}`] as const;
        }
      }),
    );
    const dependencies: Record<string, DependencyStatus> = Object.fromEntries(results);
    const down = results.filter(([, status]) => status !== 'up');
    if (down.length > 0) {
      throw new ComplianceError(
        'DEPENDENCY_UNAVAILABLE',
        `not ready: ${down.map(([name, status]) => `${name} is ${status}`).join('; ')}`,
        down.map(([name, status]) => ({ field: name, message: status })),
      );
    }
    return { status: 'ready', dependencies };
  }
}
