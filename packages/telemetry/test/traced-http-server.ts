// Run in plain Node by src/http-instrumentation.test.ts: an ES module that imports node:http
// before telemetry starts, as a service's entry module does, serves one request that carries a
// traceparent, and prints what was traced as JSON.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { startTelemetry } from '../src/index.ts';

const exporter = new InMemorySpanExporter();
const telemetry = startTelemetry({
  serviceName: 'traced-http-server',
  traceExporter: exporter,
  instrumentHttp: true,
});

const server = createServer((_request, response) => {
  // the handler runs in the request's span
  response.end(trace.getActiveSpan()?.spanContext().traceId ?? 'no active span');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
const caller = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' };
const response = await fetch(`http://127.0.0.1:${port}/engagements`, {
  headers: { traceparent: `00-${caller.traceId}-${caller.spanId}-01` },
});
const handlerTraceId = await response.text();
await new Promise((resolve) => server.close(resolve));
await telemetry.flush();

const spans = exporter.getFinishedSpans().map((span) => ({
  name: span.name,
  kind: span.kind,
  traceId: span.spanContext().traceId,
  parentSpanId: span.parentSpanContext?.spanId,
}));
console.log(JSON.stringify({ caller, handlerTraceId, spans }));
await telemetry.shutdown();
