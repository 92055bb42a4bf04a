import type { FastifyReply } from 'fastify';
import type { ComplianceAnswer } from './compliance-monitoring.ts';

/** Sends the compliance service's answer on as it came: status, content type, body. */
export function relay(reply: FastifyReply, answer: ComplianceAnswer): FastifyReply {
  if (answer.contentDisposition) reply.header('content-disposition', answer.contentDisposition);
  // as bytes, so that Fastify sends the content type as it came (no charset added)
  return reply
    .status(answer.status)
    .header('content-type', answer.contentType)
    .send(Buffer.from(answer.body));
}

/** The API document's note on every route the compliance service answers. */
export const relayed =
  'Answered by the compliance service, which checks roles and partner states again.';
