import { loadConfig, variable } from '@cttech/config';
import { trustedIssuersVariable } from '@cttech/auth';
import { topics } from '@cttech/contracts';
import { z } from 'zod';

/** Every variable the compliance service reads, validated once at boot. */
export const complianceVariables = {
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgresql:// URL'),
  KAFKA_BROKERS: variable.hostPorts().default(['127.0.0.1:59092']),
  HTTP_PORT: variable.port().default(53010),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  AUTH_JWKS_URL: variable.url(),
  AUTH_ISSUER: z.string().min(1),
  AUTH_AUDIENCE: z.string().min(1),
  /** Further issuers trusted besides AUTH_ISSUER: `<issuer> <jwks-url>`, comma-separated. */
  AUTH_ALSO_TRUSTED: trustedIssuersVariable(),
  ENGAGEMENT_EVENTS_TOPIC: z.string().min(1).default(topics.engagementEvents),
  COMPLIANCE_EVENTS_TOPIC: z.string().min(1).default(topics.complianceEvents),
  ACTIVITY_EVENTS_TOPIC: z.string().min(1).default(topics.activityEvents),
  CONSUMER_GROUP: z.string().min(1).default('compliance'),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable.url().optional(),
};

export type ComplianceConfig = ReturnType<typeof loadComplianceConfig>;

/** The configuration, or a ConfigError listing every missing or bad variable. */
export function loadComplianceConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(complianceVariables, env);
}

/** Keys never printed as they are (the database URL carries a password). */
export const sensitiveConfigKeys = ['DATABASE_URL'] as const;
