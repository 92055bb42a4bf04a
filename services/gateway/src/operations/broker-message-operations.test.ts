import { describe, expect, it } from '@jest/globals';
import { deadLetterHeader, type EventBroker, type ReceivedMessage } from '@cttech/messaging';
import { GatewayError } from '../problem.ts';
import { BrokerMessageOperations } from './broker-message-operations.ts';

function unreachable(): never {
  throw new Error('not used by this test');
}

const letter: ReceivedMessage = {
  topic: 'cttech.compliance-events.dead-letter',
  partition: 0,
  offset: '3',
  key: 'engagement-KE-2026',
  value: '{"eventId":"e-1"}',
  headers: {},
};

/** A broker holding one dead letter (as @cttech/messaging writes them) and known lags. */
function brokerWith(headers: Record<string, string>, published: unknown[] = []): EventBroker {
  return {
    publish: async (batches) => {
      published.push(...batches);
    },
    subscribe: unreachable,
    ensureTopics: unreachable,
    consumerLag: async (groupId, topics) =>
      topics.map((topic, index) => ({ topic, partition: index, lag: groupId.length + index })),
    readTopic: async (topic) => (topic === letter.topic ? [{ ...letter, headers }] : []),
    disconnect: async () => {},
  };
}

const headers = {
  [deadLetterHeader.topic]: 'cttech.compliance-events',
  [deadLetterHeader.partition]: '1',
  [deadLetterHeader.offset]: '42',
  [deadLetterHeader.reason]: 'bad payload',
  [deadLetterHeader.consumer]: 'engagement-bridge',
  [deadLetterHeader.attempts]: '5',
  [deadLetterHeader.at]: '2026-01-01T00:00:00.000Z',
};

describe('BrokerMessageOperations', () => {
  const groups = [{ groupId: 'compliance', topics: ['cttech.engagement-events'] }];

  it("lists a topic's dead letters without their payload", async () => {
    const operations = new BrokerMessageOperations(brokerWith(headers), groups);
    const letters = await operations.deadLetters('cttech.compliance-events');
    expect(letters).toEqual([
      expect.objectContaining({
        deadLetterTopic: 'cttech.compliance-events.dead-letter',
        partition: 0,
        offset: '3',
        original: { topic: 'cttech.compliance-events', partition: 1, offset: '42' },
        reason: 'bad payload',
      }),
    ]);
    expect(letters[0]).not.toHaveProperty('message');
  });

  it('replays a dead letter to its topic, and answers 404 for one that is not there', async () => {
    const published: unknown[] = [];
    const operations = new BrokerMessageOperations(brokerWith(headers, published), groups);
    await operations.replayDeadLetter('cttech.compliance-events', { partition: 0, offset: '3' });
    expect(published).toEqual([expect.objectContaining({ topic: 'cttech.compliance-events' })]);

    const missing = await operations
      .replayDeadLetter('cttech.compliance-events', { partition: 0, offset: '4' })
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(GatewayError);
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("adds up each group's lag over its topics' partitions", async () => {
    const operations = new BrokerMessageOperations(brokerWith(headers), [
      { groupId: 'engagement-bridge', topics: ['a', 'b'] },
    ]);
    expect(await operations.consumerLag()).toEqual([
      {
        groupId: 'engagement-bridge',
        topics: ['a', 'b'],
        lag: 17 + 18,
        partitions: [
          { topic: 'a', partition: 0, lag: 17 },
          { topic: 'b', partition: 1, lag: 18 },
        ],
      },
    ]);
  });

  it('answers 503 naming Kafka when the broker does not answer', async () => {
    const broker: EventBroker = {
      ...brokerWith(headers),
      readTopic: () => Promise.reject(new Error('connection refused')),
    };
    const failure = await new BrokerMessageOperations(broker, groups)
      .deadLetters('cttech.compliance-events')
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      message: expect.stringContaining('Kafka'),
    });
  });
});
