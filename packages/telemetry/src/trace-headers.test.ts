import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { startTelemetry, type Telemetry } from './index.ts';
import { contextFromTraceHeaders, traceHeaders, withConsumerSpan } from './trace-headers.ts';

describe('trace headers with telemetry off', () => {
  const tracer = trace.getTracer('engagement-events');

  it('writes no headers, even inside a span', () => {
    tracer.startActiveSpan('engagement.opened publish', (span) => {
      expect(traceHeaders()).toEqual({});
      span.end();
    });
  });

  it('still runs the handler, reading headers without complaint', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(() => contextFromTraceHeaders({ traceparent })).not.toThrow();
    await expect(
      withConsumerSpan(tracer, 'engagement.opened process', { traceparent }, {}, () =>
        Promise.resolve('handled'),
      ),
    ).resolves.toBe('handled');
  });
});

describe('trace headers with telemetry on', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;

  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: 'engagement-events', traceExporter: exporter });
  });
  afterAll(() => telemetry.shutdown());
  beforeEach(() => exporter.reset());

  /** Produces inside a PRODUCER span: its context and the headers written. */
  function produce() {
    return telemetry.tracer.startActiveSpan(
      'engagement.opened publish',
      { kind: SpanKind.PRODUCER },
      (span) => {
        const headers = traceHeaders();
        span.end();
        return { producer: span.spanContext(), headers };
      },
    );
  }

  async function finished(name: string) {
    await telemetry.flush();
    const span = exporter.getFinishedSpans().find((candidate) => candidate.name === name);
    if (!span) throw new Error(`no finished span ${name}`);
    return span;
  }

  it('writes the active span as a W3C traceparent', () => {
    const { producer, headers } = produce();
    expect(headers.traceparent).toBe(`00-${producer.traceId}-${producer.spanId}-01`);
  });

  it('keeps the active span across awaits (the AsyncLocalStorage context manager)', async () => {
    await telemetry.tracer.startActiveSpan('milestone.review', async (span) => {
      await setTimeout(1);
      expect(traceHeaders().traceparent).toContain(span.spanContext().spanId);
      span.end();
    });
  });

  it('continues the trace in a CONSUMER span, child of the producer span', async () => {
    const { producer, headers } = produce();
    // as kafkajs delivers them: Buffers, sometimes in arrays
    const received = { traceparent: [Buffer.from(headers.traceparent ?? '')] };

    const result = await withConsumerSpan(
      telemetry.tracer,
      'engagement.opened process',
      received,
      { 'messaging.system': 'kafka' },
      (span) => Promise.resolve(span.spanContext().traceId),
    );

    const consumer = await finished('engagement.opened process');
    expect(result).toBe(producer.traceId);
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(consumer.spanContext().traceId).toBe(producer.traceId);
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanId);
    expect(consumer.attributes['messaging.system']).toBe('kafka');
  });

  it('starts a new trace for a message without trace headers, whatever is active', async () => {
    await telemetry.tracer.startActiveSpan('unrelated', async (unrelated) => {
      await withConsumerSpan(telemetry.tracer, 'untraced process', {}, {}, () => Promise.resolve());
      unrelated.end();
      const consumer = await finished('untraced process');
      expect(consumer.parentSpanContext).toBeUndefined();
      expect(consumer.spanContext().traceId).not.toBe(unrelated.spanContext().traceId);
    });
  });

  it('records a failing handler on the span and rethrows', async () => {
    const { headers } = produce();
    const failure = new Error('event does not match its contract');

    await expect(
      withConsumerSpan(telemetry.tracer, 'engagement.opened process', { ...headers }, {}, () =>
        Promise.reject(failure),
      ),
    ).rejects.toBe(failure);

    const consumer = await finished('engagement.opened process');
    expect(consumer.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'event does not match its contract',
    });
    expect(consumer.events).toEqual([
      expect.objectContaining({
        name: 'exception',
        attributes: expect.objectContaining({
          'exception.message': 'event does not match its contract',
        }),
      }),
    ]);
  });
});
