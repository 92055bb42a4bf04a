// Benchmark: our outbox -> relay -> Kafka -> inbox pipeline beside a raw kafkajs + pg pair,
// on the same broker and Postgres server, rounds alternating ours/raw/ours/raw. Prints
// throughput (first write to last effect row) and per-event latency (written -> effect row
// committed). Run with `pnpm -s bench [--events N] ...` in packages/messaging.
import { openTestSuite, percentile, table, throughput, together } from '@cttech/testing';
import kafkajs, { Kafka, logLevel, Partitioners } from 'kafkajs';
import kafkajsPackage from 'kafkajs/package.json' with { type: 'json' };
import pg from 'pg';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { KafkajsBroker } from '../src/index.ts';
import type { Run } from './figures.ts';
import { runOutbox, runRaw, type Bench, type OutboxTuning, type Workload } from './pipelines.ts';

// kafkajs is CommonJS: Node sees this enum only on the default export
const { ConfigResourceTypes } = kafkajs;

const { values: flags } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    engagements: { type: 'string', default: '200' },
    'per-transaction': { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    partitions: { type: 'string', default: '3' },
    writers: { type: 'string', default: '4' },
    consumers: { type: 'string', default: '1' },
    'relay-batch': { type: 'string' },
    'relay-idle-poll-ms': { type: 'string' },
  },
});

function wholeNumber(flag: string, text: string | undefined, least = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`--${flag} must be a whole number of at least ${least}, not ${text}`);
  }
  return value;
}

const workload: Workload = {
  events: wholeNumber('events', flags.events),
  engagements: wholeNumber('engagements', flags.engagements),
  perTransaction: wholeNumber('per-transaction', flags['per-transaction']),
  writers: wholeNumber('writers', flags.writers),
  partitions: wholeNumber('partitions', flags.partitions),
  consumers: wholeNumber('consumers', flags.consumers),
};
const rounds = wholeNumber('rounds', flags.rounds);
const tuning: OutboxTuning = {
  relayBatchSize:
    flags['relay-batch'] === undefined
      ? undefined
      : wholeNumber('relay-batch', flags['relay-batch']),
  relayIdlePollMs:
    flags['relay-idle-poll-ms'] === undefined
      ? undefined
      : wholeNumber('relay-idle-poll-ms', flags['relay-idle-poll-ms'], 0),
};

const suite = openTestSuite('bench');
const bench: Bench = { suite, workload, consumerGroups: [] };
const brokers = [...suite.infrastructure.kafkaBrokers];
const broker = new KafkajsBroker({ brokers, clientId: `${suite.id}-ours` });
const kafka = new Kafka({
  clientId: `${suite.id}-raw`,
  brokers,
  connectionTimeout: 3_000,
  logLevel: logLevel.NOTHING,
});
// as our broker's producer: idempotent, one request in flight, the Java client's partitioner
const producer = kafka.producer({
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
});

async function serverVersions(): Promise<{ postgres: string; kafka: string }> {
  const client = new pg.Client({ connectionString: suite.infrastructure.postgresAdminUrl });
  await client.connect();
  const { rows } = await client
    .query<{ server_version: string }>('SHOW server_version')
    .finally(() => client.end());
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { brokers: [first] = [] } = await admin.describeCluster();
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        {
          type: ConfigResourceTypes.BROKER,
          name: String(first?.nodeId ?? 1),
          configNames: ['inter.broker.protocol.version'],
        },
      ],
    });
    const protocol = resources[0]?.configEntries[0]?.configValue ?? 'unknown';
    return { postgres: rows[0]?.server_version ?? 'unknown', kafka: protocol };
  } finally {
    await admin.disconnect();
  }
}

/** Connects both producers before any clock starts, so neither run pays for it. */
async function warmUp(): Promise<void> {
  const [topic = 'warm-up'] = await suite.createTopics(['warm-up']);
  const message = { key: 'warm-up', value: '{}', headers: {} };
  await broker.publish([{ topic, messages: [message] }]);
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [message] });
}

async function deleteConsumerGroups(): Promise<void> {
  if (bench.consumerGroups.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups(bench.consumerGroups);
  } finally {
    await admin.disconnect();
  }
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '?' : `${(ms / 1_000).toFixed(1)} s`;
}

function ratio(ours: number, raw: number): string {
  return (ours / raw).toFixed(2);
}

const runs: Run[] = [];
let failed = false;
try {
  const versions = await serverVersions();
  console.log(
    `outbox throughput: ${workload.events} events over ${workload.engagements} engagements, ` +
      `${workload.perTransaction} per transaction, ${workload.writers} writers, ` +
      `${workload.partitions} partitions, ${workload.consumers} consumer(s) per pipeline, ` +
      `${rounds} round(s) ours/raw alternating`,
  );
  console.log(
    `relay: batch ${tuning.relayBatchSize ?? 'default (500)'}, idle poll ${tuning.relayIdlePollMs ?? 'default (100)'} ms, woken after each commit`,
  );
  console.log(
    `Node ${process.version}, PostgreSQL ${versions.postgres}, Kafka ${versions.kafka} (kafkajs ${kafkajsPackage.version}), ${process.platform}/${process.arch}`,
  );
  // everything shares this machine: the benchmark, PostgreSQL, Kafka and whatever else runs
  console.log(`${availableParallelism()} CPUs, load average ${loadAverage()} at the start`);
  console.log(
    `command: pnpm -s bench ${process.argv.slice(2).join(' ')}`.trimEnd() +
      ' (in packages/messaging)',
  );
  await warmUp();
  for (let round = 1; round <= rounds; round += 1) {
    for (const pipeline of ['ours', 'raw'] as const) {
      const run =
        pipeline === 'ours'
          ? await runOutbox(bench, broker, round, tuning)
          : await runRaw(bench, kafka, producer, round);
      runs.push(run);
      console.log(
        `  round ${round} ${pipeline}: ${throughput(run).toFixed(0)} events/s, p99 ${percentile(run, 0.99).toFixed(0)} ms; ` +
          `written by ${seconds(run.writtenMs)}, published by ${seconds(run.publishedMs)}, applied by ${seconds(run.elapsedMs)}`,
      );
    }
  }
  const ours = together(
    'ours',
    runs.filter((run) => run.name === 'ours'),
  );
  const raw = together(
    'raw',
    runs.filter((run) => run.name === 'raw'),
  );
  console.log();
  console.log(table([...runs, ours, raw], { name: 'pipeline', count: 'events' }));
  console.log();
  console.log(`ours/raw throughput: ${ratio(throughput(ours), throughput(raw))} (target >= 0.5)`);
  console.log(`ours/raw p99 latency: ${ratio(percentile(ours, 0.99), percentile(raw, 0.99))}`);
  console.log(`load average ${loadAverage()} at the end`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await producer.disconnect();
  await broker.disconnect();
  await deleteConsumerGroups().catch((error: unknown) => console.error(error));
  await suite.close();
}
process.exitCode = failed ? 1 : 0;
