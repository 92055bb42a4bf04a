// What callers may send about reviews, checked at the gateway's edge for its shape only
// (strict: unknown properties refused by name). The stage's checklist is the compliance
// service's to check.
import { criterionAnswerSchema, reviewFindingSchema, reviewOutcomes } from '@cttech/domain';
import { z } from 'zod';

export const reviewQueueQuery = z.strictObject({
  status: z.enum(['OPEN', 'DECIDED']).optional(),
  /** `true`: only the open reviews the caller may decide (four eyes). */
  mine: z.enum(['true', 'false']).optional(),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuery>;

export const reviewIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must be letters, digits or _.:-');

export const reviewDecisionBody = z.strictObject({
  outcome: z.enum(reviewOutcomes),
  answers: z.array(criterionAnswerSchema).max(500),
  findings: z.array(reviewFindingSchema).max(500),
});
export type ReviewDecisionBody = z.infer<typeof reviewDecisionBody>;
