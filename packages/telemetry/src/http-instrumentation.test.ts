import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { SpanKind } from '@opentelemetry/api';

const tracedHttpServer = fileURLToPath(new URL('../test/traced-http-server.ts', import.meta.url));

// The HTTP instrumentation patches node:http through a hook on `require`, which Jest's own
// module loader never calls: inside Jest it traces nothing. So this runs a small server in
// plain Node, loaded the way a service is.
describe('startTelemetry with instrumentHttp (plain Node, ES modules)', () => {
  it('opens a SERVER span for an incoming request, continuing the caller’s trace', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@cttech/source', '--disable-warning=ExperimentalWarning', tracedHttpServer],
      { env: { ...process.env, NODE_OPTIONS: '' } },
    );
    const { caller, handlerTraceId, spans } = JSON.parse(stdout) as {
      caller: { traceId: string; spanId: string };
      handlerTraceId: string;
      spans: { name: string; kind: SpanKind; traceId: string; parentSpanId?: string }[];
    };

    expect(spans).toEqual([
      {
        name: 'GET',
        kind: SpanKind.SERVER,
        traceId: caller.traceId,
        parentSpanId: caller.spanId,
      },
    ]);
    expect(handlerTraceId).toBe(caller.traceId);
  });
});
