import { describe, expect, it } from '@jest/globals';
import {
  financialIntelligenceStakeholder as fiu,
  kickOffReport,
  policeStakeholder as police,
} from './sample-engagement.ts';
import { maxTextLength } from './field-rules.ts';
import { validateSubmission } from './submissions.ts';

function problemsOf(input: unknown) {
  const result = validateSubmission('KICK_OFF_REPORT', input);
  return result.ok ? [] : result.problems;
}

const plan = kickOffReport.assistancePlan;

describe('kick-off report', () => {
  it('accepts stakeholders, needs identified and an assistance plan', () => {
    expect(validateSubmission('KICK_OFF_REPORT', kickOffReport)).toEqual({
      ok: true,
      value: kickOffReport,
    });
  });

  it('accepts an assistance plan that starts and ends on the same day', () => {
    const oneDay = { ...kickOffReport, assistancePlan: { ...plan, periodEnd: plan.periodStart } };
    expect(problemsOf(oneDay)).toEqual([]);
  });

  it.each([
    ['no stakeholders', { stakeholders: [] }, 'stakeholders', 'must have at least 1 entry'],
    [
      'a stakeholder of an unknown agency',
      { stakeholders: [{ ...police, agency: 'ARMY' }] },
      'stakeholders.0.agency',
      'must be one of: CT_POLICE_UNIT, PROSECUTION, FINANCIAL_INTELLIGENCE_UNIT, MINISTRY, PRIVATE_SECTOR, OTHER',
    ],
    [
      'a stakeholder without an organisation',
      { stakeholders: [police, { agency: 'MINISTRY' }] },
      'stakeholders.1.organisation',
      'is required',
    ],
    [
      'a blank organisation',
      { stakeholders: [{ ...police, organisation: '   ' }] },
      'stakeholders.0.organisation',
      'must not be empty',
    ],
    [
      'a blank contribution',
      { stakeholders: [{ ...fiu, contribution: '' }] },
      'stakeholders.0.contribution',
      'must not be empty',
    ],
    [
      'a person named on a stakeholder',
      { stakeholders: [{ ...police, contactPerson: 'Inspector A. Mensah' }] },
      'stakeholders.0.contactPerson',
      'is not an expected field',
    ],
    [
      'an organisation name past the longest text',
      { stakeholders: [{ ...police, organisation: 'x'.repeat(maxTextLength + 1) }] },
      'stakeholders.0.organisation',
      `must be at most ${maxTextLength} characters long`,
    ],
    [
      'no needs identified',
      { needsIdentified: [] },
      'needsIdentified',
      'must have at least 1 entry',
    ],
    ['a blank need', { needsIdentified: ['OSINT', ''] }, 'needsIdentified.1', 'must not be empty'],
    ['no assistance plan', { assistancePlan: undefined }, 'assistancePlan', 'is required'],
    [
      'a plan without a summary',
      { assistancePlan: { ...plan, summary: '' } },
      'assistancePlan.summary',
      'must not be empty',
    ],
    [
      'a plan starting on a date that does not exist',
      { assistancePlan: { ...plan, periodStart: '2026-02-30' } },
      'assistancePlan.periodStart',
      'must be a real calendar date written YYYY-MM-DD',
    ],
    [
      'a plan ending on a date that is not ISO',
      { assistancePlan: { ...plan, periodEnd: '30/06/2027' } },
      'assistancePlan.periodEnd',
      'must be a real calendar date written YYYY-MM-DD',
    ],
    [
      'a plan ending before it starts',
      { assistancePlan: { ...plan, periodStart: '2026-01-15', periodEnd: '2026-01-14' } },
      'assistancePlan.periodEnd',
      'must be on or after assistancePlan.periodStart',
    ],
    [
      'a plan without planned outputs',
      { assistancePlan: { ...plan, plannedOutputs: [] } },
      'assistancePlan.plannedOutputs',
      'must have at least 1 entry',
    ],
    [
      'an unknown field on the plan',
      { assistancePlan: { ...plan, budget: 10 } },
      'assistancePlan.budget',
      'is not an expected field',
    ],
    ['an unknown field on the report', { signedBy: 'x' }, 'signedBy', 'is not an expected field'],
  ])('refuses %s', (_name, change, field, message) => {
    expect(problemsOf({ ...kickOffReport, ...change })).toEqual([{ field, message }]);
  });

  it('lists every problem at once, the period check included', () => {
    expect(
      problemsOf({
        stakeholders: [{ agency: 'ARMY', organisation: '' }],
        needsIdentified: 'OSINT',
        assistancePlan: {
          ...plan,
          periodStart: '2027-01-01',
          periodEnd: '2026-01-01',
          plannedOutputs: [],
        },
      }).map((problem) => problem.field),
    ).toEqual([
      'stakeholders.0.agency',
      'stakeholders.0.organisation',
      'needsIdentified',
      'assistancePlan.plannedOutputs',
      'assistancePlan.periodEnd',
    ]);
  });

  it('refuses something that is not a report', () => {
    expect(problemsOf('kick-off done')).toEqual([{ field: '', message: 'must be an object' }]);
  });
});
