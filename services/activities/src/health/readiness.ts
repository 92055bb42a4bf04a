// Whether the service can do its work: PostgreSQL answers a query and Kafka its metadata, each
// within a time limit; otherwise a 503 problem naming what is down.
import { setTimeout as delay } from 'node:timers/promises';
import type { EventBroker } from '@cttech/messaging';
import type { ActivitiesDatabase } from '../database.ts';
import { ActivitiesError } from '../errors.ts';

export type DependencyStatus = 'up' | `down: ${string}`;

/** 'up', or 'down: <why>' when the probe fails or takes longer than the limit. */
async function statusOf(probe: () => Promise<unknown>, limitMs: number): Promise<DependencyStatus> {
  const stopTimer = new AbortController();
  const timeout = delay(limitMs, undefined, { signal: stopTimer.signal }).then(() => {
    throw new Error(`no answer within ${limitMs} ms`);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'up';
  } catch (error) {
    return `down: ${(error as Error).message}`;
  } finally {
    stopTimer.abort();
    timeout.catch(() => {});
  }
}

export class Readiness {
  private readonly database: ActivitiesDatabase;
  private readonly broker: EventBroker;
  private readonly limitMs: number;

  constructor({
    database,
    broker,
    limitMs = 3_000,
  }: {
    database: ActivitiesDatabase;
    broker: EventBroker;
    limitMs?: number;
  }) {
    this.database = database;
    this.broker = broker;
    this.limitMs = limitMs;
  }

  async check(): Promise<{ status: 'ready'; dependencies: Record<string, DependencyStatus> }> {
    const [postgres, kafka] = await Promise.all([
      statusOf(() => this.database.$queryRaw`SELECT 1`, this.limitMs),
      // lists the topics: a metadata request to the brokers
      statusOf(() => this.broker.ensureTopics([]), this.limitMs),
    ]);
    const dependencies = { postgres, kafka };
    const down = Object.entries(dependencies).filter(([, status]) => status !== 'up');
    if (down.length > 0) {
      throw new ActivitiesError(
        'DEPENDENCY_UNAVAILABLE',
        `not ready: ${down.map(([name, status]) => `${name} is ${status}`).join('; ')}`,
        down.map(([field, message]) => ({ field, message })),
      );
    }
    return { status: 'ready', dependencies };
  }
}
