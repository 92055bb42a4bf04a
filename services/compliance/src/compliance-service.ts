import { createTokenVerifier } from '@cttech/auth';
import { KafkajsBroker } from '@cttech/messaging';
import { applyMigrations } from '@cttech/migrations';
import { createComplianceApp } from './compliance-app.ts';
import type { ComplianceConfig } from './config.ts';
import { migrationsDir, openComplianceDatabase } from './database.ts';

/** The running service: its HTTP server, database and Kafka connections. */
export interface ComplianceService {
  readonly url: string;
  /** Stops taking requests, stops the consumer and relay, then closes the connections. */
  close(): Promise<void>;
}

export async function startComplianceService(config: ComplianceConfig): Promise<ComplianceService> {
  const migrations = await applyMigrations(config.DATABASE_URL, migrationsDir);
  if (migrations.applied.length > 0) {
    console.log(`compliance: applied migrations ${migrations.applied.join(', ')}`);
  }
  const database = openComplianceDatabase(config.DATABASE_URL);
  const broker = new KafkajsBroker({ brokers: config.KAFKA_BROKERS, clientId: 'compliance' });
  const app = await createComplianceApp({
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
  });
  await app.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  const url = await app.getUrl();
  console.log(`compliance: listening on ${url}`);
  return {
    url,
    close: async () => {
      await app.close();
      await broker.disconnect();
      await database.$disconnect();
    },
  };
}
