// What callers may send about engagements, as strict zod schemas: a property a route does not
// expect (an `openedBy`, a `by`) is refused by name rather than ignored.
import {
  engagementStageSchema,
  engagementStates,
  submissionKindSchema,
  submissionSchemas,
} from '@cttech/domain';
import { z } from 'zod';

export const partnerStateSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as KE');
export const cycleSchema = z.coerce.number().int().min(2000).max(2100);

const days = z.number().int().min(1).max(3650);

export const openEngagementBody = z.strictObject({
  partnerState: partnerStateSchema,
  cycle: z.number().int().min(2000).max(2100),
  deadlines: z
    .strictObject({
      stageDays: days.optional(),
      reviewDays: days.optional(),
      reviewReminderDaysBefore: z.number().int().min(0).max(3650).optional(),
    })
    .optional(),
});
export type OpenEngagementBody = z.infer<typeof openEngagementBody>;

const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const engagementListQuery = z.strictObject({
  partnerState: partnerStateSchema.optional(),
  cycle: cycleSchema.optional(),
  state: z.enum(engagementStates).optional(),
  stage: engagementStageSchema.optional(),
  awaitingReview: queryBoolean.optional(),
  overdue: queryBoolean.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type EngagementListQuery = z.infer<typeof engagementListQuery>;

/** An engagement's id: the workflow id, `engagement-<ISO code>-<year>`. */
export const engagementIdSchema = z.string().max(64);

export const submissionKindParam = submissionKindSchema;

/** For the API document: a recorded piece of work is one of the submission kinds. */
export const anySubmission = z.union(Object.values(submissionSchemas));

/**
 * Submitting a milestone: after "changes requested", an answer to each open finding, by its
 * place (from 0) in the status's `openFindings`; nothing otherwise.
 */
export const submitMilestoneBody = z
  .strictObject({
    findingResponses: z
      .array(
        z.strictObject({
          finding: z.number().int().min(0),
          response: z.string().trim().min(1).max(4000),
        }),
      )
      .max(200)
      .optional(),
  })
  .optional();
export type SubmitMilestoneBody = z.infer<typeof submitMilestoneBody>;

export const reasonBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
});

export const resumeBody = z.strictObject({}).optional();

/** The body schemas as JSON Schema (OpenAPI 3.0 flavour) for the API document. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...document } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
  });
  return document;
}

/**
 * Whether a `Prefer` request header (RFC 7240) asks for `return=minimal`: preferences are
 * comma-separated, each `name[=value]` with optional `;` parameters; names are case-insensitive
 * and a value may be quoted.
 */
export function prefersMinimalReturn(prefer: string | undefined): boolean {
  return (prefer ?? '').split(',').some((preference) => {
    const [nameAndValue = ''] = preference.split(';');
    const [name = '', value = ''] = nameAndValue.split('=').map((part) => part.trim());
    return name.toLowerCase() === 'return' && value.replace(/^"(.*)"$/, '$1') === 'minimal';
  });
}
