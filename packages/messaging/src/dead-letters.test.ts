import { describe, expect, it } from '@jest/globals';
import type { EventBroker, ReceivedMessage, TopicMessages } from './broker.ts';
import {
  deadLetterHeaders,
  DeadLetterNotFoundError,
  listDeadLetters,
  replayDeadLetter,
} from './dead-letters.ts';

const failed: ReceivedMessage = {
  topic: 'cttech.engagement-events',
  partition: 2,
  offset: '41',
  key: 'engagement-KE-2026',
  value: '{"stage":"KICK_OFF"}',
  headers: { ce_id: 'engagement-KE-2026/7', ce_type: 'engagement.work-recorded' },
};

/** A dead-letter topic held in memory: just enough broker for the listing and replay logic. */
function brokerWith(messages: ReceivedMessage[]) {
  const published: TopicMessages[] = [];
  const broker = {
    readTopic: async () => messages,
    publish: async (batches: readonly TopicMessages[]) => {
      published.push(...batches);
    },
  } as Partial<EventBroker> as EventBroker;
  return { broker, published };
}

const deadLetter: ReceivedMessage = {
  ...failed,
  topic: 'cttech.engagement-events.dead-letter',
  partition: 0,
  offset: '3',
  headers: {
    ...failed.headers,
    ...deadLetterHeaders({
      message: failed,
      reason: 'no engagement engagement-KE-2026',
      consumer: 'engagement-bridge',
      attempts: 5,
    }),
  },
};

describe('dead letters', () => {
  it('lists what failed, where, why and in which consumer', async () => {
    const { broker } = brokerWith([deadLetter]);
    expect(await listDeadLetters(broker, deadLetter.topic)).toEqual([
      expect.objectContaining({
        original: { topic: failed.topic, partition: 2, offset: '41' },
        eventId: 'engagement-KE-2026/7',
        eventType: 'engagement.work-recorded',
        reason: 'no engagement engagement-KE-2026',
        consumer: 'engagement-bridge',
        attempts: 5,
      }),
    ]);
  });

  it('replays to the original topic with the original key, value and headers', async () => {
    const { broker, published } = brokerWith([deadLetter]);
    await replayDeadLetter(broker, deadLetter.topic, { partition: 0, offset: '3' });
    expect(published).toEqual([
      {
        topic: failed.topic,
        messages: [
          {
            key: failed.key,
            value: failed.value,
            headers: {
              ...failed.headers,
              cttech_replayed_from: 'cttech.engagement-events.dead-letter/0/3',
            },
          },
        ],
      },
    ]);
  });

  it('refuses to replay a dead letter that is not there, naming where it looked', async () => {
    const { broker, published } = brokerWith([deadLetter]);
    await expect(
      replayDeadLetter(broker, deadLetter.topic, { partition: 0, offset: '4' }),
    ).rejects.toThrow(new DeadLetterNotFoundError('cttech.engagement-events.dead-letter', 0, '4'));
    expect(published).toEqual([]);
  });
});
