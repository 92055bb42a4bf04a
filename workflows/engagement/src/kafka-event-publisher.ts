import { toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import { traceHeaders } from '@cttech/telemetry';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { EngagementEventPublisher } from './activities.ts';

export interface KafkaEventPublisherOptions {
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly clientId: string;
}

/**
 * Publishes engagement events to Kafka: an idempotent producer with acks from all in-sync
 * replicas, in the shared envelope (`toKafkaRecord`: CloudEvents binary mode, keyed by
 * engagement, with the W3C trace context of the publishing span). Consumers deduplicate by
 * `ce_id`, which the workflow derives from its own id, so a retried activity is harmless.
 */
export class KafkaEngagementEventPublisher implements EngagementEventPublisher {
  private readonly producer: Producer;
  private readonly topic: string;

  private constructor(producer: Producer, topic: string) {
    this.producer = producer;
    this.topic = topic;
  }

  static async connect({
    brokers,
    topic,
    clientId,
  }: KafkaEventPublisherOptions): Promise<KafkaEngagementEventPublisher> {
    const kafka = new Kafka({ clientId, brokers: [...brokers], logLevel: logLevel.WARN });
    const admin = kafka.admin();
    await admin.connect();
    try {
      // topics are never created by accident (auto-creation is off); this one is ours. Asking
      // first keeps kafkajs from logging an error for a topic that already exists.
      if (!(await admin.listTopics()).includes(topic)) {
        await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
      }
    } finally {
      await admin.disconnect();
    }
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 30_000 },
    });
    await producer.connect();
    return new KafkaEngagementEventPublisher(producer, topic);
  }

  async publish(event: EngagementEvent): Promise<void> {
    // the active span (the activity's, when tracing) travels in the `traceparent` header
    const { traceparent, tracestate } = traceHeaders();
    const record = toKafkaRecord(event, traceparent ? { traceparent, tracestate } : undefined);
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [{ key: record.key, value: record.value, headers: { ...record.headers } }],
    });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
