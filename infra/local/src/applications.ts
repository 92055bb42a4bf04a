import { ApplicationProcess } from './application-process.ts';
import { join } from 'node:path';
import { repositoryRoot } from './paths.ts';
import { adminUrl } from './postgres.ts';
import { developmentIssuer, host, identityProvider, ports } from './versions.ts';

const kafkaBrokers = `${host}:${ports.kafka}`;

/**
 * How the services check tokens locally: the identity provider's, and the gateway's development
 * issuer's beside them (the demo seeding, the tests and the benchmarks use those).
 */
const serviceTokenTrust = {
  AUTH_JWKS_URL: identityProvider.jwksUrl,
  AUTH_ISSUER: identityProvider.issuer,
  AUTH_AUDIENCE: developmentIssuer.audience,
  AUTH_ALSO_TRUSTED: `${developmentIssuer.issuer} ${developmentIssuer.jwksUrl}`,
} as const;

/** The local OpenID Connect provider the console signs in through (development only). */
export const identityProviderProcess = new ApplicationProcess({
  name: 'identity-provider',
  title: 'Identity provider',
  main: 'infra/local/src/identity-provider-main.ts',
  env: {},
  readiness: { url: `${identityProvider.issuer}/health` },
  listening: [
    `identity provider ${identityProvider.issuer} (OpenID Connect, demo users; password = username)`,
  ],
  stopGraceMs: 10_000,
});
const temporalAddress = `${host}:${ports.temporal}`;

/** The engagement workflow's worker and the bridge it runs. */
export const engagementWorker = new ApplicationProcess({
  name: 'engagement-worker',
  title: 'Worker',
  main: 'workflows/engagement/dist/main.js',
  env: { TEMPORAL_ADDRESS: temporalAddress, KAFKA_BROKERS: kafkaBrokers },
  readiness: {
    logLine: 'engagement worker: polling',
    stoppedLine: 'engagement worker: stopped',
  },
  listening: [`engagement worker, task queue engagements on ${temporalAddress}`],
  stopGraceMs: 45_000,
});

/** The compliance service: reviews, decisions, the audit trail. */
export const complianceService = new ApplicationProcess({
  name: 'compliance',
  title: 'Compliance',
  main: 'services/compliance/dist/src/main.js',
  env: {
    DATABASE_URL: adminUrl('compliance'),
    KAFKA_BROKERS: kafkaBrokers,
    HTTP_PORT: String(ports.compliance),
    ...serviceTokenTrust,
  },
  readiness: { url: `http://${host}:${ports.compliance}/health/ready` },
  listening: [`compliance service http://${host}:${ports.compliance}`],
  stopGraceMs: 30_000,
});

/**
 * A development key for trainees' names and contact details (the activities service seals them
 * with it). Local only: production gives PERSONAL_DATA_KEYS from its secret store.
 */
const developmentPersonalDataKeys = `dev-2026:${Buffer.alloc(32, 'cttech-local-development-key').toString('base64')}`;

/** The activities service: activities, pseudonymous participants, attendance, closing courses. */
export const activitiesService = new ApplicationProcess({
  name: 'activities',
  title: 'Activities',
  main: 'services/activities/dist/src/main.js',
  env: {
    DATABASE_URL: adminUrl('activities'),
    KAFKA_BROKERS: kafkaBrokers,
    HTTP_PORT: String(ports.activities),
    ...serviceTokenTrust,
    PERSONAL_DATA_KEYS: developmentPersonalDataKeys,
  },
  readiness: { url: `http://${host}:${ports.activities}/health/ready` },
  listening: [`activities service http://${host}:${ports.activities}`],
  stopGraceMs: 30_000,
});

/** The notifications service: in-app inbox, e-mail, webhooks, digests. */
export const notificationsService = new ApplicationProcess({
  name: 'notifications',
  title: 'Notifications',
  main: 'services/notifications/dist/src/main.js',
  env: {
    DATABASE_URL: adminUrl('notifications'),
    KAFKA_BROKERS: kafkaBrokers,
    HTTP_PORT: String(ports.notifications),
    TEMPORAL_ADDRESS: temporalAddress,
    ...serviceTokenTrust,
  },
  readiness: { url: `http://${host}:${ports.notifications}/health/ready` },
  listening: [`notifications service http://${host}:${ports.notifications}`],
  stopGraceMs: 30_000,
});

/** The public API: /api/v1, with the development issuer for the demo users. */
export const gateway = new ApplicationProcess({
  name: 'gateway',
  title: 'Gateway',
  main: 'services/gateway/dist/main.js',
  env: {
    TEMPORAL_ADDRESS: temporalAddress,
    KAFKA_BROKERS: kafkaBrokers,
    COMPLIANCE_URL: `http://${host}:${ports.compliance}`,
    ACTIVITIES_URL: `http://${host}:${ports.activities}`,
    NOTIFICATIONS_URL: `http://${host}:${ports.notifications}`,
    CONSOLE_DIR: join(repositoryRoot, 'services', 'console', 'dist'),
    HTTP_PORT: String(ports.gateway),
    AUTH_DEV_ISSUER: 'true',
    AUTH_ISSUER: identityProvider.issuer,
    AUTH_JWKS_URL: identityProvider.jwksUrl,
    AUTH_AUDIENCE: developmentIssuer.audience,
    CONSOLE_OIDC_CLIENT_ID: identityProvider.consoleClientId,
  },
  readiness: { url: `http://${host}:${ports.gateway}/health/ready` },
  listening: [
    `console http://${host}:${ports.gateway}/console/ (sign in through the identity provider, or as a demo user)`,
    `gateway http://${host}:${ports.gateway}/api/v1 (OpenAPI: /api/v1/openapi.json)`,
    `development issuer http://${host}:${ports.gateway}/dev/tokens (demo users, local only)`,
  ],
  stopGraceMs: 30_000,
});

/**
 * The system's own processes in the order they start (`down` stops them in reverse): the
 * identity provider first, since everything else trusts its tokens; the
 * gateway is ready only once the services are (its readiness asks them), and the services fetch
 * the development issuer's keys from the gateway only when the first request comes.
 */
export const applications = [
  identityProviderProcess,
  engagementWorker,
  complianceService,
  activitiesService,
  notificationsService,
  gateway,
] as const;
