// Reading the API's problem documents and grouping their field errors by form field.
import { describe, expect, it } from '@jest/globals';
import { messagesByField, problemOf } from './api-problem.ts';

describe("the API's problems", () => {
  it('reads a problem document with its fields at fault and its refusal code', () => {
    const problem = problemOf(
      400,
      'application/problem+json',
      JSON.stringify({
        type: 'urn:cttech:problem:invalid-request',
        title: 'The request is not valid',
        status: 400,
        detail: 'the submission has 2 problems',
        errors: [
          { field: 'assistancePlan.periodEnd', message: 'must be on or after periodStart' },
          { field: 7, message: 'dropped: not a field problem' },
          { field: 'stakeholders.0.organisation', message: 'must not be empty' },
        ],
        code: 'INVALID_SUBMISSION',
        correlationId: 'c-1',
      }),
    );
    expect(problem).toEqual({
      title: 'The request is not valid',
      status: 400,
      detail: 'the submission has 2 problems',
      errors: [
        { field: 'assistancePlan.periodEnd', message: 'must be on or after periodStart' },
        { field: 'stakeholders.0.organisation', message: 'must not be empty' },
      ],
      code: 'INVALID_SUBMISSION',
      correlationId: 'c-1',
    });
  });

  it('makes a problem from the status when the body is not one', () => {
    expect(problemOf(503, 'text/html', '<h1>down</h1>')).toEqual({
      title: 'A service is unavailable',
      status: 503,
      detail: '',
      errors: [],
    });
    expect(problemOf(418, 'application/json', '{not json').title).toBe(
      'The request failed (HTTP 418)',
    );
  });

  it("groups messages by form field, keeping those the form lacks for the form's summary", () => {
    const grouped = messagesByField(
      [
        { field: 'needsIdentified.1', message: 'must not be empty' },
        { field: 'assistancePlan.summary', message: 'is required' },
        { field: 'surprise', message: 'is not an expected field' },
        { field: '', message: 'the engagement is awaiting review' },
      ],
      (field) => {
        if (field.startsWith('needsIdentified.')) {
          return { key: 'needsIdentified', subject: `Need ${Number(field.split('.')[1]) + 1}` };
        }
        return field === 'surprise' ? undefined : { key: field, subject: 'The summary' };
      },
    );
    expect(grouped).toEqual({
      needsIdentified: ['Need 2 must not be empty'],
      'assistancePlan.summary': ['The summary is required'],
      '': ['surprise is not an expected field', 'the engagement is awaiting review'],
    });
  });
});
