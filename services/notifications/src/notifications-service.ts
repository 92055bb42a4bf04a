// The running notifications service: migrations applied, the staff directory read, then the
// HTTP server, the consumer, the dispatcher, the digest schedule and the workflow watch on their
// connections.
import { createTokenVerifier } from '@cttech/auth';
import { KafkajsBroker } from '@cttech/messaging';
import { applyMigrations } from '@cttech/migrations';
import { Client, Connection } from '@temporalio/client';
import type { NotificationsConfig } from './config.ts';
import { migrationsDir, openNotificationsDatabase } from './database.ts';
import { createNotificationsApp } from './notifications-app.ts';
import { DeliveryDispatcher } from './deliveries/delivery-dispatcher.ts';
import { NotificationFeed } from './in-app/notification-feed.ts';
import { NotificationIntake } from './notification-intake.ts';
import { WorkflowWatch } from './operations/workflow-watch.ts';
import { demoStaffDirectory, readStaffDirectory } from './recipients/staff-directory.ts';

export interface NotificationsService {
  readonly url: string;
  /** Stops taking requests, stops the consumer, dispatcher and schedule, closes the connections. */
  close(): Promise<void>;
}

export async function startNotificationsService(
  config: NotificationsConfig,
): Promise<NotificationsService> {
  const staff = config.STAFF_DIRECTORY_FILE
    ? await readStaffDirectory(config.STAFF_DIRECTORY_FILE)
    : demoStaffDirectory();
  console.log(
    `notifications: ${staff.length} staff from ${config.STAFF_DIRECTORY_FILE ?? 'the demo users (STAFF_DIRECTORY_FILE is not set)'}`,
  );
  if (!config.SMTP_URL) {
    console.log(
      'notifications: SMTP_URL is not set: the e-mail channel is off (in-app and webhooks only)',
    );
  }
  const migrations = await applyMigrations(config.DATABASE_URL, migrationsDir);
  if (migrations.applied.length > 0) {
    console.log(`notifications: applied migrations ${migrations.applied.join(', ')}`);
  }
  const database = openNotificationsDatabase(config.DATABASE_URL);
  const broker = new KafkajsBroker({ brokers: config.KAFKA_BROKERS, clientId: 'notifications' });
  const app = await createNotificationsApp({
    database,
    broker,
    verifyToken: createTokenVerifier({
      jwksUrl: config.AUTH_JWKS_URL,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      alsoTrusted: config.AUTH_ALSO_TRUSTED,
    }),
    engagementEventsTopic: config.ENGAGEMENT_EVENTS_TOPIC,
    complianceEventsTopic: config.COMPLIANCE_EVENTS_TOPIC,
    activityEventsTopic: config.ACTIVITY_EVENTS_TOPIC,
    consumerGroup: config.CONSUMER_GROUP,
    staff,
    email: config.SMTP_URL ? { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM } : undefined,
    webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
    deliveryRetry: {
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
      firstDelayMs: config.DELIVERY_RETRY_FIRST_DELAY_MS,
      maxDelayMs: config.DELIVERY_RETRY_MAX_DELAY_MS,
    },
    dispatchPollMs: config.DISPATCH_POLL_MS,
    heartbeatMs: config.SSE_HEARTBEAT_MS,
    digestCron: config.DIGEST_CRON,
  });
  await app.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  const url = await app.getUrl();
  console.log(`notifications: listening on ${url}; the digest runs at ${config.DIGEST_CRON} (UTC)`);
  // connected on first use: the service serves its inbox while Temporal is away
  const temporal = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const feed = app.get(NotificationFeed);
  const dispatcher = app.get(DeliveryDispatcher);
  const workflowWatch = new WorkflowWatch({
    client: new Client({ connection: temporal, namespace: config.TEMPORAL_NAMESPACE }),
    database,
    intake: new NotificationIntake({ emailChannelOn: config.SMTP_URL !== undefined }),
    committed: (notifications) => {
      feed.publish(notifications);
      dispatcher.wake();
    },
    intervalMs: config.WORKFLOW_WATCH_INTERVAL_MS,
    logger: console,
  });
  workflowWatch.start();
  return {
    url,
    close: async () => {
      await workflowWatch.stop();
      await temporal.close();
      await app.close();
      await broker.disconnect();
      await database.$disconnect();
    },
  };
}
