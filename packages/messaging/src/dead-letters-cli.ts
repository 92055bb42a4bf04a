#!/usr/bin/env node
// Operators' tool for dead letters and consumer lag:
//   cttech-dead-letters list <topic>                      what failed on <topic>, and why
//   cttech-dead-letters replay <topic> <partition> <offset>  deliver one again to <topic>
//   cttech-dead-letters lag <consumer group> <topic>...     how far a group trails its topics
// <topic> is the topic consumers read (its dead letters are on <topic>.dead-letter).
// Reads KAFKA_BROKERS (host:port,...; default 127.0.0.1:59092).
import { parseArgs } from 'node:util';
import { loadConfig, variable } from '@cttech/config';
import { deadLetterTopic } from '@cttech/contracts';
import { listDeadLetters, replayDeadLetter } from './dead-letters.ts';
import { KafkajsBroker } from './kafkajs-broker.ts';

const usage = `usage:
  cttech-dead-letters list <topic> [--json]
  cttech-dead-letters replay <topic> <partition> <offset>
  cttech-dead-letters lag <consumer group> <topic>...`;

class UsageError extends Error {}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [command, ...rest] = positionals;
  if (!command || !['list', 'replay', 'lag'].includes(command)) {
    console.error(usage);
    return command ? 2 : 0;
  }
  const { KAFKA_BROKERS } = loadConfig({
    KAFKA_BROKERS: variable.hostPorts().default(['127.0.0.1:59092']),
  });
  const broker = new KafkajsBroker({ brokers: KAFKA_BROKERS, clientId: 'cttech-dead-letters' });
  try {
    switch (command) {
      case 'list': {
        const [topic] = rest;
        if (!topic) throw new UsageError('list needs the topic whose dead letters to show');
        const letters = await listDeadLetters(broker, deadLetterTopic(topic));
        if (values.json) {
          console.log(JSON.stringify(letters.map(({ message: _message, ...letter }) => letter)));
          return 0;
        }
        console.log(`${letters.length} dead letter(s) on ${deadLetterTopic(topic)}`);
        for (const letter of letters) {
          console.log(
            `${letter.partition}/${letter.offset}  ${letter.deadLetteredAt}  ${letter.eventType ?? '?'} ${letter.eventId ?? '(no id)'}` +
              `  from ${letter.original.topic}[${letter.original.partition}]@${letter.original.offset}` +
              `  by ${letter.consumer} after ${letter.attempts} attempt(s): ${letter.reason}`,
          );
        }
        return 0;
      }
      case 'replay': {
        const [topic, partition, offset] = rest;
        if (!topic || partition === undefined || offset === undefined) {
          throw new UsageError(
            'replay needs the topic, then the partition and offset `list` shows',
          );
        }
        if (!/^\d+$/.test(partition) || !/^\d+$/.test(offset)) {
          throw new UsageError(
            `partition and offset are whole numbers, not ${partition} ${offset}`,
          );
        }
        const letter = await replayDeadLetter(broker, deadLetterTopic(topic), {
          partition: Number(partition),
          offset,
        });
        console.log(
          `replayed ${letter.eventType ?? '?'} ${letter.eventId ?? '(no id)'} to ${letter.original.topic}`,
        );
        return 0;
      }
      default: {
        const [groupId, ...topics] = rest;
        if (!groupId || topics.length === 0) {
          throw new UsageError('lag needs the consumer group and at least one topic');
        }
        const lags = await broker.consumerLag(groupId, topics);
        for (const { topic, partition, lag } of lags) console.log(`${topic}[${partition}] ${lag}`);
        console.log(`total ${lags.reduce((sum, { lag }) => sum + lag, 0)}`);
        return 0;
      }
    }
  } finally {
    await broker.disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${(error as Error).message}`);
    if (error instanceof UsageError) console.error(usage);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
