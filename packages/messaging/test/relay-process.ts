// A relay in its own process, for the crash test: with DIE_AFTER_PUBLISH=1 it kills itself
// (SIGKILL, no clean-up) after its first batch reached Kafka and before marking it sent.
import { PrismaPg } from '@prisma/adapter-pg';
import { KafkajsBroker, OutboxRelay } from '../src/index.ts';
import { PrismaClient } from './fixtures/ledger/generated/prisma/client.ts';

const { DATABASE_URL, KAFKA_BROKERS, DIE_AFTER_PUBLISH } = process.env;
if (!DATABASE_URL || !KAFKA_BROKERS) throw new Error('DATABASE_URL and KAFKA_BROKERS are needed');

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL }) });
const broker = new KafkajsBroker({ brokers: KAFKA_BROKERS.split(','), clientId: 'relay-process' });
const relay = new OutboxRelay({
  database: prisma,
  broker,
  batchSize: 50,
  onPublished: (count) => {
    process.stdout.write(`published ${count}\n`);
    if (DIE_AFTER_PUBLISH === '1') process.kill(process.pid, 'SIGKILL');
  },
});
relay.start();
process.stdout.write('relay started\n');
process.on('SIGTERM', () => {
  void relay
    .stop()
    .then(() => Promise.all([broker.disconnect(), prisma.$disconnect()]))
    .then(() => process.exit(0));
});
