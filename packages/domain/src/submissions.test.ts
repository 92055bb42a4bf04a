import { describe, expect, it } from '@jest/globals';
import { milestoneStages } from './stages.ts';
import type { SubmissionKind } from './submissions.ts';
import {
  stageOfSubmission,
  submissionKinds,
  submissionKindsByStage,
  submissionSchemas,
  validateSubmission,
} from './submissions.ts';

describe('submission kinds', () => {
  it('belong each to exactly one stage', () => {
    const byStage = milestoneStages.flatMap((stage) => submissionKindsByStage[stage]);
    expect([...byStage].sort()).toEqual([...submissionKinds].sort());
  });

  it.each([
    ['KICK_OFF_REPORT', 'KICK_OFF'],
    ['NEEDS_ASSESSMENT', 'NEEDS_ASSESSMENT'],
    ['TRAINING_PLAN', 'TAILORED_TRAINING'],
    ['TRAINING_DELIVERY', 'TAILORED_TRAINING'],
    ['TRAINING_COMPLETION', 'TAILORED_TRAINING'],
    ['STRATEGY_ADOPTION', 'STRATEGY_ADOPTION'],
  ] as const)('%s records the work of %s', (kind, stage) => {
    expect(stageOfSubmission(kind)).toBe(stage);
  });

  it('has a schema for every kind', () => {
    expect(Object.keys(submissionSchemas).sort()).toEqual([...submissionKinds].sort());
  });

  it('cannot name the stage of an unknown kind', () => {
    expect(() => stageOfSubmission('MINUTES' as SubmissionKind)).toThrow(RangeError);
  });
});

describe('validateSubmission', () => {
  it('refuses an unknown submission kind', () => {
    expect(validateSubmission('MINUTES' as SubmissionKind, {})).toEqual({
      ok: false,
      problems: [
        {
          field: '',
          message:
            'is of an unknown submission kind MINUTES; expected one of: KICK_OFF_REPORT, NEEDS_ASSESSMENT, TRAINING_PLAN, TRAINING_DELIVERY, TRAINING_COMPLETION, STRATEGY_ADOPTION',
        },
      ],
    });
  });

  it.each(submissionKinds)('refuses a %s that is not an object', (kind) => {
    expect(validateSubmission(kind, [])).toEqual({
      ok: false,
      problems: [{ field: '', message: 'must be an object' }],
    });
  });
});
