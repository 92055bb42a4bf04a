// The needs assessment form: values → submission, the domain's check, problems → fields.
import { describe, expect, it } from '@jest/globals';
import { needsAssessment } from '@cttech/domain/samples';
import {
  needsAssessmentFormOf,
  needsAssessmentMessages,
  needsAssessmentProblems,
  needsAssessmentSubmission,
  trainingNeedAfter,
  type NeedsAssessmentFormValues,
} from './needs-assessment-form.ts';

/** The domain's sample assessment, typed in as a person would: spaces, blank lines. */
const sample = needsAssessmentFormOf(needsAssessment);
const filled: NeedsAssessmentFormValues = {
  ...sample,
  pillars: {
    ...sample.pillars,
    legal: { readinessScore: '3', evidence: `  ${needsAssessment.pillars.legal.evidence} ` },
  },
  gaps: `\n  ${sample.gaps}  \n\n`,
  trainingNeeds: sample.trainingNeeds.map((need) => ({ ...need, rank: ` ${need.rank}` })),
};

describe('the needs assessment form', () => {
  it('makes the submission the API takes: scores and ranks as numbers, one gap per line', () => {
    expect(needsAssessmentSubmission(filled)).toEqual(needsAssessment);
    expect(needsAssessmentProblems(filled)).toEqual([]);
  });

  it('shows a recorded assessment again as it was submitted, and starts empty with need 1', () => {
    expect(needsAssessmentSubmission(needsAssessmentFormOf(needsAssessment))).toEqual(
      needsAssessment,
    );
    const empty = needsAssessmentFormOf(undefined);
    expect(empty.pillars.technical).toEqual({ readinessScore: '', evidence: '' });
    expect(empty.trainingNeeds).toEqual([{ course: '', rank: '1' }]);
    // a need added later is ranked after the others
    expect(trainingNeedAfter(sample.trainingNeeds)).toEqual({ course: '', rank: '4' });
  });

  it('says what is missing from an empty form, next to each field', () => {
    const messages = needsAssessmentMessages(
      needsAssessmentProblems(needsAssessmentFormOf(undefined)),
    );
    expect(messages).toMatchObject({
      'pillars.policy.readinessScore': ["The policy pillar's readiness must be chosen"],
      'pillars.policy.evidence': ["The policy pillar's evidence must not be empty"],
      'pillars.technical.readinessScore': ["The technical pillar's readiness must be chosen"],
      gaps: ['Gaps must have at least 1 entry'],
      'trainingNeeds.0.course': ['Training need 1: course must be chosen'],
    });
    // four pillars of two fields each, the gaps and the one need's course
    expect(Object.keys(messages)).toHaveLength(10);
  });

  it('names the need whose rank or course another need repeats', () => {
    const twice: NeedsAssessmentFormValues = {
      ...filled,
      trainingNeeds: [
        { course: 'OSINT', rank: '1' },
        { course: 'OSINT', rank: '1' },
        { course: 'DARKNET_BASIC', rank: '4' },
      ],
    };
    expect(needsAssessmentMessages(needsAssessmentProblems(twice))).toEqual({
      'trainingNeeds.1.course': [
        'Training need 2: course repeats the course of training need 1: each course is ranked once',
      ],
      'trainingNeeds.1.rank': [
        'Training need 2: rank repeats the rank of training need 1: ranks run from 1 to 3, each used once',
      ],
      'trainingNeeds.2.rank': [
        'Training need 3: rank must be at most 3: ranks run from 1 to 3, each used once',
      ],
    });
    const fraction = { ...filled, trainingNeeds: [{ course: 'OSINT' as const, rank: '1.5' }] };
    expect(needsAssessmentMessages(needsAssessmentProblems(fraction))).toEqual({
      'trainingNeeds.0.rank': ['Training need 1: rank must be a whole number'],
    });
  });

  it("places the API's problems, even for gaps typed as lines", () => {
    expect(
      needsAssessmentMessages([
        { field: 'gaps.1', message: 'must not be empty' },
        { field: 'pillars.legal.readinessScore', message: 'must be at most 5' },
        { field: 'trainingNeeds.0.course', message: 'must be one of: DARKNET_BASIC, OSINT' },
        { field: 'pillars.financial', message: 'is not an expected field' },
      ]),
    ).toEqual({
      gaps: ['Gap 2 must not be empty'],
      'pillars.legal.readinessScore': ["The legal pillar's readiness must be at most 5"],
      'trainingNeeds.0.course': ['Training need 1: course must be chosen'],
      '': ['pillars.financial is not an expected field'],
    });
  });
});
