import { milestoneStages, type MilestoneStage } from './stages.ts';

/**
 * The programme's planned results (the CT TECH factsheet). Each has a human-rights and gender
 * compliance monitoring plan: the criteria, stage by stage, that serve it.
 */
export const programmeOutcomes = [
  {
    id: 'POLICY_AND_OPERATIONAL_CAPACITY',
    title:
      'Effective counter-terrorism policy responses to new technologies, in full respect of human rights and the rule of law, and increased law-enforcement and criminal-justice capacity to counter their exploitation for terrorist purposes',
  },
  {
    id: 'NEW_TECHNOLOGIES_IN_COUNTER_TERRORISM',
    title:
      'Use of new technologies to prevent and counter terrorism in full respect of human rights and the rule of law',
  },
] as const;

export type ProgrammeOutcomeId = (typeof programmeOutcomes)[number]['id'];

/** One criterion of the human-rights and gender compliance monitoring plan. */
export interface ComplianceCriterion {
  readonly id: string;
  readonly stage: MilestoneStage;
  readonly title: string;
  readonly evidenceRequired: string;
  /** The outcomes whose monitoring plan the criterion belongs to. */
  readonly outcomes: readonly ProgrammeOutcomeId[];
}

/**
 * The compliance monitoring plan: the checklist a compliance reviewer answers, criterion by
 * criterion, before signing off each stage's milestone. Ids are unique across stages.
 */
export const complianceCriteria = [
  {
    id: 'HRDD_RISK_ASSESSMENT',
    stage: 'KICK_OFF',
    title: 'Human-rights due-diligence risk assessment',
    evidenceRequired:
      "A human-rights due-diligence risk assessment of the partner state's counter-terrorism agencies, with its mitigations, completed before any capability is transferred.",
    outcomes: ['POLICY_AND_OPERATIONAL_CAPACITY', 'NEW_TECHNOLOGIES_IN_COUNTER_TERRORISM'],
  },
  {
    id: 'STAKEHOLDER_MAPPING_GENDER',
    stage: 'KICK_OFF',
    title: 'Gender in the stakeholder mapping',
    evidenceRequired:
      "The stakeholder mapping shows women's organisations and gender focal points were considered among the national stakeholders.",
    outcomes: ['POLICY_AND_OPERATIONAL_CAPACITY'],
  },
  {
    id: 'HRDD_RISK_ASSESSMENT_UPDATED',
    stage: 'NEEDS_ASSESSMENT',
    title: 'Human-rights due-diligence risk assessment updated',
    evidenceRequired:
      'The human-rights due-diligence risk assessment revised for the needs and the agencies found, before training is designed.',
    outcomes: ['POLICY_AND_OPERATIONAL_CAPACITY', 'NEW_TECHNOLOGIES_IN_COUNTER_TERRORISM'],
  },
  {
    id: 'DATA_PROTECTION_ASSESSMENT',
    stage: 'NEEDS_ASSESSMENT',
    title: 'Data-protection assessment',
    evidenceRequired:
      "A data-protection assessment of the agencies' handling of personal data, completed before any work with electronic evidence.",
    outcomes: ['NEW_TECHNOLOGIES_IN_COUNTER_TERRORISM'],
  },
  {
    id: 'PARTICIPATION_BY_SEX',
    stage: 'NEEDS_ASSESSMENT',
    title: 'Workshop participation by sex',
    evidenceRequired: 'Participation in the national workshop, disaggregated by sex.',
    outcomes: ['POLICY_AND_OPERATIONAL_CAPACITY'],
  },
  {
    id: 'HUMAN_RIGHTS_MODULE_EVERY_COURSE',
    stage: 'TAILORED_TRAINING',
    title: 'Human-rights module in every course',
    evidenceRequired:
      'For every delivered course, the agenda or materials showing its human-rights module was delivered.',
    outcomes: ['POLICY_AND_OPERATIONAL_CAPACITY', 'NEW_TECHNOLOGIES_IN_COUNTER_TERRORISM'],
  },
  {
    id: 'ATTENDANCE_BY_SEX',
    stage: 'TAILORED_TRAINING',
    title: 'Attendance by sex',
    evidenceRequired:
      'The attendance of every course counted by sex (women, men, undisclosed), with pseudonymous participant ids only.',
    outcomes: ['POLICY_AND_OPERATIONAL_CAPACITY'],
  },
  {
    id: 'DATA_PROTECTION_ASSESSMENT_E_EVIDENCE',
    stage: 'TAILORED_TRAINING',
    title: 'Data protection for electronic evidence in training',
    evidenceRequired:
      'A data-protection assessment of the electronic evidence, data sets and tools used in the courses, completed before the courses run.',
    outcomes: ['NEW_TECHNOLOGIES_IN_COUNTER_TERRORISM'],
  },
  {
    id: 'WOMEN_IN_POLICY_DESIGN',
    stage: 'STRATEGY_ADOPTION',
    title: 'Women in policy design',
    evidenceRequired:
      'The share of women involved in designing and adopting the instrument: at least 20%, or a recorded justification.',
    outcomes: ['POLICY_AND_OPERATIONAL_CAPACITY'],
  },
  {
    id: 'SPECIAL_RAPPORTEUR_RECOMMENDATIONS',
    stage: 'STRATEGY_ADOPTION',
    title: 'UN Special Rapporteur recommendations acted upon',
    evidenceRequired:
      'The recommendations of the UN Special Rapporteur on counter-terrorism and human rights that the instrument acts on, each with its reference.',
    outcomes: ['POLICY_AND_OPERATIONAL_CAPACITY'],
  },
  {
    id: 'HUMAN_RIGHTS_SAFEGUARDS',
    stage: 'STRATEGY_ADOPTION',
    title: 'Human-rights safeguards in the instrument',
    evidenceRequired:
      "The instrument's provisions on legality, necessity, proportionality, independent oversight and remedy for the use of new technologies.",
    outcomes: ['POLICY_AND_OPERATIONAL_CAPACITY', 'NEW_TECHNOLOGIES_IN_COUNTER_TERRORISM'],
  },
] as const satisfies readonly ComplianceCriterion[];

export type ComplianceCriterionId = (typeof complianceCriteria)[number]['id'];

/** The criteria a reviewer answers for one stage's milestone, in the plan's order. */
export function complianceChecklist(stage: MilestoneStage): readonly ComplianceCriterion[] {
  return complianceCriteria.filter((criterion) => criterion.stage === stage);
}

export function findComplianceCriterion(id: string): ComplianceCriterion | undefined {
  return complianceCriteria.find((criterion) => criterion.id === id);
}

/** One outcome's monitoring plan: its criteria, stage by stage, in the plan's order. */
export interface OutcomeMonitoringPlan {
  readonly outcome: ProgrammeOutcomeId;
  readonly title: string;
  readonly stages: readonly {
    readonly stage: MilestoneStage;
    readonly criteria: readonly ComplianceCriterion[];
  }[];
}

/** The compliance monitoring plan of every outcome of the programme. */
export function monitoringPlans(): readonly OutcomeMonitoringPlan[] {
  return programmeOutcomes.map(({ id, title }) => ({
    outcome: id,
    title,
    stages: milestoneStages.map((stage) => ({
      stage,
      criteria: complianceChecklist(stage).filter((criterion) => criterion.outcomes.includes(id)),
    })),
  }));
}
