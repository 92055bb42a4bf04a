// A service's part in the event backbone while it runs: the topics it writes and reads exist,
// its outbox relay publishes and its consumer applies; on stop the consumer finishes the
// message in hand first, then the relay.
import type { EventBroker } from './broker.ts';
import type { EventConsumer } from './event-consumer.ts';
import type { OutboxRelay } from './outbox.ts';

export interface EventFlowOptions {
  readonly broker: EventBroker;
  /** Every topic the service writes or reads, created when missing. */
  readonly topics: readonly string[];
  readonly relay: Pick<OutboxRelay, 'start' | 'stop'>;
  readonly consumer: Pick<EventConsumer, 'start' | 'stop'>;
  /** Partitions of a topic it creates (3 unless given). */
  readonly partitions?: number;
}

export class EventFlow {
  private readonly options: EventFlowOptions;

  constructor(options: EventFlowOptions) {
    this.options = options;
  }

  async start(): Promise<void> {
    const { broker, topics, relay, consumer, partitions = 3 } = this.options;
    await broker.ensureTopics(topics.map((topic) => ({ topic, partitions })));
    relay.start();
    await consumer.start();
  }

  async stop(): Promise<void> {
    await this.options.consumer.stop();
    await this.options.relay.stop();
  }
}
