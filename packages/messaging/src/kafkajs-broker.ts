import { randomUUID } from 'node:crypto';
import pRetry from 'p-retry';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type IHeaders,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import type {
  EventBroker,
  PartitionLag,
  ReceivedMessage,
  Subscription,
  SubscriptionOptions,
  TopicMessages,
  TopicSpec,
} from './broker.ts';

export interface KafkajsBrokerOptions {
  readonly brokers: readonly string[];
  /** Names this process to the brokers, for example `compliance` or `engagement-worker`. */
  readonly clientId: string;
  /** How long one publish keeps retrying an unreachable broker before it rejects. */
  readonly publishRetryMs?: number;
}

function headerValue(value: IHeaders[string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function received(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const text = headerValue(value);
    if (text !== undefined) headers[name] = text;
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString(),
    value: message.value?.toString() ?? null,
    headers,
  };
}

/** Kafka's retriable answers (kafkajs marks them), asked again a few times. */
const retriable = {
  retries: 5,
  minTimeout: 100,
  maxTimeout: 1_000,
  shouldRetry: ({ error }: { error: Error }) =>
    (error as Error & { retriable?: boolean }).retriable === true,
};

/** {@link EventBroker} on kafkajs 2. */
export class KafkajsBroker implements EventBroker {
  private readonly kafka: Kafka;
  private readonly publishRetryMs: number;
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;
  private readonly subscriptions = new Set<Subscription>();

  constructor({ brokers, clientId, publishRetryMs = 5_000 }: KafkajsBrokerOptions) {
    this.kafka = new Kafka({
      clientId,
      brokers: [...brokers],
      connectionTimeout: 3_000,
      // failures surface as errors to the caller; kafkajs's own retry chatter is noise
      logLevel: logLevel.NOTHING,
      retry: { initialRetryTime: 250, maxRetryTime: 5_000, retries: 8 },
    });
    this.publishRetryMs = publishRetryMs;
  }

  async publish(batches: readonly TopicMessages[]): Promise<void> {
    const topicMessages = batches
      .filter((batch) => batch.messages.length > 0)
      .map(({ topic, messages }) => ({
        topic,
        messages: messages.map(({ key, value, headers }) => ({
          key,
          value,
          headers: { ...headers },
        })),
      }));
    if (topicMessages.length === 0) return;
    const producer = await this.connectedProducer();
    await producer.sendBatch({ topicMessages, acks: -1 });
  }

  async subscribe(options: SubscriptionOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      maxWaitTimeInMs: 500,
      retry: { initialRetryTime: 250, maxRetryTime: 5_000, retries: 8 },
    });
    await consumer.connect();
    await consumer.subscribe({
      topics: [...options.topics],
      fromBeginning: options.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const { batch } = payload;
        const messages = batch.messages.map((message) =>
          received(batch.topic, batch.partition, message),
        );
        await options.eachBatch(messages, {
          processed: (message) => payload.resolveOffset(message.offset),
          heartbeat: () => payload.heartbeat(),
          stillAssigned: () => payload.isRunning() && !payload.isStale(),
        });
      },
    });
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await consumer.disconnect();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter(({ topic }) => !existing.has(topic));
    if (missing.length === 0) return;
    // a broker may briefly answer that it does not host a topic it has just created
    await pRetry(
      () =>
        admin.createTopics({
          waitForLeaders: true,
          topics: missing.map(({ topic, partitions }) => ({ topic, numPartitions: partitions })),
        }),
      retriable,
    );
  }

  async consumerLag(groupId: string, topics: readonly string[]): Promise<PartitionLag[]> {
    const admin = await this.connectedAdmin();
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    const lags: PartitionLag[] = [];
    for (const topic of topics) {
      const ends = await this.topicEnds(admin, topic);
      const group = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      for (const { partition, high, low } of ends) {
        const offset = Number(group.find((entry) => entry.partition === partition)?.offset ?? -1);
        lags.push({ topic, partition, lag: Number(high) - (offset >= 0 ? offset : Number(low)) });
      }
    }
    return lags;
  }

  async readTopic(topic: string): Promise<ReceivedMessage[]> {
    const admin = await this.connectedAdmin();
    const ends = await this.topicEnds(admin, topic);
    const remaining = new Map(
      ends.filter(({ high, low }) => Number(high) > Number(low)).map((end) => [end.partition, end]),
    );
    if (remaining.size === 0) return [];
    const groupId = `cttech-reader-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
    const messages: ReceivedMessage[] = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`reading ${topic} took longer than 30 s`)),
          30_000,
        );
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              const end = remaining.get(partition);
              if (!end || Number(message.offset) >= Number(end.high)) return;
              messages.push(received(topic, partition, message));
              if (Number(message.offset) + 1 >= Number(end.high)) remaining.delete(partition);
              if (remaining.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => {});
    }
    return messages.sort(
      (a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset),
    );
  }

  async disconnect(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    const [producer, admin] = [this.producer, this.admin];
    this.producer = undefined;
    this.admin = undefined;
    await Promise.all([
      producer?.then((connected) => connected.disconnect()),
      admin?.then((connected) => connected.disconnect()),
    ]);
  }

  /**
   * Each partition's first and next offsets. Just after a topic is created a broker may still
   * answer that it does not host it; such retriable answers are asked again a few times.
   */
  private topicEnds(admin: Admin, topic: string) {
    return pRetry(() => admin.fetchTopicOffsets(topic), retriable);
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { initialRetryTime: 250, maxRetryTime: this.publishRetryMs, retries: 5 },
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }
}
