import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Partitioners, type Consumer, type Producer } from 'kafkajs';
import { openTestSuite, waitFor, type TestSuite } from '../src/index.ts';

describe('Kafka broker (real, KRaft)', () => {
  let suite: TestSuite;
  let producer: Producer;
  let consumer: Consumer;

  beforeAll(() => {
    suite = openTestSuite('kafka proof');
    producer = suite.kafka().producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      // an idempotent producer keeps retrying (bounded by kafkajs's maxRetryTime)
      retry: { retries: Number.MAX_SAFE_INTEGER },
    });
    consumer = suite.kafka().consumer({ groupId: suite.topic('group'), maxWaitTimeInMs: 200 });
  });

  afterAll(async () => {
    await producer.disconnect();
    await consumer.disconnect();
    await suite.close();
  });

  it('round-trips keyed events through an idempotent producer and a consumer group, in order per key', async () => {
    const [topic] = await suite.createTopics(['engagement-events'], 3);
    if (!topic) throw new Error('topic was not created');
    const engagements = ['engagement-KE-2026', 'engagement-GH-2026', 'engagement-PH-2026'];
    const sent = Array.from({ length: 60 }, (_, sequence) => ({
      key: engagements[sequence % engagements.length] ?? 'unreachable',
      value: JSON.stringify({ sequence }),
    }));

    await producer.connect();
    const acks = await producer.send({ topic, acks: -1, messages: sent });
    expect(acks.every((ack) => ack.errorCode === 0)).toBe(true);

    const received: { key: string; sequence: number }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const { sequence } = JSON.parse(String(message.value)) as { sequence: number };
        received.push({ key: String(message.key), sequence });
        return Promise.resolve();
      },
    });
    await waitFor(() => received.length >= sent.length, { what: `${sent.length} events consumed` });

    expect(received).toHaveLength(sent.length);
    for (const key of engagements) {
      const order = received.filter((event) => event.key === key).map((event) => event.sequence);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order).toHaveLength(sent.length / engagements.length);
    }

    // the group's committed offsets reach the end of every partition that received events
    const admin = suite.kafka().admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      await waitFor(
        async () => {
          const [committed] = await admin.fetchOffsets({
            groupId: suite.topic('group'),
            topics: [topic],
          });
          return ends.every(
            (end) =>
              end.offset === '0' ||
              committed?.partitions.find((p) => p.partition === end.partition)?.offset ===
                end.offset,
          );
        },
        { what: 'consumer group offsets committed to the end of each partition' },
      );
    } finally {
      await admin.disconnect();
    }
  });
});
