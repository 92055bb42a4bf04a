import { trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { NodeSDK } from '@opentelemetry/sdk-node';

export interface TelemetryOptions {
  /** `service.name` on every span, for example `compliance` or `engagement-worker`. */
  readonly serviceName: string;
  /**
   * Base URL of an OTLP/HTTP collector (for example http://127.0.0.1:4318). When absent,
   * nothing is started and nothing is exported: tracing costs nothing.
   */
  readonly otlpEndpoint?: string | undefined;
}

export interface Telemetry {
  readonly exporting: boolean;
  readonly tracer: Tracer;
  /** Flushes pending spans and stops the SDK; call it on shutdown. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry for one process. Call it first, before the modules it should trace
 * are loaded. Exports over OTLP/HTTP when an endpoint is configured, and nothing otherwise.
 */
export function startTelemetry({ serviceName, otlpEndpoint }: TelemetryOptions): Telemetry {
  if (!otlpEndpoint) {
    return { exporting: false, tracer: trace.getTracer(serviceName), shutdown: async () => {} };
  }
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter({
      url: new URL('/v1/traces', otlpEndpoint).toString(),
    }),
  });
  sdk.start();
  return {
    exporting: true,
    tracer: trace.getTracer(serviceName),
    shutdown: () => sdk.shutdown(),
  };
}
