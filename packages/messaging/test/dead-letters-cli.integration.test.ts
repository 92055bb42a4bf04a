import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deadLetterTopic, toKafkaRecord } from '@cttech/contracts';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import { EventConsumer, KafkajsBroker, UnprocessableEventError } from '../src/index.ts';
import { quiet, workRecorded } from './ledger.ts';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../src/dead-letters-cli.ts', import.meta.url));

describe("the operators' dead-letter tool (real Kafka)", () => {
  let suite: TestSuite;
  let broker: KafkajsBroker;

  beforeAll(() => {
    suite = openTestSuite('dead letter tool');
    broker = new KafkajsBroker({ brokers: suite.infrastructure.kafkaBrokers, clientId: suite.id });
  });

  afterAll(async () => {
    await broker.disconnect();
    await suite.close();
  });

  function deadLetters(...args: string[]) {
    return run(process.execPath, ['--conditions=@cttech/source', cli, ...args], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        KAFKA_BROKERS: suite.infrastructure.kafkaBrokers.join(','),
      },
    });
  }

  it('lists a dead letter with its reason and replays it to its topic', async () => {
    const [topic = ''] = await suite.createTopics(['reviews']);
    await suite.createTopics(['reviews.dead-letter']);
    const consumer = new EventConsumer({
      broker,
      groupId: `${topic}.refusing`,
      topics: [topic],
      handler: {
        handle: () =>
          Promise.reject(new UnprocessableEventError('no open review for the decision')),
      },
      logger: quiet,
    });
    await consumer.start();
    try {
      await broker.publish([
        { topic, messages: [toKafkaRecord(workRecorded('engagement-TZ-2026', 4))] },
      ]);
      await waitFor(() => consumer.counts.deadLettered === 1, {
        what: 'the message dead-lettered',
      });
    } finally {
      await consumer.stop();
    }

    const listed = JSON.parse((await deadLetters('list', topic, '--json')).stdout) as unknown[];
    expect(listed).toEqual([
      expect.objectContaining({
        deadLetterTopic: deadLetterTopic(topic),
        partition: 0,
        offset: '0',
        eventId: 'engagement-TZ-2026/4',
        reason: 'no open review for the decision',
        consumer: `${topic}.refusing`,
      }),
    ]);
    const { stdout } = await deadLetters('replay', topic, '0', '0');
    expect(stdout).toContain(`replayed engagement.work-recorded engagement-TZ-2026/4 to ${topic}`);
    const onTopic = await broker.readTopic(topic);
    expect(onTopic.map((message) => message.headers.ce_id)).toEqual([
      'engagement-TZ-2026/4',
      'engagement-TZ-2026/4',
    ]);
  });

  it('refuses a replay of a dead letter that is not there, naming it, and exits non-zero', async () => {
    const [topic = ''] = await suite.createTopics(['empty']);
    await suite.createTopics(['empty.dead-letter']);
    await expect(deadLetters('replay', topic, '0', '7')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        `no dead letter at ${deadLetterTopic(topic)} partition 0 offset 7`,
      ),
    });
  });
});
