import { describe, expect, it } from '@jest/globals';
import { needsAssessment } from './sample-engagement.ts';
import { validateSubmission } from './submissions.ts';

function problemsOf(input: unknown) {
  const result = validateSubmission('NEEDS_ASSESSMENT', input);
  return result.ok ? [] : result.problems;
}

const { pillars } = needsAssessment;

describe('needs assessment', () => {
  it('accepts readiness per pillar, gaps and ranked training needs', () => {
    expect(validateSubmission('NEEDS_ASSESSMENT', needsAssessment)).toEqual({
      ok: true,
      value: needsAssessment,
    });
  });

  it('accepts training needs listed in any order, as long as ranks run 1 to n', () => {
    const trainingNeeds = [
      { course: 'OSINT', rank: 2 },
      { course: 'AI_FOR_INVESTIGATIONS', rank: 1 },
    ];
    expect(problemsOf({ ...needsAssessment, trainingNeeds })).toEqual([]);
  });

  it.each([
    [
      'a readiness score below 1',
      { pillars: { ...pillars, legal: { ...pillars.legal, readinessScore: 0 } } },
      'pillars.legal.readinessScore',
      'must be at least 1',
    ],
    [
      'a readiness score above 5',
      { pillars: { ...pillars, policy: { ...pillars.policy, readinessScore: 6 } } },
      'pillars.policy.readinessScore',
      'must be at most 5',
    ],
    [
      'a readiness score that is not a whole number',
      { pillars: { ...pillars, technical: { ...pillars.technical, readinessScore: 2.5 } } },
      'pillars.technical.readinessScore',
      'must be a whole number',
    ],
    [
      'a score without evidence',
      { pillars: { ...pillars, institutional: { readinessScore: 3, evidence: ' ' } } },
      'pillars.institutional.evidence',
      'must not be empty',
    ],
    [
      'a missing pillar',
      {
        pillars: {
          policy: pillars.policy,
          legal: pillars.legal,
          institutional: pillars.institutional,
        },
      },
      'pillars.technical',
      'is required',
    ],
    [
      'a pillar outside the four',
      { pillars: { ...pillars, financial: pillars.policy } },
      'pillars.financial',
      'is not an expected field',
    ],
    ['no gaps', { gaps: [] }, 'gaps', 'must have at least 1 entry'],
    ['no training needs', { trainingNeeds: [] }, 'trainingNeeds', 'must have at least 1 entry'],
    [
      'a course outside the catalogue',
      { trainingNeeds: [{ course: 'FORENSICS', rank: 1 }] },
      'trainingNeeds.0.course',
      'must be one of: DARKNET_BASIC, DARKNET_INTERMEDIATE, VIRTUAL_ASSETS_BASIC, VIRTUAL_ASSETS_INTERMEDIATE, OSINT, DARKNET_INVESTIGATIONS, CRYPTOCURRENCY_INVESTIGATIONS, AI_FOR_INVESTIGATIONS',
    ],
    [
      'a rank below 1',
      { trainingNeeds: [{ course: 'OSINT', rank: 0 }] },
      'trainingNeeds.0.rank',
      'must be at least 1',
    ],
    [
      'a course ranked twice',
      {
        trainingNeeds: [
          { course: 'OSINT', rank: 1 },
          { course: 'OSINT', rank: 2 },
        ],
      },
      'trainingNeeds.1.course',
      'repeats trainingNeeds.0.course: each course is ranked once',
    ],
    [
      'two needs with the same rank',
      {
        trainingNeeds: [
          { course: 'OSINT', rank: 1 },
          { course: 'DARKNET_BASIC', rank: 1 },
        ],
      },
      'trainingNeeds.1.rank',
      'repeats trainingNeeds.0.rank: ranks run from 1 to 2, each used once',
    ],
    [
      'a gap in the ranks',
      {
        trainingNeeds: [
          { course: 'OSINT', rank: 1 },
          { course: 'DARKNET_BASIC', rank: 3 },
        ],
      },
      'trainingNeeds.1.rank',
      'must be at most 2: ranks run from 1 to 2, each used once',
    ],
  ])('refuses %s', (_name, change, field, message) => {
    expect(problemsOf({ ...needsAssessment, ...change })).toEqual([{ field, message }]);
  });

  it('checks the ranking even when other fields are wrong', () => {
    expect(
      problemsOf({
        ...needsAssessment,
        gaps: undefined,
        trainingNeeds: [
          { course: 'OSINT', rank: 2 },
          { course: 'OSINT', rank: 2 },
          { course: 'NOPE', rank: 'first' },
        ],
      }),
    ).toEqual([
      { field: 'gaps', message: 'is required' },
      { field: 'trainingNeeds.2.course', message: expect.stringMatching(/^must be one of/) },
      { field: 'trainingNeeds.2.rank', message: 'must be a number' },
      {
        field: 'trainingNeeds.1.course',
        message: 'repeats trainingNeeds.0.course: each course is ranked once',
      },
      {
        field: 'trainingNeeds.1.rank',
        message: 'repeats trainingNeeds.0.rank: ranks run from 1 to 3, each used once',
      },
    ]);
  });
});
