import { z } from 'zod';

/** The longest free text a submission may carry in one field. */
export const maxTextLength = 5000;

/** Free text that says something: not blank, at most {@link maxTextLength} characters. */
export const nonEmptyTextSchema = z.string().max(maxTextLength).regex(/\S/, 'must not be empty');

/** A planned course's own id, chosen by the officer: 'darknet-basic-2026-1'. */
export const courseIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{3,64}$/, 'must be 3 to 64 lower-case letters, digits or hyphens');

export type FieldPath = readonly (string | number)[];

/** Reports one problem found by a cross-field rule, at a path from the input's root. */
export type ReportProblem = (path: FieldPath, message: string) => void;

/** Reads a field only when it is valid on its own; anything else reads as undefined. */
export function ifValid<Value>(schema: z.ZodType<Value>) {
  return schema.optional().catch(undefined);
}

/**
 * A rule across several fields, attached to a submission's root schema. It runs even when
 * other fields are wrong, so that every problem is listed at once, but sees only the fields
 * it names, read through `parts`: if they do not parse, the fields' own rules report them and
 * the cross-field rule stays silent.
 */
export function crossFieldRule<Parts>(
  parts: z.ZodType<Parts>,
  rule: (parts: Parts, report: ReportProblem) => void,
) {
  return z.superRefine<unknown>(
    (value, context) => {
      const parsed = parts.safeParse(value);
      if (!parsed.success) return;
      rule(parsed.data, (path, message) => {
        context.addIssue({ code: 'custom', path: [...path], message, input: value });
      });
    },
    { when: () => true },
  );
}
