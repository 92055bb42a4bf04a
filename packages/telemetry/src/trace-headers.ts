// W3C trace context in message headers: the producer writes the active span's context, the
// consumer continues the trace from it. With telemetry off the API is a no-op: no headers are
// written, and the consumer's span is a non-recording one.
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
  type Tracer,
} from '@opentelemetry/api';

/** The W3C trace context of the active span, as message headers. */
export interface TraceHeaders {
  readonly traceparent?: string;
  readonly tracestate?: string;
}

/** Message headers as kafkajs delivers them. */
export type ReceivedTraceHeaders = Readonly<
  Record<string, Buffer | string | readonly (Buffer | string)[] | undefined>
>;

/** The `traceparent` (and `tracestate`) of the active span; empty when there is none. */
export function traceHeaders(): TraceHeaders {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const { traceparent, tracestate } = carrier;
  return { ...(traceparent ? { traceparent } : {}), ...(tracestate ? { tracestate } : {}) };
}

const receivedHeaders: TextMapGetter<ReceivedTraceHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => {
    const value = headers[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string' || Buffer.isBuffer(value)) return value.toString();
    return value.map((item) => item.toString());
  },
};

/**
 * The context a received message was produced in, read from its headers. A message without
 * trace headers gives the root context, so its consumer starts a new trace rather than joining
 * whatever happens to be active.
 */
export function contextFromTraceHeaders(headers: ReceivedTraceHeaders | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, headers ?? {}, receivedHeaders);
}

/**
 * Runs a message handler in a CONSUMER span, child of the producer's span found in the
 * message's headers. A failure is recorded on the span, which ends in error, and rethrown.
 */
export function withConsumerSpan<T>(
  tracer: Tracer,
  name: string,
  headers: ReceivedTraceHeaders | undefined,
  attributes: Attributes,
  handle: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = contextFromTraceHeaders(headers);
  return tracer.startActiveSpan(
    name,
    { kind: SpanKind.CONSUMER, attributes },
    parent,
    async (span) => {
      try {
        return await handle(span);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        span.recordException(error instanceof Error ? error : message);
        span.setStatus({ code: SpanStatusCode.ERROR, message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
