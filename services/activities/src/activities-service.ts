// The running activities service: migrations applied, then HTTP, the consumer and the relay on
// its database and Kafka connections, closed in order.
import { createTokenVerifier } from '@cttech/auth';
import { KafkajsBroker } from '@cttech/messaging';
import { applyMigrations } from '@cttech/migrations';
import { createActivitiesApp } from './activities-app.ts';
import type { ActivitiesConfig } from './config.ts';
import { migrationsDir, openActivitiesDatabase } from './database.ts';

export interface ActivitiesService {
  readonly url: string;
  /** Stops taking requests, stops the consumer and relay, then closes the connections. */
  close(): Promise<void>;
}

export async function startActivitiesService(config: ActivitiesConfig): Promise<ActivitiesService> {
  const migrations = await applyMigrations(config.DATABASE_URL, migrationsDir);
  if (migrations.applied.length > 0) {
    console.log(`activities: applied migrations ${migrations.applied.join(', ')}`);
  }
  const database = openActivitiesDatabase(config.DATABASE_URL);
  const broker = new KafkajsBroker({ brokers: config.KAFKA_BROKERS, clientId: 'activities' });
  const app = await createActivitiesApp({
    database,
    broker,
    verifyToken: createTokenVerifier({
      jwksUrl: config.AUTH_JWKS_URL,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      alsoTrusted: config.AUTH_ALSO_TRUSTED,
    }),
    cipher: config.PERSONAL_DATA_KEYS,
    engagementEventsTopic: config.ENGAGEMENT_EVENTS_TOPIC,
    activityEventsTopic: config.ACTIVITY_EVENTS_TOPIC,
    consumerGroup: config.CONSUMER_GROUP,
  });
  await app.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  const url = await app.getUrl();
  console.log(`activities: listening on ${url}`);
  return {
    url,
    close: async () => {
      await app.close();
      await broker.disconnect();
      await database.$disconnect();
    },
  };
}
