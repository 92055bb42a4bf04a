#!/usr/bin/env node
// The engagement worker process: validates its configuration, starts telemetry, connects to
// Temporal and Kafka, runs until SIGTERM or SIGINT, then finishes in-flight work and exits.
import { loadConfig, variable } from '@cttech/config';
import { topics } from '@cttech/contracts';
import { startTelemetry } from '@cttech/telemetry';
import { NativeConnection } from '@temporalio/worker';
import { z } from 'zod';
import { engagementTaskQueue } from './contract.ts';
import { KafkaEngagementEventPublisher } from './kafka-event-publisher.ts';
import { createEngagementWorker } from './worker.ts';

const config = loadConfig({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:57233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(engagementTaskQueue),
  KAFKA_BROKERS: variable.hostPorts().default(['127.0.0.1:59092']),
  ENGAGEMENT_EVENTS_TOPIC: z.string().min(1).default(topics.engagementEvents),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
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
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`engagement worker: ${signal}, finishing in-flight work`);
    worker.shutdown();
  });
}

console.log(
  `engagement worker: polling ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS} (${config.TEMPORAL_NAMESPACE}); events to ${config.ENGAGEMENT_EVENTS_TOPIC}`,
);
try {
  await worker.run();
} finally {
  await events.disconnect();
  await connection.close();
  await telemetry.shutdown();
}
console.log('engagement worker: stopped');
