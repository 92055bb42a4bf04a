/**
 * The small port the rest of the system sees instead of a Kafka client, so the client can be
 * replaced (kafkajs today; `@confluentinc/kafka-javascript` offers a KafkaJS-compatible API).
 */

/** A message to publish: CloudEvents binary mode puts attributes in headers, data in value. */
export interface OutgoingMessage {
  /** Kafka key: the engagement id, so one engagement's events stay in one partition, in order. */
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface TopicMessages {
  readonly topic: string;
  /** Published in this order; one key's messages keep it on its partition. */
  readonly messages: readonly OutgoingMessage[];
}

/** A message as consumed, with header values decoded as UTF-8 strings. */
export interface ReceivedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** What a batch handler may do while it works through one partition's batch. */
export interface BatchProgress {
  /** Marks this message (and all before it in the batch) done; its offset may be committed. */
  processed(message: ReceivedMessage): void;
  /** Tells the group this member is alive during long work. */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping or the partition was reassigned: stop early. */
  stillAssigned(): boolean;
}

export interface SubscriptionOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group with no committed offset starts; the default is the beginning. */
  readonly fromBeginning?: boolean;
  /**
   * One partition's batch, in offset order. Offsets of messages marked processed are
   * committed; if this throws, the rest is delivered again.
   */
  eachBatch(messages: readonly ReceivedMessage[], progress: BatchProgress): Promise<void>;
}

export interface Subscription {
  /** Finishes the batch in hand, commits what was processed and leaves the group. */
  stop(): Promise<void>;
}

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** Messages on the partition the group has not committed yet. */
  readonly lag: number;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
}

export interface EventBroker {
  /**
   * Publishes with an idempotent producer and resolves once every in-sync replica has the
   * messages. Rejects (publishing nothing it can vouch for) when the broker cannot be reached.
   */
  publish(batches: readonly TopicMessages[]): Promise<void>;
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
  /** Creates the topics that do not exist yet (brokers do not create topics on first use). */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Per partition, how far the group's committed offsets trail the end of each topic. */
  consumerLag(groupId: string, topics: readonly string[]): Promise<PartitionLag[]>;
  /** Every message currently on the topic, oldest first per partition (for operators' tools). */
  readTopic(topic: string): Promise<ReceivedMessage[]>;
  disconnect(): Promise<void>;
}
