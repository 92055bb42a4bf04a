// The activities service's configuration: every variable it reads, validated once at boot.
import { loadConfig, variable } from '@cttech/config';
import { trustedIssuersVariable } from '@cttech/auth';
import { topics } from '@cttech/contracts';
import { PersonalDataCipher, PersonalDataError } from '@cttech/personal-data';
import { z } from 'zod';

/**
 * The keyring that seals participants' names and contact details (`id:base64key,…`, the first
 * key sealing): read into a cipher at once, so the key text is kept nowhere else. A bad entry
 * is named, never the key.
 */
const personalDataKeys = z.string().transform((keyring, context) => {
  try {
    return new PersonalDataCipher(keyring);
  } catch (error) {
    if (!(error instanceof PersonalDataError)) throw error;
    context.addIssue({ code: 'custom', message: error.message });
    return z.NEVER;
  }
});

/** Every variable the activities service reads. */
export const activitiesVariables = {
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgresql:// URL'),
  KAFKA_BROKERS: variable.hostPorts().default(['127.0.0.1:59092']),
  HTTP_PORT: variable.port().default(53020),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  AUTH_JWKS_URL: variable.url(),
  AUTH_ISSUER: z.string().min(1),
  AUTH_AUDIENCE: z.string().min(1),
  /** Further issuers trusted besides AUTH_ISSUER: `<issuer> <jwks-url>`, comma-separated. */
  AUTH_ALSO_TRUSTED: trustedIssuersVariable(),
  ENGAGEMENT_EVENTS_TOPIC: z.string().min(1).default(topics.engagementEvents),
  ACTIVITY_EVENTS_TOPIC: z.string().min(1).default(topics.activityEvents),
  CONSUMER_GROUP: z.string().min(1).default('activities'),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable.url().optional(),
  PERSONAL_DATA_KEYS: personalDataKeys,
};

export type ActivitiesConfig = ReturnType<typeof loadActivitiesConfig>;

/** The configuration, or a ConfigError listing every missing or bad variable. */
export function loadActivitiesConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(activitiesVariables, env);
}

/** Keys never printed as they are (the database URL carries a password; the keyring, keys). */
export const sensitiveConfigKeys = ['DATABASE_URL', 'PERSONAL_DATA_KEYS'] as const;
