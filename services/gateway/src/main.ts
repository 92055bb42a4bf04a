#!/usr/bin/env node
// The gateway process: validates its configuration, starts telemetry first (so that the
// modules it traces load after it), connects to Temporal, serves HTTP until SIGTERM or
// SIGINT, then stops taking requests, lets those in flight finish and closes its connections.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeConfig } from '@cttech/config';
import { startTelemetry } from '@cttech/telemetry';
import { loadGatewayConfig } from './config.ts';

const config = loadGatewayConfig();
const telemetry = startTelemetry({
  serviceName: 'gateway',
  otlpEndpoint: config.otlpEndpoint,
  instrumentHttp: true,
});

// loaded after telemetry has started, so that their use of node:http and gRPC is traced
const { createTokenVerifier, DevelopmentIssuer } = await import('@cttech/auth');
const { Connection } = await import('@temporalio/client');
const { createGateway } = await import('./gateway.ts');
const { createEngagementClient } = await import('@cttech/engagement-workflow/client');
const { TemporalEngagementWorkflows } =
  await import('./engagements/temporal-engagement-workflows.ts');
const { kafkaCheck, serviceCheck, temporalCheck } = await import('./health/dependency-checks.ts');
const { ServiceClient } = await import('./services/service-client.ts');
const { HttpComplianceMonitoring } = await import('./compliance/http-compliance-monitoring.ts');
const { KafkajsBroker } = await import('@cttech/messaging');
const { BrokerMessageOperations } = await import('./operations/broker-message-operations.ts');
const { TemporalWorkflowOperations } = await import('./operations/temporal-workflow-operations.ts');

const connection = await Connection.connect({ address: config.temporal.address });
const client = createEngagementClient({
  connection,
  namespace: config.temporal.namespace,
  telemetry,
});

const broker = new KafkajsBroker({ brokers: config.kafka.brokers, clientId: 'gateway' });

const { auth } = config;
const developmentIssuer = auth.developmentIssuer
  ? await DevelopmentIssuer.create({ issuer: auth.developmentIssuer, audience: auth.audience })
  : undefined;
// the identity provider first, then any issuers trusted besides it, then the local issuer
const [firstTrusted, ...alsoTrusted] = [
  ...(auth.identityProvider ? [auth.identityProvider] : []),
  ...auth.alsoTrusted,
  ...(developmentIssuer && auth.developmentIssuer
    ? [{ issuer: auth.developmentIssuer, jwks: developmentIssuer.jwks() }]
    : []),
];
if (!firstTrusted) throw new Error('gateway: no issuer is trusted (the configuration allows none)');
const verifyToken = createTokenVerifier({ ...firstTrusted, audience: auth.audience, alsoTrusted });

const complianceService = new ServiceClient({
  service: 'compliance',
  baseUrl: config.complianceUrl,
});
const activitiesService = new ServiceClient({
  service: 'activities',
  baseUrl: config.activitiesUrl,
});
const notificationsService = new ServiceClient({
  service: 'notifications',
  baseUrl: config.notificationsUrl,
});

/** The console's folder when it is built; otherwise the gateway serves the API alone. */
function consoleDir(): string | undefined {
  if (config.consoleDir === undefined) return undefined;
  if (existsSync(join(config.consoleDir, 'index.html'))) return config.consoleDir;
  console.warn(
    `gateway: no console at ${config.consoleDir} (build it first); serving the API only`,
  );
  return undefined;
}

const { app } = await createGateway({
  ports: {
    verifyToken,
    engagements: new TemporalEngagementWorkflows(client, config.temporal.taskQueue),
    compliance: new HttpComplianceMonitoring(complianceService),
    activities: activitiesService,
    notifications: notificationsService,
    operations: {
      messages: new BrokerMessageOperations(broker, config.kafka.consumerGroups),
      workflows: new TemporalWorkflowOperations(client, config.temporal.taskQueue),
    },
    dependencies: [
      temporalCheck(client),
      kafkaCheck(broker),
      serviceCheck(complianceService),
      serviceCheck(activitiesService),
      serviceCheck(notificationsService),
    ],
    developmentIssuer,
  },
  bodyLimitBytes: config.http.bodyLimitBytes,
  rateLimitPerMinute: config.rateLimitPerMinute,
  consoleDir: consoleDir(),
  consoleSignIn: config.consoleSignIn,
});
await app.listen({ host: config.http.host, port: config.http.port });
console.log(
  `gateway: listening on http://${config.http.host}:${config.http.port} (api under /api/v1, document at /api/v1/openapi.json)`,
  JSON.stringify(describeConfig({ ...config }, [])),
);
if (developmentIssuer) {
  console.warn(
    'gateway: AUTH_DEV_ISSUER is on: /dev/tokens mints tokens for demo users (local only)',
  );
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`gateway: ${signal}, finishing requests in flight`);
    void app
      .close()
      .then(() => broker.disconnect())
      .then(() => connection.close())
      .then(() => telemetry.shutdown())
      .then(
        () => console.log('gateway: stopped'),
        (error: unknown) => {
          console.error('gateway: stopping failed', error);
          process.exitCode = 1;
        },
      );
  });
}
