// The notifications service's configuration: every variable it reads, validated once at boot,
// each bad or missing one named.
import { ConfigError, loadConfig, variable } from '@cttech/config';
import { trustedIssuersVariable } from '@cttech/auth';
import { topics } from '@cttech/contracts';
import { Cron } from 'croner';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';

/** Whether croner reads the pattern (five or six fields, or a nickname such as `@daily`). */
function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true, timezone: 'UTC' }).stop();
    return true;
  } catch {
    return false;
  }
}

/** One mailbox, `address@domain` or `Name <address@domain>`. */
function isMailbox(text: string): boolean {
  const parsed = addressparser(text, { flatten: true });
  return parsed.length === 1 && /^[^\s@]+@[^\s@]+$/.test(parsed[0]?.address ?? '');
}

const milliseconds = (min: number) => z.coerce.number().int().min(min);

/** Every variable the notifications service reads. */
export const notificationsVariables = {
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgresql:// URL'),
  KAFKA_BROKERS: variable.hostPorts().default(['127.0.0.1:59092']),
  HTTP_PORT: variable.port().default(53030),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  AUTH_JWKS_URL: variable.url(),
  AUTH_ISSUER: z.string().min(1),
  AUTH_AUDIENCE: z.string().min(1),
  /** Further issuers trusted besides AUTH_ISSUER: `<issuer> <jwks-url>`, comma-separated. */
  AUTH_ALSO_TRUSTED: trustedIssuersVariable(),
  ENGAGEMENT_EVENTS_TOPIC: z.string().min(1).default(topics.engagementEvents),
  COMPLIANCE_EVENTS_TOPIC: z.string().min(1).default(topics.complianceEvents),
  ACTIVITY_EVENTS_TOPIC: z.string().min(1).default(topics.activityEvents),
  CONSUMER_GROUP: z.string().min(1).default('notifications'),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable.url().optional(),
  /** `smtp://` or `smtps://`, credentials in the URL; unset: the e-mail channel is off. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+/, 'expected an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z
    .string()
    .refine(isMailbox, 'expected one address, such as Name <address@domain>')
    .default('CT TECH+ notifications <notifications@cttech.example.org>'),
  /** A JSON file listing the staff; unset: the demo users of @cttech/auth. */
  STAFF_DIRECTORY_FILE: z.string().min(1).optional(),
  /** When the programme managers' daily digest goes out, in UTC. */
  DIGEST_CRON: z
    .string()
    .refine(isCronPattern, 'expected a cron pattern such as 0 7 * * *')
    .default('0 7 * * *'),
  WEBHOOK_TIMEOUT_MS: milliseconds(100).default(10_000),
  /** Attempts of an e-mail or webhook delivery before it is dead (the first included). */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  DELIVERY_RETRY_FIRST_DELAY_MS: milliseconds(1).default(30_000),
  DELIVERY_RETRY_MAX_DELAY_MS: milliseconds(1).default(3_600_000),
  /** How often an idle dispatcher looks for deliveries that are due. */
  DISPATCH_POLL_MS: milliseconds(10).default(1_000),
  /** How often a live stream (server-sent events) sends a heartbeat comment. */
  SSE_HEARTBEAT_MS: milliseconds(100).default(15_000),
  /** Temporal, where the workflow watch looks for failed and timed-out workflow runs. */
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port')
    .default('127.0.0.1:57233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** How often the workflow watch looks. */
  WORKFLOW_WATCH_INTERVAL_MS: milliseconds(1_000).default(60_000),
};

export type NotificationsConfig = ReturnType<typeof loadNotificationsConfig>;

/** The configuration, or a ConfigError listing every missing or bad variable. */
export function loadNotificationsConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(notificationsVariables, env);
  if (config.DELIVERY_RETRY_FIRST_DELAY_MS > config.DELIVERY_RETRY_MAX_DELAY_MS) {
    throw new ConfigError([
      'DELIVERY_RETRY_FIRST_DELAY_MS: must not exceed DELIVERY_RETRY_MAX_DELAY_MS',
    ]);
  }
  return config;
}

/** Keys never printed as they are (the URLs carry passwords). */
export const sensitiveConfigKeys = ['DATABASE_URL', 'SMTP_URL'] as const;
