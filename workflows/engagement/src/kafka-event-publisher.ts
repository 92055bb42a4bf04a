import type { EngagementEvent } from '@cttech/contracts';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { EngagementEventPublisher } from './activities.ts';

export interface KafkaEventPublisherOptions {
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly clientId: string;
}

/**
 * Publishes engagement events to Kafka: an idempotent producer with acks from all in-sync
 * replicas, keyed by engagement id so one engagement's events stay in order, as CloudEvents
 * in the Kafka binding's binary mode (`ce_*` headers, JSON data). Consumers deduplicate by
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
      // topics are never created by accident (auto-creation is off); this one is ours
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
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
    const { data, ...header } = event;
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [
        {
          key: header.engagementId,
          value: JSON.stringify(data),
          headers: {
            ce_specversion: '1.0',
            ce_id: header.id,
            ce_type: header.type,
            ce_source: `/engagements/${header.engagementId}`,
            ce_subject: header.partnerState,
            ce_time: header.occurredAt,
            ce_dataschemaversion: String(header.version),
            ce_cycle: String(header.cycle),
            'content-type': 'application/json',
          },
        },
      ],
    });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
