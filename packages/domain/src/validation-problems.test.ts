import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { validateWith } from './validation-problems.ts';

const workshop = z.strictObject({
  venue: z.string(),
  participants: z.int().min(1).max(200),
  share: z.number().min(0).max(1),
  online: z.boolean(),
  agencies: z
    .array(z.enum(['POLICE', 'PROSECUTION']))
    .min(1)
    .max(2),
  code: z.string().min(3).max(5),
  chair: z.strictObject({ agency: z.string() }),
});

const valid = {
  venue: 'Nairobi',
  participants: 25,
  share: 0.4,
  online: false,
  agencies: ['POLICE'],
  code: 'KE-1',
  chair: { agency: 'POLICE' },
};

function problemsOf(input: unknown) {
  const result = validateWith(workshop, input);
  return result.ok ? [] : result.problems;
}

describe('validateWith', () => {
  it('returns the typed value when the input is valid', () => {
    expect(validateWith(workshop, valid)).toEqual({ ok: true, value: valid });
  });

  it.each([
    ['a missing field', { ...valid, venue: undefined }, 'venue', 'is required'],
    ['a missing nested field', { ...valid, chair: {} }, 'chair.agency', 'is required'],
    ['text expected', { ...valid, venue: 7 }, 'venue', 'must be text'],
    [
      'a whole number expected',
      { ...valid, participants: 2.5 },
      'participants',
      'must be a whole number',
    ],
    ['a number expected', { ...valid, share: '40%' }, 'share', 'must be a number'],
    [
      'a finite number expected',
      { ...valid, share: Number.NaN },
      'share',
      'must be a finite number',
    ],
    ['true or false expected', { ...valid, online: 'no' }, 'online', 'must be true or false'],
    ['a list expected', { ...valid, agencies: 'POLICE' }, 'agencies', 'must be a list'],
    ['an object expected', { ...valid, chair: 'POLICE' }, 'chair', 'must be an object'],
    [
      'a number below its minimum',
      { ...valid, participants: 0 },
      'participants',
      'must be at least 1',
    ],
    [
      'a number above its maximum',
      { ...valid, participants: 201 },
      'participants',
      'must be at most 200',
    ],
    ['a list too short', { ...valid, agencies: [] }, 'agencies', 'must have at least 1 entry'],
    [
      'a list too long',
      { ...valid, agencies: ['POLICE', 'POLICE', 'PROSECUTION'] },
      'agencies',
      'must have at most 2 entries',
    ],
    ['text too short', { ...valid, code: 'K' }, 'code', 'must be at least 3 characters long'],
    ['text too long', { ...valid, code: 'KE-001' }, 'code', 'must be at most 5 characters long'],
    [
      'a value not among the options, in a list',
      { ...valid, agencies: ['ARMY'] },
      'agencies.0',
      'must be one of: POLICE, PROSECUTION',
    ],
    [
      'an unexpected field',
      { ...valid, chairName: 'A. Person' },
      'chairName',
      'is not an expected field',
    ],
    [
      'an unexpected nested field',
      { ...valid, chair: { agency: 'POLICE', name: 'x' } },
      'chair.name',
      'is not an expected field',
    ],
    ['an input that is not an object', null, '', 'must be an object'],
  ])('names %s by its field path', (_name, input, field, message) => {
    expect(problemsOf(input)).toEqual([{ field, message }]);
  });

  it('lists every problem, not just the first', () => {
    expect(
      problemsOf({ ...valid, venue: undefined, participants: 0, extra: 1, another: 2 }),
    ).toEqual([
      { field: 'venue', message: 'is required' },
      { field: 'participants', message: 'must be at least 1' },
      { field: 'extra', message: 'is not an expected field' },
      { field: 'another', message: 'is not an expected field' },
    ]);
  });

  it('keeps a custom message as written', () => {
    const slug = z.string().regex(/^[a-z]+$/, 'must be lower-case letters');
    expect(validateWith(slug, 'ABC')).toEqual({
      ok: false,
      problems: [{ field: '', message: 'must be lower-case letters' }],
    });
  });
});
