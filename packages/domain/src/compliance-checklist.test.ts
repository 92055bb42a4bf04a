import { describe, expect, it } from '@jest/globals';
import {
  complianceChecklist,
  complianceCriteria,
  findComplianceCriterion,
  monitoringPlans,
  programmeOutcomes,
} from './compliance-checklist.ts';
import { milestoneStages } from './stages.ts';

describe('compliance monitoring plan', () => {
  it.each([
    ['KICK_OFF', ['HRDD_RISK_ASSESSMENT', 'STAKEHOLDER_MAPPING_GENDER']],
    [
      'NEEDS_ASSESSMENT',
      ['HRDD_RISK_ASSESSMENT_UPDATED', 'DATA_PROTECTION_ASSESSMENT', 'PARTICIPATION_BY_SEX'],
    ],
    [
      'TAILORED_TRAINING',
      [
        'HUMAN_RIGHTS_MODULE_EVERY_COURSE',
        'ATTENDANCE_BY_SEX',
        'DATA_PROTECTION_ASSESSMENT_E_EVIDENCE',
      ],
    ],
    [
      'STRATEGY_ADOPTION',
      ['WOMEN_IN_POLICY_DESIGN', 'SPECIAL_RAPPORTEUR_RECOMMENDATIONS', 'HUMAN_RIGHTS_SAFEGUARDS'],
    ],
  ] as const)('checks %s against %j', (stage, ids) => {
    expect(complianceChecklist(stage).map((criterion) => criterion.id)).toEqual(ids);
    for (const criterion of complianceChecklist(stage)) expect(criterion.stage).toBe(stage);
  });

  it('gives every criterion a unique id, a title and the evidence it needs', () => {
    const ids = complianceCriteria.map((criterion) => criterion.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const criterion of complianceCriteria) {
      expect(criterion.title.length).toBeGreaterThan(0);
      expect(criterion.evidenceRequired.length).toBeGreaterThan(0);
    }
  });

  it('covers every milestone stage and nothing else', () => {
    expect(milestoneStages.flatMap((stage) => complianceChecklist(stage))).toEqual(
      complianceCriteria,
    );
  });

  it('asks for the due-diligence assessment before capability is transferred', () => {
    expect(findComplianceCriterion('HRDD_RISK_ASSESSMENT')?.evidenceRequired).toMatch(
      /before any capability is transferred/,
    );
    expect(findComplianceCriterion('DATA_PROTECTION_ASSESSMENT')?.evidenceRequired).toMatch(
      /before any work with electronic evidence/,
    );
    expect(findComplianceCriterion('WOMEN_IN_POLICY_DESIGN')?.evidenceRequired).toMatch(
      /at least 20%, or a recorded justification/,
    );
    expect(findComplianceCriterion('NOT_A_CRITERION')).toBeUndefined();
  });

  it('gives each outcome a plan with criteria at every milestone stage', () => {
    const plans = monitoringPlans();
    expect(plans.map((plan) => plan.outcome)).toEqual(programmeOutcomes.map(({ id }) => id));
    for (const plan of plans) {
      expect(plan.stages.map(({ stage }) => stage)).toEqual([...milestoneStages]);
      for (const { stage, criteria } of plan.stages) {
        expect({ outcome: plan.outcome, stage, criteria: criteria.length > 0 }).toEqual({
          outcome: plan.outcome,
          stage,
          criteria: true,
        });
      }
    }
    // the data-protection assessments serve the use of new technologies
    const technologies = plans[1]?.stages.flatMap(({ criteria }) => criteria.map(({ id }) => id));
    expect(technologies).toContain('DATA_PROTECTION_ASSESSMENT_E_EVIDENCE');
    expect(technologies).not.toContain('WOMEN_IN_POLICY_DESIGN');
  });

  it("puts every criterion in at least one outcome's plan", () => {
    const planned = new Set(
      monitoringPlans().flatMap(({ stages }) =>
        stages.flatMap(({ criteria }) => criteria.map(({ id }) => id)),
      ),
    );
    expect([...planned].sort()).toEqual(complianceCriteria.map(({ id }) => id).sort());
  });
});
