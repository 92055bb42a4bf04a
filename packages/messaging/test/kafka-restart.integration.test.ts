import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestSuite, PrivateKafkaBroker, waitFor, type TestSuite } from '@cttech/testing';
import { KafkajsBroker, OutboxRelay } from '../src/index.ts';
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

describe('Kafka stopped and restarted mid-stream (a private broker)', () => {
  let suite: TestSuite;
  let kafka: PrivateKafkaBroker;

  beforeAll(async () => {
    suite = openTestSuite('kafka restart');
    kafka = await PrivateKafkaBroker.start();
  });

  afterAll(async () => {
    await kafka.remove();
    await suite.close();
  });

  it('loses nothing and keeps each engagement in order', async () => {
    const topic = suite.topic('decisions');
    const broker = new KafkajsBroker({ brokers: kafka.brokers, clientId: suite.id });
    await broker.ensureTopics([{ topic, partitions: 3 }]);
    const { prisma } = await openLedgerDatabase(suite);
    const relay = new OutboxRelay({ database: prisma, broker, maxBackoffMs: 1_000, logger: quiet });
    const inbox = ledgerInbox(prisma);
    const consumer = ledgerConsumer(broker, topic, inbox);
    await consumer.start();
    relay.start();

    const engagements = engagementIds(6);
    const events = Array.from({ length: 50 }, (_, index) =>
      engagements.map((id) => workRecorded(id, index + 1)),
    ).flat();
    // officers keep working while Kafka is away: one event per transaction, paced
    let written = 0;
    let kafkaDown = false;
    const writing = (async () => {
      for (const event of events) {
        await writeEvents(prisma, topic, [event]);
        written += 1;
        relay.wake();
        await pause(10);
      }
    })();

    try {
      await waitFor(async () => ((await appliedRecords(prisma)).length >= 30 ? true : undefined), {
        what: 'the first events applied before Kafka stops',
      });
      await kafka.down();
      kafkaDown = true;
      const writtenWhenStopped = written;
      await waitFor(
        async () =>
          written >= writtenWhenStopped + 20 && (await relay.backlog()) >= 20 ? true : undefined,
        { what: 'officers writing on while Kafka is down, their events kept in the outbox' },
      );
      await kafka.up();
      kafkaDown = false;
      await writing;

      const records = await waitFor(
        async () => {
          const applied = await appliedRecords(prisma);
          return applied.length >= events.length ? applied : undefined;
        },
        { what: 'every event applied after Kafka came back', timeoutMs: 90_000 },
      );
      expect(records).toHaveLength(events.length);
      expect(new Set(records.map((record) => record.eventId)).size).toBe(events.length);
      for (const [engagementId, sequences] of sequencesByEngagement(records)) {
        expect({ engagementId, sequences }).toEqual({
          engagementId,
          sequences: Array.from({ length: 50 }, (_, index) => index + 1),
        });
      }
      expect(await relay.backlog()).toBe(0);
    } finally {
      if (kafkaDown) await kafka.up();
      await writing.catch(() => {});
      await relay.stop();
      await consumer.stop();
      await broker.disconnect();
      await prisma.$disconnect();
    }
  });
});
