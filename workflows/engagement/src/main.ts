#!/usr/bin/env node
// The engagement worker process: validates its configuration, starts telemetry, connects to
// Temporal and Kafka, runs the workflows and the bridge that delivers the services' events to
// them until SIGTERM or SIGINT, then finishes in-flight work and exits.
import { loadConfig, variable } from '@cttech/config';
import { topics } from '@cttech/contracts';
import { KafkajsBroker } from '@cttech/messaging';
import { startTelemetry } from '@cttech/telemetry';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { z } from 'zod';
import { engagementTaskQueue } from './contract.ts';
import { createEngagementBridge } from './engagement-bridge.ts';
import { createEngagementClient } from './engagement-client.ts';
import { KafkaEngagementEventPublisher } from './kafka-event-publisher.ts';
import { createEngagementWorker } from './worker.ts';

const config = loadConfig({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:57233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(engagementTaskQueue),
  KAFKA_BROKERS: variable.hostPorts().default(['127.0.0.1:59092']),
  ENGAGEMENT_EVENTS_TOPIC: z.string().min(1).default(topics.engagementEvents),
  COMPLIANCE_EVENTS_TOPIC: z.string().min(1).default(topics.complianceEvents),
  ACTIVITY_EVENTS_TOPIC: z.string().min(1).default(topics.activityEvents),
  BRIDGE_CONSUMER_GROUP: z.string().min(1).default('engagement-bridge'),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  /**
   * Workflows kept in memory between their tasks (the sticky cache): bounds the worker's memory.
   * The SDK's default grows with the heap limit (some 2,000 on a machine with 4 GB of heap), and
   * a workflow ended elsewhere (terminated) stays cached until pushed out.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(500),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable.url().optional(),
});

const telemetry = startTelemetry({
  serviceName: 'engagement-worker',
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const events = await KafkaEngagementEventPublisher.connect({
  brokers: config.KAFKA_BROKERS,
  topic: config.ENGAGEMENT_EVENTS_TOPIC,
  clientId: 'engagement-worker',
});
const worker = await createEngagementWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  ports: { events },
  shutdownGraceSeconds: config.SHUTDOWN_GRACE_SECONDS,
  maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  telemetry,
});

// the bridge: compliance decisions and activity records, delivered as workflow updates
const broker = new KafkajsBroker({ brokers: config.KAFKA_BROKERS, clientId: 'engagement-bridge' });
const bridgeTopics = [config.COMPLIANCE_EVENTS_TOPIC, config.ACTIVITY_EVENTS_TOPIC];
await broker.ensureTopics(bridgeTopics.map((topic) => ({ topic, partitions: 3 })));
const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
const bridge = createEngagementBridge({
  broker,
  client: createEngagementClient({
    connection: clientConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    telemetry,
  }),
  topics: bridgeTopics,
  groupId: config.BRIDGE_CONSUMER_GROUP,
});
await bridge.start();

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`engagement worker: ${signal}, finishing in-flight work`);
    // the bridge first: its in-flight update still needs the worker (which Temporal's runtime
    // may already be stopping on the same signal)
    void bridge.stop().finally(() => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    });
  });
}

console.log(
  `engagement worker: polling ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS} (${config.TEMPORAL_NAMESPACE}); events to ${config.ENGAGEMENT_EVENTS_TOPIC}; bridge ${config.BRIDGE_CONSUMER_GROUP} from ${bridgeTopics.join(', ')}`,
);
try {
  await worker.run();
} finally {
  await bridge.stop();
  await broker.disconnect();
  await events.disconnect();
  await clientConnection.close();
  await connection.close();
  await telemetry.shutdown();
}
console.log('engagement worker: stopped');
