// The gateway's configuration: read once at boot, every bad or missing variable listed at once.
import { developmentIssuerName, trustedIssuersVariable, type TrustedIssuer } from '@cttech/auth';
import { ConfigError, loadConfig, variable } from '@cttech/config';
import { deadLetterTopic, topics } from '@cttech/contracts';
import { engagementTaskQueue } from '@cttech/engagement-workflow';
import { z } from 'zod';

export const gatewayVariables = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_PORT: variable.port().default(53_000),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port')
    .default('127.0.0.1:57233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(engagementTaskQueue),
  /** Where the identity provider publishes its signing keys; not needed with AUTH_DEV_ISSUER. */
  AUTH_JWKS_URL: variable.url().optional(),
  /** The identity provider's issuer (`iss`); the console signs in through it (OIDC discovery). */
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).default('cttech-gateway'),
  /** Further issuers trusted besides AUTH_ISSUER: `<issuer> <jwks-url>`, comma-separated. */
  AUTH_ALSO_TRUSTED: trustedIssuersVariable(),
  /** Local only: the gateway issues tokens for the demo users itself. Refused in production. */
  AUTH_DEV_ISSUER: variable.boolean().default(false),
  /** The console's OIDC client at the identity provider (public, PKCE); unset: no OIDC sign-in. */
  CONSOLE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The scopes the console asks the identity provider for. */
  CONSOLE_OIDC_SCOPE: z
    .string()
    .regex(
      /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/,
      'expected scopes separated by single spaces',
    )
    .refine((scope) => scope.split(' ').includes('openid'), 'must include openid')
    .default('openid profile'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(16 * 1_024 * 1_024)
    .default(256 * 1_024),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable.url().optional(),
  /** The compliance service: reviews and the audit trail are forwarded to it. */
  COMPLIANCE_URL: variable.url().default('http://127.0.0.1:53010'),
  /** The built web console to serve under /console/ (its dist folder); unset: no console. */
  CONSOLE_DIR: z.string().min(1).optional(),
  /** The activities service: activities, participants and attendance are forwarded to it. */
  ACTIVITIES_URL: variable.url().default('http://127.0.0.1:53020'),
  /** The notifications service: each user's inbox, live stream and preferences. */
  NOTIFICATIONS_URL: variable.url().default('http://127.0.0.1:53030'),
  /** Kafka, for the operators' dead letters and consumer lag. */
  KAFKA_BROKERS: variable.hostPorts().default(['127.0.0.1:59092']),
  /** The consumer groups whose lag operators watch. */
  ENGAGEMENT_BRIDGE_GROUP: z.string().min(1).default('engagement-bridge'),
  COMPLIANCE_GROUP: z.string().min(1).default('compliance'),
  ACTIVITIES_GROUP: z.string().min(1).default('activities'),
  NOTIFICATIONS_GROUP: z.string().min(1).default('notifications'),
};

/**
 * Whose access tokens are accepted: the organisation's identity provider (absent only locally,
 * with the development issuer alone), any issuers trusted besides it, and locally the gateway's
 * own development issuer.
 */
export interface AuthConfig {
  readonly audience: string;
  readonly identityProvider: { readonly issuer: string; readonly jwksUrl: string } | undefined;
  readonly alsoTrusted: readonly TrustedIssuer[];
  /** The development issuer's name when AUTH_DEV_ISSUER is on (local use only). */
  readonly developmentIssuer: string | undefined;
}

