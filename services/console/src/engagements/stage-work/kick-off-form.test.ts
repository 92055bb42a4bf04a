// The kick-off report form: values → submission, the domain's check, problems → fields.
import { describe, expect, it } from '@jest/globals';
import { kickOffReport } from '@cttech/domain/samples';
import {
  kickOffFormOf,
  kickOffMessages,
  kickOffProblems,
  kickOffSubmission,
  type KickOffFormValues,
} from './kick-off-form.ts';

/** The domain's sample report, typed in as a person would: spaces, blank lines. */
const sample = kickOffFormOf(kickOffReport);
const filled: KickOffFormValues = {
  ...sample,
  stakeholders: sample.stakeholders.map((stakeholder) => ({
    ...stakeholder,
    organisation: `  ${stakeholder.organisation} `,
  })),
  needsIdentified: `${sample.needsIdentified.replace('\n', '\n\n  ')}  \n`,
};

describe('the kick-off report form', () => {
  it('makes the submission the API takes: trimmed, one entry per line', () => {
    expect(filled.needsIdentified).toBe(
      'Darknet investigation skills\n\n  Tracing virtual assets  \n',
    );
    expect(kickOffSubmission(filled)).toEqual(kickOffReport);
    expect(kickOffProblems(filled)).toEqual([]);
    expect(
      kickOffSubmission({
        ...filled,
        stakeholders: [
          { agency: 'PROSECUTION', organisation: 'Office of the DPP', contribution: ' ' },
        ],
      }),
    ).toMatchObject({
      stakeholders: [{ agency: 'PROSECUTION', organisation: 'Office of the DPP' }],
    });
  });

  it('shows a recorded report again as it was submitted', () => {
    expect(kickOffSubmission(kickOffFormOf(kickOffReport))).toEqual(kickOffReport);
    expect(kickOffFormOf(undefined).stakeholders).toHaveLength(1);
  });

  it("puts the domain's problems next to their fields, in sentences", () => {
    const problems = kickOffProblems({
      ...filled,
      stakeholders: [{ agency: '', organisation: ' ', contribution: '' }],
      needsIdentified: '\n',
      periodEnd: '2025-12-31',
    });
    expect(kickOffMessages(problems)).toEqual({
      'stakeholders.0.agency': ['Stakeholder 1: agency must be chosen'],
      'stakeholders.0.organisation': ['Stakeholder 1: organisation must not be empty'],
      needsIdentified: ['Needs identified must have at least 1 entry'],
      'assistancePlan.periodEnd': [
        'The end of the period must be on or after the start of the period',
      ],
    });
  });

  it("places the API's problems, even for entries of a list typed as lines", () => {
    expect(
      kickOffMessages([
        { field: 'needsIdentified.1', message: 'must be at most 5000 characters long' },
        { field: 'assistancePlan.plannedOutputs.0', message: 'must not be empty' },
        { field: 'stakeholders.2', message: 'must be an object' },
        { field: 'assistancePlan.periodStart', message: 'must be a real calendar date' },
        { field: 'openedBy', message: 'is not an expected field' },
        {
          field: '',
          message: 'RECORD_WORK is not allowed while the engagement is AWAITING_REVIEW',
        },
      ]),
    ).toEqual({
      needsIdentified: ['Need 2 must be at most 5000 characters long'],
      'assistancePlan.plannedOutputs': ['Planned output 1 must not be empty'],
      stakeholders: ['Stakeholder 3 must be an object'],
      'assistancePlan.periodStart': ['The start of the period must be a real calendar date'],
      '': [
        'openedBy is not an expected field',
        'RECORD_WORK is not allowed while the engagement is AWAITING_REVIEW',
      ],
    });
  });
});
