import { randomBytes } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import pg from 'pg';
import pRetry from 'p-retry';
import { localInfrastructure, type LocalInfrastructure } from './infrastructure.ts';
import { reach, redactedUrl } from './reachability.ts';

export interface SuiteDatabase {
  readonly name: string;
  /** Connection string for the suite's own database. */
  readonly url: string;
}

/**
 * One test suite's private slice of the real servers: its own database, Kafka topics with
 * a unique prefix and its own Temporal task queues, so suites never see each other's data.
 * `close()` drops what it created.
 */
export class TestSuite {
  readonly id: string;
  readonly infrastructure: LocalInfrastructure;
  private readonly databases: SuiteDatabase[] = [];
  private readonly topics: string[] = [];
  private kafkaClient: Kafka | undefined;
  private temporal: Connection | undefined;

  constructor(name: string, infrastructure: LocalInfrastructure = localInfrastructure()) {
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
    this.id = `${slug.slice(0, 40)}_${randomBytes(4).toString('hex')}`;
    this.infrastructure = infrastructure;
  }

  /** A Kafka topic name private to this suite. */
  topic(name: string): string {
    return `${this.id}.${name}`;
  }

  /** A Temporal task queue private to this suite. */
  taskQueue(name = 'main'): string {
    return `${this.id}.${name}`;
  }

  /** Creates a fresh, empty database owned by this suite. */
  async createDatabase(name = 'db'): Promise<SuiteDatabase> {
    const databaseName = `${this.id}_${name}`.slice(0, 63);
    await this.withAdmin((admin) => admin.query(`CREATE DATABASE "${databaseName}"`));
    const url = new URL(this.infrastructure.postgresAdminUrl);
    url.pathname = `/${databaseName}`;
    const database = { name: databaseName, url: url.toString() };
    this.databases.push(database);
    return database;
  }

  /** A kafkajs client for the real broker, named after this suite. */
  kafka(): Kafka {
    this.kafkaClient ??= new Kafka({
      clientId: this.id,
      brokers: [...this.infrastructure.kafkaBrokers],
      // a fresh broker answers "coordinator not available" while it creates its internal
      // topics, and kafkajs logs every retry as an error; real failures still throw
      logLevel: logLevel.NOTHING,
      connectionTimeout: 3_000,
      retry: { retries: 3, initialRetryTime: 200 },
    });
    return this.kafkaClient;
  }

  /** Creates this suite's topics (names as given to {@link topic}) and returns their full names. */
  async createTopics(names: readonly string[], numPartitions = 1): Promise<string[]> {
    const topics = names.map((name) => this.topic(name));
    // a broker may briefly answer that it does not host a topic it has just created
    await this.withKafkaAdmin((admin) =>
      pRetry(
        () =>
          admin.createTopics({
            waitForLeaders: true,
            topics: topics.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })),
          }),
        {
          retries: 5,
          minTimeout: 100,
          maxTimeout: 1_000,
          shouldRetry: ({ error }) => (error as Error & { retriable?: boolean }).retriable === true,
        },
      ),
    );
    this.topics.push(...topics);
    return topics;
  }

  /** A connection to the real Temporal server (the dev server started by `pnpm infra up`). */
  async temporalConnection(): Promise<Connection> {
    const address = this.infrastructure.temporalAddress;
    this.temporal ??= await reach('Temporal', address, () =>
      Connection.connect({ address, connectTimeout: '3s' }),
    );
    return this.temporal;
  }

  /** Drops the suite's databases and topics and closes its connections. */
  async close(): Promise<void> {
    if (this.databases.length > 0) {
      await this.withAdmin(async (admin) => {
        for (const { name } of this.databases.splice(0)) {
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        }
      });
    }
    if (this.topics.length > 0) {
      const topics = this.topics.splice(0);
      await this.withKafkaAdmin((admin) => admin.deleteTopics({ topics }));
    }
    await this.temporal?.close();
    this.temporal = undefined;
  }

  private async withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
    const url = this.infrastructure.postgresAdminUrl;
    const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    await reach('PostgreSQL', redactedUrl(url), () => admin.connect());
    try {
      return await work(admin);
    } finally {
      await admin.end();
    }
  }

  private async withKafkaAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka().admin();
    await reach('Kafka', this.infrastructure.kafkaBrokers.join(','), () => admin.connect());
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}

/** Opens a suite's isolated slice of the real servers; call `close()` in `afterAll`. */
export function openTestSuite(name: string): TestSuite {
  return new TestSuite(name);
}
