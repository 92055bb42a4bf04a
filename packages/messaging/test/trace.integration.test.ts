import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toKafkaRecord } from '@cttech/contracts';
import { startTelemetry, type Telemetry } from '@cttech/telemetry';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { appendToOutbox, KafkajsBroker, outboxMessage, OutboxRelay } from '../src/index.ts';
import {
  appliedRecords,
  ledgerConsumer,
  ledgerInbox,
  openLedgerDatabase,
  quiet,
  workRecorded,
} from './ledger.ts';

describe('one trace from the HTTP request that wrote an event to the handler that applied it', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let suite: TestSuite;

  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: 'messaging-trace-test', traceExporter: exporter });
    suite = openTestSuite('messaging trace');
  });

  afterAll(async () => {
    await suite.close();
    await telemetry.shutdown();
  });

  it('carries the request trace through the outbox, Kafka and the inbox', async () => {
    const [topic] = await suite.createTopics(['decisions'], 2);
    const { prisma } = await openLedgerDatabase(suite);
    const broker = new KafkajsBroker({
      brokers: suite.infrastructure.kafkaBrokers,
      clientId: suite.id,
    });
    const relay = new OutboxRelay({ database: prisma, broker, idlePollMs: 20, logger: quiet });
    const consumer = ledgerConsumer(broker, topic as string, ledgerInbox(prisma));
    const tracer = trace.getTracer('messaging-trace-test');
    // A service's endpoint: the change and its event in one transaction, in a SERVER span
    // (opened here by hand: HTTP instrumentation cannot patch node:http inside Jest).
    const server = createServer((request, response) => {
      void tracer.startActiveSpan(
        `${request.method} /decisions`,
        { kind: SpanKind.SERVER },
        async (span) => {
          await prisma.$transaction((tx) =>
            appendToOutbox(tx, [
              outboxMessage(topic as string, toKafkaRecord(workRecorded('engagement-SN-2026', 1))),
            ]),
          );
          relay.wake();
          response.writeHead(202).end();
          span.end();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await consumer.start();
      relay.start();
      const { port } = server.address() as AddressInfo;
      expect((await fetch(`http://127.0.0.1:${port}/decisions`, { method: 'POST' })).status).toBe(
        202,
      );
      await waitFor(async () => ((await appliedRecords(prisma)).length === 1 ? true : undefined), {
        what: 'the event applied',
      });
      await telemetry.flush();
      const spans = exporter.getFinishedSpans();
      const request = spans.find((span) => span.kind === SpanKind.SERVER);
      const applied = spans.find(
        (span) => span.name === `${topic} apply` || span.name === `${topic} process`,
      );
      expect(request).toBeDefined();
      expect(applied?.kind).toBe(SpanKind.CONSUMER);
      expect(applied?.spanContext().traceId).toBe(request?.spanContext().traceId);
      expect(applied?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await relay.stop();
      await consumer.stop();
      await broker.disconnect();
      await prisma.$disconnect();
    }
  });
});
