import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTelemetry } from './index.ts';

/** A loopback OTLP/HTTP receiver that records what it is sent. */
function otlpReceiver(): Promise<{ server: Server; url: string; received: Buffer[] }> {
  const received: Buffer[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') received.push(Buffer.concat(chunks));
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, received });
    });
  });
}

describe('startTelemetry', () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  beforeAll(async () => {
    receiver = await otlpReceiver();
  });
  afterAll(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));

  it('exports nothing when no endpoint is configured', async () => {
    const telemetry = startTelemetry({ serviceName: 'quiet-service' });
    telemetry.tracer.startSpan('unexported').end();
    await telemetry.shutdown();
    expect(telemetry.exporting).toBe(false);
    expect(receiver.received).toHaveLength(0);
  });

  it('exports spans over OTLP/HTTP to the configured endpoint, named by service', async () => {
    const telemetry = startTelemetry({
      serviceName: 'compliance-proof',
      otlpEndpoint: receiver.url,
    });
    telemetry.tracer.startSpan('milestone.review').end();
    await telemetry.shutdown();
    expect(telemetry.exporting).toBe(true);
    const body = Buffer.concat(receiver.received).toString('latin1');
    expect(body).toContain('compliance-proof');
    expect(body).toContain('milestone.review');
  });
});
