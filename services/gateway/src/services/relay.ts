import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceAnswer, ServiceName } from './service-client.ts';

/** Sends a service's answer on as it came: status, content type, body. */
export function relay(reply: FastifyReply, answer: ServiceAnswer): FastifyReply {
  if (answer.contentDisposition) reply.header('content-disposition', answer.contentDisposition);
  // as bytes, so that Fastify sends the content type as it came (no charset added)
  return reply
    .status(answer.status)
    .header('content-type', answer.contentType)
    .send(Buffer.from(answer.body));
}

/** The API document's note on every route a service answers. */
export function answeredBy(service: ServiceName): string {
  return `Answered by the ${service} service, which checks roles and partner states again.`;
}

/** The note on the compliance service's routes. */
export const relayed = answeredBy('compliance');

/**
 * Relays a service's stream of server-sent events to the caller for as long as the caller
 * stays: the service's request is aborted when the caller goes away. A refusal (the service
 * answered without a stream) is relayed as it came.
 */
export async function relayEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  open: (callerGone: AbortSignal) => Promise<Response>,
): Promise<FastifyReply> {
  const caller = new AbortController();
  request.raw.once('close', () => caller.abort());
  const response = await open(caller.signal);
  const contentType = response.headers.get('content-type') ?? 'application/json';
  if (!response.ok || !response.body || !contentType.startsWith('text/event-stream')) {
    return relay(reply, { status: response.status, contentType, body: await response.text() });
  }
  const events = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  // the caller's going away ends the service's stream; its ending ends the caller's
  events.once('error', () => caller.abort());
  return reply
    .status(200)
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache, no-transform')
    .header('x-accel-buffering', 'no')
    .send(events);
}
