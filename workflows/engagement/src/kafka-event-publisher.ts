import { toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import { KafkajsBroker } from '@cttech/messaging';
import { traceHeaders } from '@cttech/telemetry';
import type { EngagementEventPublisher } from './activities.ts';

export interface KafkaEventPublisherOptions {
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly clientId: string;
}

/**
 * Publishes engagement events to Kafka through the messaging port (`KafkajsBroker`: an
 * idempotent producer with acks from all in-sync replicas), in the shared envelope
 * (`toKafkaRecord`: CloudEvents binary mode, keyed by engagement, with the W3C trace context
 * of the publishing span). Consumers deduplicate by `ce_id`, which the workflow derives from
 * its own id, so a retried activity is harmless.
 */
export class KafkaEngagementEventPublisher implements EngagementEventPublisher {
  private readonly broker: KafkajsBroker;
  private readonly topic: string;

  private constructor(broker: KafkajsBroker, topic: string) {
    this.broker = broker;
    this.topic = topic;
  }

  static async connect({
    brokers,
    topic,
    clientId,
  }: KafkaEventPublisherOptions): Promise<KafkaEngagementEventPublisher> {
    const broker = new KafkajsBroker({ brokers, clientId });
    // topics are never created by accident (auto-creation is off); this one is ours
    await broker.ensureTopics([{ topic, partitions: 3 }]);
    return new KafkaEngagementEventPublisher(broker, topic);
  }

  async publish(event: EngagementEvent): Promise<void> {
    // the active span (the activity's, when tracing) travels in the `traceparent` header
    const { traceparent, tracestate } = traceHeaders();
    const record = toKafkaRecord(event, traceparent ? { traceparent, tracestate } : undefined);
    await this.broker.publish([{ topic: this.topic, messages: [record] }]);
  }

  disconnect(): Promise<void> {
    return this.broker.disconnect();
  }
}
