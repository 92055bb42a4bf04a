import { z } from 'zod';

/** A version of one event type: its name, version number, the schema of its data, an example. */
export interface EventTypeVersion<Type extends string, Data extends z.ZodType> {
  readonly type: Type;
  readonly version: number;
  readonly data: Data;
  readonly example: z.infer<Data>;
}

export function defineEventType<const Type extends string, Data extends z.ZodType>(
  definition: EventTypeVersion<Type, Data>,
): EventTypeVersion<Type, Data> {
  return definition;
}

/** Fields every engagement event carries beside its data. */
export const engagementEventHeader = z.strictObject({
  /** Derived from the workflow (`<workflow id>/<sequence>`), so a retried publish is the same event. */
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.number().int().min(1),
  /** The engagement's workflow id; events are keyed by it so one engagement's stay in order. */
  engagementId: z.string().min(1),
  partnerState: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
  cycle: z.number().int(),
  /** ISO 8601 instant in workflow time. */
  occurredAt: z.iso.datetime(),
});

export type EngagementEventHeader = z.infer<typeof engagementEventHeader>;
