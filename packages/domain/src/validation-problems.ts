import type { z } from 'zod';
import type { Problem, Validated } from './refusals.ts';

/** Validates an input against a schema: the typed value, or every problem in plain words. */
export function validateWith<Value>(schema: z.ZodType<Value>, input: unknown): Validated<Value> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: problemsFromIssues(result.error.issues, input) };
}

/** Turns zod's issues into problems: a dotted field path and what is wrong, in plain words. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  // zod runs a length check even on a value of the wrong type ('abc' for a list); the wrong
  // type is the one problem to report there
  const wrongTypes = new Set(
    issues.filter((issue) => issue.code === 'invalid_type').map((issue) => fieldName(issue.path)),
  );
  return issues
    .filter(
      (issue) =>
        !(
          (issue.code === 'too_small' || issue.code === 'too_big') &&
          wrongTypes.has(fieldName(issue.path))
        ),
    )
    .flatMap((issue) => describeIssue(issue, input));
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): Problem[] {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return [{ field, message: wrongType(issue.expected, valueAt(input, issue.path)) }];
    case 'too_small':
      return [{ field, message: tooSmall(issue.origin, issue.minimum, issue.inclusive) }];
    case 'too_big':
      return [{ field, message: tooBig(issue.origin, issue.maximum, issue.inclusive) }];
    case 'invalid_value':
      return [{ field, message: `must be one of: ${issue.values.map(String).join(', ')}` }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: fieldName([...issue.path, key]),
        message: 'is not an expected field',
      }));
    default:
      return [{ field, message: issue.message }];
  }
}

function wrongType(expected: string, value: unknown): string {
  if (value === undefined) return 'is required';
  switch (expected) {
    case 'int':
      return 'must be a whole number';
    case 'number':
      return typeof value === 'number' ? 'must be a finite number' : 'must be a number';
    case 'string':
      return 'must be text';
    case 'boolean':
      return 'must be true or false';
    case 'array':
      return 'must be a list';
    case 'object':
      return 'must be an object';
    default:
      return `must be of type ${expected}`;
  }
}

function tooSmall(origin: string, minimum: number | bigint, inclusive = true): string {
  switch (origin) {
    case 'array':
      return `must have at least ${count(minimum, 'entry', 'entries')}`;
    case 'string':
      return `must be at least ${count(minimum, 'character', 'characters')} long`;
    default:
      return inclusive ? `must be at least ${minimum}` : `must be more than ${minimum}`;
  }
}

function tooBig(origin: string, maximum: number | bigint, inclusive = true): string {
  switch (origin) {
    case 'array':
      return `must have at most ${count(maximum, 'entry', 'entries')}`;
    case 'string':
      return `must be at most ${count(maximum, 'character', 'characters')} long`;
    default:
      return inclusive ? `must be at most ${maximum}` : `must be less than ${maximum}`;
  }
}

function count(amount: number | bigint, one: string, many: string): string {
  return `${amount} ${amount === 1 || amount === 1n ? one : many}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
