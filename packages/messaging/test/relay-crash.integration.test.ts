import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import { KafkajsBroker, OutboxRelay } from '../src/index.ts';
import {
  appliedRecords,
  engagementIds,
  ledgerConsumer,
  ledgerInbox,
  quiet,
  openLedgerDatabase,
  workRecorded,
  writeEvents,
} from './ledger.ts';

const relayScript = fileURLToPath(new URL('./relay-process.ts', import.meta.url));

/** Runs the relay in a child process and resolves with its exit signal and output. */
function runRelayProcess(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@cttech/source',
      '--experimental-transform-types',
      '--disable-warning=ExperimentalWarning',
      '--disable-warning=TimeoutNegativeWarning',
      relayScript,
    ],
    { env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{
    signal: NodeJS.Signals | null;
    code: number | null;
    output: string;
  }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
  return { child, exited };
}

describe('the relay killed between publishing and marking sent', () => {
  let suite: TestSuite;
  let broker: KafkajsBroker;

  beforeAll(() => {
    suite = openTestSuite('relay crash');
    broker = new KafkajsBroker({ brokers: suite.infrastructure.kafkaBrokers, clientId: suite.id });
  });

  afterAll(async () => {
    await broker.disconnect();
    await suite.close();
  });

  it('publishes the batch again on restart and the consumer applies each event once', async () => {
    const [topic] = await suite.createTopics(['decisions'], 3);
    await suite.createTopics(['decisions.dead-letter']);
    const { url, prisma } = await openLedgerDatabase(suite);
    const events = engagementIds(5).flatMap((id) =>
      Array.from({ length: 20 }, (_, index) => workRecorded(id, index + 1)),
    );
    await writeEvents(prisma, topic as string, events, 10);

    const killed = await runRelayProcess({
      DATABASE_URL: url,
      KAFKA_BROKERS: suite.infrastructure.kafkaBrokers.join(','),
      DIE_AFTER_PUBLISH: '1',
    }).exited;
    expect(killed).toMatchObject({ signal: 'SIGKILL' });
    expect(killed.output).toContain('published 50');

    // the first 50 reached Kafka, yet all 100 are still unpublished in the outbox
    const onKafka = await broker.readTopic(topic as string);
    expect(onKafka).toHaveLength(50);
    const relay = new OutboxRelay({ database: prisma, broker, logger: quiet });
    expect(await relay.backlog()).toBe(100);

    const inbox = ledgerInbox(prisma);
    const consumer = ledgerConsumer(broker, topic as string, inbox);
    await consumer.start();
    relay.start();
    try {
      const records = await waitFor(
        async () => {
          const applied = await appliedRecords(prisma);
          return applied.length >= 100 && inbox.duplicatesAbsorbed >= 50 ? applied : undefined;
        },
        { what: 'all 100 events applied and the 50 republished ones absorbed', timeoutMs: 60_000 },
      );
      expect(await broker.readTopic(topic as string)).toHaveLength(150);
      expect(records).toHaveLength(100);
      expect(new Set(records.map((record) => record.eventId)).size).toBe(100);
      expect(inbox.duplicatesAbsorbed).toBe(50);
      expect(await relay.backlog()).toBe(0);
    } finally {
      await relay.stop();
      await consumer.stop();
      await prisma.$disconnect();
    }
  });
});
