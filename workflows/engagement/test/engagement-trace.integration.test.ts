import { randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fromKafkaRecord } from '@cttech/contracts';
import { startTelemetry, withConsumerSpan, type Telemetry } from '@cttech/telemetry';
import { openTestSuite, quietTemporalRuntime, waitFor, type TestSuite } from '@cttech/testing';
import { SpanKind, type SpanContext } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import type { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Consumer } from 'kafkajs';
import { engagementWorkflowId } from '../src/contract.ts';
import { createEngagementClient, openEngagement } from '../src/engagement-client.ts';
import { KafkaEngagementEventPublisher } from '../src/kafka-event-publisher.ts';
import { createEngagementWorker } from '../src/worker.ts';
import { manager } from './engagement-harness.ts';

/** The trace id and span id a W3C `traceparent` names. */
function parseTraceparent(traceparent: string): { traceId: string; spanId: string } {
  const [, traceId = '', spanId = ''] = traceparent.split('-');
  return { traceId, spanId };
}

interface Consumed {
  readonly type: string;
  readonly engagementId: string;
  readonly traceparent: string | undefined;
  /** The span the handler ran in, as the handler saw it. */
  readonly handlerSpan: SpanContext;
}

/** A random two-letter code, not one of those given. */
function randomCodeExcept(taken: readonly string[]): string {
  for (;;) {
    const code = String.fromCharCode(65 + randomInt(26), 65 + randomInt(26));
    if (!taken.includes(code)) return code;
  }
}

describe('one trace from an HTTP request through Temporal and Kafka to a consumer (real servers)', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let suite: TestSuite;
  let topic: string;
  let workerConnection: NativeConnection;
  let events: KafkaEngagementEventPublisher;
  let worker: Worker;
  let running: Promise<void>;
  let client: Client;
  let server: Server;
  let consumer: Consumer | undefined;
  const consumed: Consumed[] = [];
  // the production workflow id (engagement-XX-YYYY) on a shared, persistent server: a random
  // one, never a partner state of the running system's demo programme (which it would find and
  // then terminate; see infra/local/src/demo-scenarios.ts)
  const open = {
    partnerState: randomCodeExcept(['GH', 'IQ', 'KE', 'NG', 'PH', 'TJ', 'UZ']),
    cycle: 2000 + randomInt(101),
    openedBy: manager,
  };

  async function finishedSpans(): Promise<ReadableSpan[]> {
    await telemetry.flush();
    return exporter.getFinishedSpans();
  }

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'engagement-trace-test', traceExporter: exporter });
    quietTemporalRuntime();
    suite = openTestSuite('engagement trace');
    // created by the publisher, as in the worker; deleted after the test
    topic = suite.topic('engagement-events');
    const namespace = suite.infrastructure.temporalNamespace;

    events = await KafkaEngagementEventPublisher.connect({
      brokers: suite.infrastructure.kafkaBrokers,
      topic,
      clientId: suite.id,
    });
    workerConnection = await NativeConnection.connect({
      address: suite.infrastructure.temporalAddress,
    });
    worker = await createEngagementWorker({
      connection: workerConnection,
      namespace,
      taskQueue: suite.taskQueue(),
      ports: { events },
      shutdownGraceSeconds: 0,
      telemetry,
    });
    running = worker.run();
    client = createEngagementClient({
      connection: await suite.temporalConnection(),
      namespace,
      telemetry,
    });

    // The gateway's part: an HTTP request that opens an engagement, in a SERVER span. The
    // span is opened here because `instrumentHttp` cannot work inside Jest: its patching of
    // node:http hooks `require`, and Jest loads modules with a require of its own (see
    // packages/telemetry/src/http-instrumentation.test.ts, which checks it in plain Node).
    server = createServer((_request, response) => {
      void telemetry.tracer.startActiveSpan(
        'POST /engagements',
        { kind: SpanKind.SERVER },
        async (span) => {
          try {
            const handle = await openEngagement(client, open, suite.taskQueue());
            response.writeHead(201, { 'content-type': 'application/json' });
            response.end(JSON.stringify({ engagementId: handle.workflowId }));
          } catch (error) {
            response.writeHead(500).end(String(error));
          } finally {
            span.end();
          }
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await new Promise((resolve) => server.close(resolve));
    await client.workflow
      .getHandle(engagementWorkflowId(open.partnerState, open.cycle))
      .terminate('trace test done')
      .catch(() => undefined);
    worker.shutdown();
    await running;
    await events.disconnect();
    await workerConnection.close();
    const admin = suite.kafka().admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
    await suite.close();
    await telemetry.shutdown();
  });

  it('gives the Kafka record and its consumer the trace of the HTTP request', async () => {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/engagements`, { method: 'POST' });
    expect(response.status).toBe(201);
    const { engagementId } = (await response.json()) as { engagementId: string };

    const serverSpan = await waitFor(
      async () => (await finishedSpans()).find((span) => span.kind === SpanKind.SERVER),
      { what: 'the HTTP server span' },
    );
    const traceId = serverSpan.spanContext().traceId;

    // a consumer as a service would write one: each message handled in a CONSUMER span
    consumer = suite.kafka().consumer({ groupId: suite.topic('reader'), maxWaitTimeInMs: 200 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) =>
        withConsumerSpan(
          telemetry.tracer,
          'engagement event process',
          message.headers,
          { 'messaging.system': 'kafka', 'messaging.destination.name': topic },
          (span) => {
            const read = fromKafkaRecord(message);
            if (!read.ok) throw new Error(`unreadable event on ${topic}: ${read.reason}`);
            consumed.push({
              type: read.event.type,
              engagementId: read.event.engagementId,
              traceparent: read.trace?.traceparent,
              handlerSpan: span.spanContext(),
            });
            return Promise.resolve();
          },
        ),
    });
    const opened = await waitFor(
      () => consumed.find((event) => event.type === 'engagement.opened'),
      { what: 'engagement.opened on Kafka' },
    );
    expect(opened.engagementId).toBe(engagementId);

    // the record carries the HTTP request's trace, from the span that published it
    expect(opened.traceparent).toBeDefined();
    const published = parseTraceparent(opened.traceparent ?? '');
    expect(published.traceId).toBe(traceId);
    const spans = await waitFor(
      async () => {
        const finished = await finishedSpans();
        const names = finished.map((span) => span.name);
        return names.includes('StartActivity:publishEngagementEvent') &&
          names.includes('engagement event process')
          ? finished
          : undefined;
      },
      { what: 'the workflow and consumer spans' },
    );
    const named = (name: string) => spans.filter((span) => span.name === name);
    const [publishing] = named('RunActivity:publishEngagementEvent').filter(
      (span) => span.spanContext().spanId === published.spanId,
    );
    expect(publishing?.spanContext().traceId).toBe(traceId);
    // the workflow's own spans, made in its sandbox, are exported in the same trace
    expect(
      named('StartActivity:publishEngagementEvent').map((span) => span.spanContext().traceId),
    ).toContain(traceId);

    // the consumer continues that trace, as a child of the publishing span
    expect(opened.handlerSpan.traceId).toBe(traceId);
    const [consumerSpan] = named('engagement event process').filter(
      (span) => span.spanContext().spanId === opened.handlerSpan.spanId,
    );
    expect(consumerSpan?.kind).toBe(SpanKind.CONSUMER);
    expect(consumerSpan?.spanContext().traceId).toBe(traceId);
    expect(consumerSpan?.parentSpanContext?.spanId).toBe(published.spanId);
  });
});
