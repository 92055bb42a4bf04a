// What operators may send, as strict zod schemas.
import { z } from 'zod';
import { knownTopics } from './operations.ts';

const knownTopic = z.string().refine((topic) => knownTopics.includes(topic), {
  error: (issue) =>
    `${String(issue.input)} is not a known topic; one of: ${knownTopics.join(', ')}`,
});

export const deadLettersQuery = z.strictObject({ topic: knownTopic });
export type DeadLettersQuery = z.infer<typeof deadLettersQuery>;

export const replayBody = z.strictObject({
  topic: knownTopic,
  partition: z.number().int().min(0).max(100_000),
  offset: z.string().regex(/^\d{1,20}$/, 'must be an offset as digits, e.g. "42"'),
});
export type ReplayBody = z.infer<typeof replayBody>;