/** How the console signs in through the identity provider (OIDC, authorization code + PKCE). */
export interface ConsoleSignIn {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

export interface GatewayConfig {
  readonly production: boolean;
  readonly http: { readonly host: string; readonly port: number; readonly bodyLimitBytes: number };
  readonly rateLimitPerMinute: number;
  readonly temporal: {
    readonly address: string;
    readonly namespace: string;
    readonly taskQueue: string;
  };
  readonly auth: AuthConfig;
  readonly otlpEndpoint: string | undefined;
  readonly complianceUrl: string;
  readonly activitiesUrl: string;
  readonly consoleDir: string | undefined;
  /** Unset: the console offers no sign-in through the identity provider. */
  readonly consoleSignIn: ConsoleSignIn | undefined;
  readonly notificationsUrl: string;
  readonly kafka: {
    readonly brokers: readonly string[];
    /** The consumer groups whose lag operators watch, with the topics each reads. */
    readonly consumerGroups: readonly { groupId: string; topics: readonly string[] }[];
  };
}

/** Rules between variables, checked on the raw values so that they add to the list. */
function crossChecks(env: Record<string, string | undefined>): string[] {
  const developmentIssuer = env.AUTH_DEV_ISSUER === 'true' || env.AUTH_DEV_ISSUER === '1';
  const problems: string[] = [];
  if (developmentIssuer && env.NODE_ENV === 'production') {
    problems.push(
      'AUTH_DEV_ISSUER: the development issuer is for local use and is refused in production',
    );
  }
  // the identity provider: both variables, or (locally, with the development issuer) neither
  if (!developmentIssuer || env.AUTH_JWKS_URL || env.AUTH_ISSUER) {
    const alone = developmentIssuer ? ' (both, or neither with AUTH_DEV_ISSUER=true)' : '';
    const otherwise = developmentIssuer ? alone : ' (or AUTH_DEV_ISSUER=true locally)';
    if (!env.AUTH_JWKS_URL) problems.push(`AUTH_JWKS_URL is required${otherwise}`);
    if (!env.AUTH_ISSUER) problems.push(`AUTH_ISSUER is required${otherwise}`);
  }
  if (env.CONSOLE_OIDC_CLIENT_ID && !env.AUTH_ISSUER) {
    problems.push(
      'CONSOLE_OIDC_CLIENT_ID needs AUTH_ISSUER: the console signs in through that identity provider',
    );
  }
  return problems;
}

export function loadGatewayConfig(
  env: Record<string, string | undefined> = process.env,
): GatewayConfig {
  const problems: string[] = [];
  let values: z.infer<z.ZodObject<typeof gatewayVariables>> | undefined;
  try {
    values = loadConfig(gatewayVariables, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  problems.push(...crossChecks(env));
  if (problems.length > 0 || !values) throw new ConfigError(problems);

  const { AUTH_ISSUER: issuer, AUTH_JWKS_URL: jwksUrl } = values;
  const auth: AuthConfig = {
    audience: values.AUTH_AUDIENCE,
    identityProvider: issuer && jwksUrl ? { issuer, jwksUrl } : undefined,
    alsoTrusted: values.AUTH_ALSO_TRUSTED,
    developmentIssuer: values.AUTH_DEV_ISSUER ? developmentIssuerName : undefined,
  };
  const consoleSignIn =
    issuer && values.CONSOLE_OIDC_CLIENT_ID
      ? { issuer, clientId: values.CONSOLE_OIDC_CLIENT_ID, scope: values.CONSOLE_OIDC_SCOPE }
      : undefined;
  return {
    production: values.NODE_ENV === 'production',
    http: {
      host: values.HTTP_HOST,
      port: values.HTTP_PORT,
      bodyLimitBytes: values.BODY_LIMIT_BYTES,
    },
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    temporal: {
      address: values.TEMPORAL_ADDRESS,
      namespace: values.TEMPORAL_NAMESPACE,
      taskQueue: values.TEMPORAL_TASK_QUEUE,
    },
    auth,
    otlpEndpoint: values.OTEL_EXPORTER_OTLP_ENDPOINT,
    complianceUrl: values.COMPLIANCE_URL,
    activitiesUrl: values.ACTIVITIES_URL,
    consoleDir: values.CONSOLE_DIR,
    consoleSignIn,
    notificationsUrl: values.NOTIFICATIONS_URL,
    kafka: {
      brokers: values.KAFKA_BROKERS,
      consumerGroups: [
        {
          groupId: values.ENGAGEMENT_BRIDGE_GROUP,
          topics: [topics.complianceEvents, topics.activityEvents],
        },
        {
          groupId: values.COMPLIANCE_GROUP,
          topics: [topics.engagementEvents, topics.activityEvents],
        },
        { groupId: values.ACTIVITIES_GROUP, topics: [topics.engagementEvents] },
        {
          groupId: values.NOTIFICATIONS_GROUP,
          topics: [
            topics.engagementEvents,
            topics.complianceEvents,
            topics.activityEvents,
            ...Object.values(topics).map(deadLetterTopic),
          ],
        },
      ],
    },
  };
}
