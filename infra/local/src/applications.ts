import { ApplicationProcess } from './application-process.ts';
import { adminUrl } from './postgres.ts';
import { developmentIssuer, host, ports } from './versions.ts';

const kafkaBrokers = `${host}:${ports.kafka}`;
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
    AUTH_JWKS_URL: developmentIssuer.jwksUrl,
    AUTH_ISSUER: developmentIssuer.issuer,
    AUTH_AUDIENCE: developmentIssuer.audience,
  },
  readiness: { url: `http://${host}:${ports.compliance}/health/ready` },
  listening: [`compliance service http://${host}:${ports.compliance}`],
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
    HTTP_PORT: String(ports.gateway),
    AUTH_DEV_ISSUER: 'true',
    AUTH_ISSUER: developmentIssuer.issuer,
    AUTH_AUDIENCE: developmentIssuer.audience,
  },
  readiness: { url: `http://${host}:${ports.gateway}/health/ready` },
  listening: [
    `gateway http://${host}:${ports.gateway}/api/v1 (OpenAPI: /api/v1/openapi.json)`,
    `development issuer http://${host}:${ports.gateway}/dev/tokens (demo users, local only)`,
  ],
  stopGraceMs: 30_000,
});

/**
 * The system's own processes in the order they start (`down` stops them in reverse): the
 * gateway is ready only once the compliance service is (its readiness asks it), and the
 * compliance service fetches the development issuer's keys from the gateway only when the first
 * request comes.
 */
export const applications = [engagementWorker, complianceService, gateway] as const;
