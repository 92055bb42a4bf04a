import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toKafkaRecord } from '@cttech/contracts';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import { EventConsumer, KafkajsBroker, type ReceivedMessage } from '../src/index.ts';
import { quiet, workRecorded } from './ledger.ts';

describe('an event consumer stopping (real Kafka)', () => {
  let suite: TestSuite;
  let broker: KafkajsBroker;

  beforeAll(() => {
    suite = openTestSuite('consumer shutdown');
    broker = new KafkajsBroker({ brokers: suite.infrastructure.kafkaBrokers, clientId: suite.id });
  });

  afterAll(async () => {
    await broker.disconnect();
    await suite.close();
  });

  it('finishes the message in hand, commits it and leaves the group', async () => {
    const [topic = ''] = await suite.createTopics(['shutdown']);
    const groupId = `${topic}.notifications`;
    const handled: string[] = [];
    let release: () => void = () => {};
    const inHand = new Promise<void>((resolve) => (release = resolve));
    let entered = false;

    const first = new EventConsumer({
      broker,
      groupId,
      topics: [topic],
      logger: quiet,
      handler: {
        handle: async (message: ReceivedMessage) => {
          entered = true;
          await inHand;
          handled.push(`first:${message.headers.ce_id}`);
        },
      },
    });
    await first.start();
    await broker.publish([
      { topic, messages: [toKafkaRecord(workRecorded('engagement-RW-2026', 1))] },
    ]);
    await waitFor(() => entered, { what: 'the handler working on the message' });
    const stopping = first.stop();
    release();
    await stopping;
    expect(handled).toEqual(['first:engagement-RW-2026/1']);
    expect(await broker.consumerLag(groupId, [topic])).toEqual([{ topic, partition: 0, lag: 0 }]);

    // the next member of the group starts after the committed offset: nothing is redelivered
    const second = new EventConsumer({
      broker,
      groupId,
      topics: [topic],
      logger: quiet,
      handler: {
        handle: async (message: ReceivedMessage) => {
          handled.push(`second:${message.headers.ce_id}`);
        },
      },
    });
    await second.start();
    try {
      await broker.publish([
        { topic, messages: [toKafkaRecord(workRecorded('engagement-RW-2026', 2))] },
      ]);
      await waitFor(() => handled.length === 2, { what: 'the next event handled' });
      expect(handled).toEqual(['first:engagement-RW-2026/1', 'second:engagement-RW-2026/2']);
    } finally {
      await second.stop();
    }
  });
});
