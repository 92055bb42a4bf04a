import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deadLetterTopic, toKafkaRecord } from '@cttech/contracts';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import {
  appendToOutbox,
  KafkajsBroker,
  listDeadLetters,
  outboxMessage,
  OutboxRelay,
  replayDeadLetter,
  type OutgoingMessage,
} from '../src/index.ts';
import {
  appliedRecords,
  engagementIds,
  ledgerConsumer,
  ledgerInbox,
  quiet,
  openLedgerDatabase,
  sequencesByEngagement,
  workRecorded,
  writeEvents,
} from './ledger.ts';

describe('outbox -> Kafka -> inbox on the real broker and database', () => {
  let suite: TestSuite;
  let broker: KafkajsBroker;

  beforeAll(async () => {
    suite = openTestSuite('outbox inbox');
    broker = new KafkajsBroker({
      brokers: suite.infrastructure.kafkaBrokers,
      clientId: suite.id,
    });
  });

  afterAll(async () => {
    await broker.disconnect();
    await suite.close();
  });

  /** A topic, its dead-letter topic, a database, a relay and an inbox consumer, all this test's. */
  async function pipeline(name: string, partitions = 3) {
    const [topic] = await suite.createTopics([name], partitions);
    await suite.createTopics([`${name}.dead-letter`]);
    const { prisma } = await openLedgerDatabase(suite, name);
    const relay = new OutboxRelay({ database: prisma, broker, idlePollMs: 20, logger: quiet });
    const inbox = ledgerInbox(prisma);
    const consumer = ledgerConsumer(broker, topic as string, inbox, {
      attempts: 3,
      firstDelayMs: 20,
      maxDelayMs: 100,
    });
    const stop = async () => {
      await relay.stop();
      await consumer.stop();
      await prisma.$disconnect();
    };
    return { topic: topic as string, prisma, relay, inbox, consumer, stop };
  }

  it('counts: N events in, N distinct effects out, in order per engagement, duplicates absorbed', async () => {
    const { topic, prisma, relay, inbox, consumer, stop } = await pipeline('counted');
    try {
      const engagements = engagementIds(12);
      const events = engagements.flatMap((id) =>
        Array.from({ length: 25 }, (_, index) => workRecorded(id, index + 1)),
      );
      // interleave engagements the way concurrent users would
      events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
      await consumer.start();
      relay.start();
      await writeEvents(prisma, topic, events, 7);
      // the same events delivered a second time, straight onto the topic
      const again = events.slice(0, 40).map((event) => toKafkaRecord(event));
      await broker.publish([{ topic, messages: again }]);

      const records = await waitFor(
        async () => {
          const applied = await appliedRecords(prisma);
          return applied.length >= events.length && inbox.duplicatesAbsorbed >= again.length
            ? applied
            : undefined;
        },
        { timeoutMs: 60_000, what: 'every event applied and every duplicate absorbed' },
      );
      expect(records).toHaveLength(events.length);
      expect(new Set(records.map((record) => record.eventId)).size).toBe(events.length);
      expect(inbox.duplicatesAbsorbed).toBe(again.length);
      for (const [engagementId, sequences] of sequencesByEngagement(records)) {
        expect({ engagementId, sequences }).toEqual({
          engagementId,
          sequences: Array.from({ length: 25 }, (_, index) => index + 1),
        });
      }
      expect(await relay.backlog()).toBe(0);
      await waitFor(
        async () =>
          (await consumer.lag()).every((partition) => partition.lag === 0) ? true : undefined,
        { timeoutMs: 20_000, what: 'consumer lag back to zero' },
      );
    } finally {
      await stop();
    }
  });

  it('applies the same event delivered twice once', async () => {
    const { topic, prisma, inbox, consumer, stop } = await pipeline('twice', 1);
    try {
      const record = toKafkaRecord(workRecorded('engagement-KE-2026', 1));
      await broker.publish([{ topic, messages: [record] }]);
      await broker.publish([
        { topic, messages: [record, toKafkaRecord(workRecorded('engagement-KE-2026', 2))] },
      ]);
      await consumer.start();
      await waitFor(async () => ((await appliedRecords(prisma)).length >= 2 ? true : undefined), {
        what: 'both events applied',
      });
      await waitFor(async () => (inbox.duplicatesAbsorbed >= 1 ? true : undefined), {
        what: 'the duplicate absorbed',
      });
      expect((await appliedRecords(prisma)).map((applied) => applied.eventId)).toEqual([
        'engagement-KE-2026/1',
        'engagement-KE-2026/2',
      ]);
    } finally {
      await stop();
    }
  });

  it('writes nothing to publish when the transaction rolls back', async () => {
    const { topic, prisma, relay, stop } = await pipeline('rolled-back', 1);
    try {
      await expect(
        prisma.$transaction(async (tx) => {
          await appendToOutbox(tx, [
            outboxMessage(topic, toKafkaRecord(workRecorded('engagement-KE-2026', 1))),
          ]);
          throw new Error('the reviewer decision failed validation');
        }),
      ).rejects.toThrow('the reviewer decision failed validation');
      expect(await relay.backlog()).toBe(0);
      expect(await relay.relayBatch()).toBe(0);
      expect(await broker.readTopic(topic)).toEqual([]);
    } finally {
      await stop();
    }
  });

  it('dead-letters a poison message with its reason, goes on, and replays it on request', async () => {
    const { topic, prisma, consumer, stop } = await pipeline('poison', 1);
    try {
      const good = (sequence: number) =>
        toKafkaRecord(workRecorded('engagement-NG-2026', sequence));
      const poisoned: OutgoingMessage = {
        ...good(2),
        value: '{"stage": "KICK_OFF", "kind": "KICK_OFF_REPORT"', // cut short: not JSON
      };
      await broker.publish([{ topic, messages: [good(1), poisoned, good(3)] }]);
      await consumer.start();
      await waitFor(async () => ((await appliedRecords(prisma)).length >= 2 ? true : undefined), {
        what: 'the messages around the poison applied',
      });
      expect((await appliedRecords(prisma)).map((applied) => applied.sequence)).toEqual([1, 3]);

      const [deadLetter, ...others] = await waitFor(
        async () => {
          const letters = await listDeadLetters(broker, deadLetterTopic(topic));
          return letters.length > 0 ? letters : undefined;
        },
        { what: 'the poison message in the dead-letter topic' },
      );
      expect(others).toEqual([]);
      expect(deadLetter).toMatchObject({
        original: { topic, partition: 0, offset: '1' },
        eventId: 'engagement-NG-2026/2',
        eventType: 'engagement.work-recorded',
        consumer: `${topic}.ledger`,
        attempts: 1,
      });
      expect(deadLetter?.reason).toMatch(/^data is not JSON/);
      // the original headers travel with it
      expect(deadLetter?.message.headers).toMatchObject(poisoned.headers);
      expect(consumer.counts).toMatchObject({ deadLettered: 1 });

      // replayed, it is delivered again with where it came from; still unreadable, it comes back
      await replayDeadLetter(broker, deadLetterTopic(topic), { partition: 0, offset: '0' });
      const replayed = (await broker.readTopic(topic)).at(-1);
      expect(replayed?.headers).toMatchObject({
        ce_id: 'engagement-NG-2026/2',
        cttech_replayed_from: `${deadLetterTopic(topic)}/0/0`,
      });
      expect(replayed?.headers).not.toHaveProperty('cttech_dead_letter_reason');
      const letters = await waitFor(
        async () => {
          const found = await listDeadLetters(broker, deadLetterTopic(topic));
          return found.length > 1 ? found : undefined;
        },
        { what: 'the replayed poison dead-lettered again' },
      );
      expect(letters[1]?.message.headers.cttech_replayed_from).toBe(
        `${deadLetterTopic(topic)}/0/0`,
      );
      expect((await appliedRecords(prisma)).map((applied) => applied.sequence)).toEqual([1, 3]);
    } finally {
      await stop();
    }
  });

  it('does not commit past a message whose dead letter Kafka refused', async () => {
    const { topic, prisma, consumer, stop } = await pipeline('refused', 1);
    const admin = suite.kafka().admin();
    await admin.connect();
    try {
      await consumer.start();
      // the dead-letter topic disappears (an operator's mistake)
      await admin.deleteTopics({ topics: [deadLetterTopic(topic)] });
      const unreadable = {
        ...toKafkaRecord(workRecorded('engagement-GH-2026', 1)),
        value: 'not json',
      };
      const good = toKafkaRecord(workRecorded('engagement-GH-2026', 2));
      await broker.publish([{ topic, messages: [unreadable, good] }]);
      await waitFor(() => consumer.counts.deadLetterFailures >= 1, {
        what: 'the dead letter refused',
        timeoutMs: 60_000,
      });
      expect(await appliedRecords(prisma)).toEqual([]);
      expect((await consumer.lag())[0]?.lag).toBe(2);

      await waitFor(
        () =>
          admin
            .createTopics({ waitForLeaders: true, topics: [{ topic: deadLetterTopic(topic) }] })
            .then(() => true),
        { what: 'the dead-letter topic created again', timeoutMs: 60_000, intervalMs: 500 },
      );
      await waitFor(async () => ((await appliedRecords(prisma)).length >= 1 ? true : undefined), {
        what: 'the message after the unreadable one applied',
        timeoutMs: 60_000,
      });
      const letters = await listDeadLetters(broker, deadLetterTopic(topic));
      expect(letters.map((letter) => letter.eventId)).toEqual(['engagement-GH-2026/1']);
      expect((await appliedRecords(prisma)).map((applied) => applied.eventId)).toEqual([
        'engagement-GH-2026/2',
      ]);
    } finally {
      await admin.disconnect();
      await stop();
    }
  });

  it('keeps each engagement in order with two relays sharing the outbox', async () => {
    const { topic, prisma, inbox, consumer, stop } = await pipeline('two-relays');
    const second = new OutboxRelay({
      database: prisma,
      broker,
      batchSize: 7,
      idlePollMs: 5,
      logger: quiet,
    });
    const first = new OutboxRelay({
      database: prisma,
      broker,
      batchSize: 5,
      idlePollMs: 5,
      logger: quiet,
    });
    try {
      const events = engagementIds(4).flatMap((id) =>
        Array.from({ length: 40 }, (_, index) => workRecorded(id, index + 1)),
      );
      events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
      await writeEvents(prisma, topic, events, 3);
      await consumer.start();
      first.start();
      second.start();
      const records = await waitFor(
        async () => {
          const applied = await appliedRecords(prisma);
          return applied.length >= events.length ? applied : undefined;
        },
        { what: 'every event applied', timeoutMs: 60_000 },
      );
      expect(first.publishedCount).toBeGreaterThan(0);
      expect(second.publishedCount).toBeGreaterThan(0);
      expect(first.publishedCount + second.publishedCount).toBe(events.length);
      expect(inbox.duplicatesAbsorbed).toBe(0);
      for (const [engagementId, sequences] of sequencesByEngagement(records)) {
        expect({ engagementId, sequences }).toEqual({
          engagementId,
          sequences: Array.from({ length: 40 }, (_, index) => index + 1),
        });
      }
    } finally {
      await first.stop();
      await second.stop();
      await stop();
    }
  });
});
