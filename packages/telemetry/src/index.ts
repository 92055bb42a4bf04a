import { createRequire } from 'node:module';
import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';

export {
  contextFromTraceHeaders,
  traceHeaders,
  withConsumerSpan,
  type ReceivedTraceHeaders,
  type TraceHeaders,
} from './trace-headers.ts';

export interface TelemetryOptions {
  /** `service.name` on every span, for example `compliance` or `engagement-worker`. */
  readonly serviceName: string;
  /**
   * Base URL of an OTLP/HTTP collector (for example http://127.0.0.1:4318). When absent and no
   * `traceExporter` is given, nothing is started and nothing is exported: tracing costs nothing.
   */
  readonly otlpEndpoint?: string | undefined;
  /**
   * Where spans go instead of OTLP, each one as soon as it ends rather than in batches (tests
   * pass an `InMemorySpanExporter` here).
   */
  readonly traceExporter?: SpanExporter | undefined;
  /** Opens a SERVER span for each HTTP request served by node:http (and so by frameworks on it). */
  readonly instrumentHttp?: boolean | undefined;
}

/** Where finished spans go: for spans made outside this SDK, such as a Temporal workflow's. */
export interface SpanDestination {
  readonly processor: SpanProcessor;
  /** The resource workflow spans are exported with (this service's name). */
  readonly resource: Resource;
}

export interface Telemetry {
  readonly exporting: boolean;
  readonly tracer: Tracer;
  /** Set while spans are exported; undefined when telemetry is off. */
  readonly spans: SpanDestination | undefined;
  /** Exports the spans ended so far (the exporters work asynchronously, even the simple one). */
  flush(): Promise<void>;
  /** Flushes pending spans and stops the SDK; call it on shutdown. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry for one process: traces only, with W3C trace context propagation and
 * an AsyncLocalStorage context manager (the SDK's defaults). Call it first, before the modules
 * it should trace are loaded. Exports over OTLP/HTTP when an endpoint is configured, to the
 * given exporter when there is one, and nothing otherwise.
 */
export function startTelemetry({
  serviceName,
  otlpEndpoint,
  traceExporter,
  instrumentHttp = false,
}: TelemetryOptions): Telemetry {
  if (!otlpEndpoint && !traceExporter) {
    return {
      exporting: false,
      tracer: trace.getTracer(serviceName),
      spans: undefined,
      flush: async () => {},
      shutdown: async () => {},
    };
  }
  const processor = traceExporter
    ? new SimpleSpanProcessor({ exporter: traceExporter })
    : new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: new URL('/v1/traces', otlpEndpoint).toString() }),
      });
  const instrumentations = instrumentHttp ? [new HttpInstrumentation()] : [];
  const sdk = new NodeSDK({
    serviceName,
    spanProcessors: [processor],
    // traces only: without these the SDK would also export metrics and logs to its defaults
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations,
  });
  sdk.start();
  if (instrumentHttp) {
    // The instrumentation patches node:http when it is require()d after this point. An ES
    // module's `import` of it is not seen without a loader hook (import-in-the-middle), so
    // require it once here: incoming requests are traced through Server.prototype.emit, which
    // the patch shares with every import of the module.
    const require = createRequire(import.meta.url);
    require('node:http');
    require('node:https');
  }
  return {
    exporting: true,
    tracer: trace.getTracer(serviceName),
    spans: { processor, resource: resourceFromAttributes({ 'service.name': serviceName }) },
    flush: () => processor.forceFlush(),
    shutdown: async () => {
      await sdk.shutdown();
      // undo what start() registered, so that telemetry can be started again in this process
      for (const instrumentation of instrumentations) instrumentation.disable();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
