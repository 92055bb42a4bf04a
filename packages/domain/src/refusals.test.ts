import { describe, expect, it } from '@jest/globals';
import { checkFourEyes, refusalForProblems } from './refusals.ts';

describe('checkFourEyes', () => {
  it('lets a reviewer decide a milestone someone else submitted', () => {
    expect(checkFourEyes({ submittedBy: 'officer-17', decidedBy: 'reviewer-3' })).toEqual({
      ok: true,
    });
  });

  it('refuses a reviewer who submitted the milestone', () => {
    expect(checkFourEyes({ submittedBy: 'user-42', decidedBy: 'user-42' })).toEqual({
      ok: false,
      refusal: {
        code: 'FOUR_EYES',
        message:
          'the reviewer submitted this milestone and cannot sign it off; another compliance reviewer must decide it',
      },
    });
  });

  it('compares user ids exactly', () => {
    expect(checkFourEyes({ submittedBy: 'User-42', decidedBy: 'user-42' }).ok).toBe(true);
  });

  it('refuses a reviewer who edited the milestone', () => {
    const result = checkFourEyes({
      submittedBy: 'officer-17',
      decidedBy: 'reviewer-3',
      editedBy: ['officer-17', 'reviewer-3'],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusal.code).toBe('FOUR_EYES');
      expect(result.refusal.message).toMatch(/^the reviewer edited this milestone/);
    }
  });

  it.each([
    ['', 'reviewer-3'],
    ['officer-17', ' '],
  ])(
    'refuses when the submitter (%j) or reviewer (%j) is not identified',
    (submittedBy, decidedBy) => {
      const result = checkFourEyes({ submittedBy, decidedBy });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.refusal.message).toMatch(/must both be identified/);
    },
  );
});

describe('refusalForProblems', () => {
  it('lists every problem in the message and keeps them', () => {
    const problems = [
      {
        field: 'assistancePlan.periodEnd',
        message: 'must be on or after assistancePlan.periodStart',
      },
      { field: '', message: 'must be an object' },
    ];
    expect(refusalForProblems('INVALID_SUBMISSION', problems)).toEqual({
      code: 'INVALID_SUBMISSION',
      message:
        'the submission has 2 problems: assistancePlan.periodEnd must be on or after assistancePlan.periodStart; must be an object',
      problems,
    });
    expect(
      refusalForProblems('INVALID_REVIEW_DECISION', [{ field: 'outcome', message: 'is required' }])
        .message,
    ).toBe('the review decision has 1 problem: outcome is required');
  });
});
