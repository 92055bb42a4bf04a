// One partner state's engagement, recorded stage by stage, as valid submissions: test fixtures
// (tests copy and break them to show each rule) and demo data. Exported as @cttech/domain/samples.
import type {
  KickOffReport,
  NeedsAssessment,
  PlannedCourse,
  RecommendationActedOn,
  StageRecord,
  Stakeholder,
  StrategyAdoption,
  TrainingDelivery,
  TrainingPlan,
} from './index.ts';

export const policeStakeholder = {
  agency: 'CT_POLICE_UNIT',
  organisation: 'National Counter-Terrorism Unit',
} satisfies Stakeholder;

export const financialIntelligenceStakeholder = {
  agency: 'FINANCIAL_INTELLIGENCE_UNIT',
  organisation: 'Financial Intelligence Centre',
  contribution: 'Virtual-asset tracing cases',
} satisfies Stakeholder;

export const kickOffReport = {
  stakeholders: [
    policeStakeholder,
    financialIntelligenceStakeholder,
    { agency: 'OTHER', organisation: 'Network of Women in Law Enforcement' },
  ],
  needsIdentified: ['Darknet investigation skills', 'Tracing virtual assets'],
  assistancePlan: {
    summary: 'Online courses for all units, then in-person investigative techniques.',
    periodStart: '2026-01-15',
    periodEnd: '2027-06-30',
    plannedOutputs: ['National workshop held', '40 investigators trained'],
  },
} satisfies KickOffReport;

export const needsAssessment = {
  pillars: {
    policy: { readinessScore: 2, evidence: 'No strategy covers new technologies.' },
    legal: { readinessScore: 3, evidence: 'E-evidence law drafted, not adopted.' },
    institutional: { readinessScore: 3, evidence: 'A cyber unit exists at headquarters.' },
    technical: { readinessScore: 1, evidence: 'No blockchain-analysis tooling.' },
  },
  gaps: ['No virtual-asset tracing capability'],
  trainingNeeds: [
    { course: 'CRYPTOCURRENCY_INVESTIGATIONS', rank: 1 },
    { course: 'DARKNET_BASIC', rank: 2 },
    { course: 'OSINT', rank: 3 },
  ],
} satisfies NeedsAssessment;

export const darknetCourse = {
  courseId: 'darknet-basic-1',
  course: 'DARKNET_BASIC',
  startDate: '2026-05-04',
  endDate: '2026-05-29',
  seats: 30,
  venueOrPlatform: 'INTERPOL online learning platform',
} satisfies PlannedCourse;

export const cryptoCourse = {
  courseId: 'cryptocurrency-investigations-1',
  course: 'CRYPTOCURRENCY_INVESTIGATIONS',
  startDate: '2026-06-15',
  endDate: '2026-06-19',
  seats: 20,
  venueOrPlatform: 'Police training school, Accra',
} satisfies PlannedCourse;

export const trainingPlan = { courses: [darknetCourse, cryptoCourse] } satisfies TrainingPlan;

export const darknetDelivery = {
  courseId: 'darknet-basic-1',
  attendance: { women: 8, men: 17, undisclosed: 1 },
  humanRightsModuleDelivered: true,
} satisfies TrainingDelivery;

export const cryptoDelivery = {
  courseId: 'cryptocurrency-investigations-1',
  attendance: { women: 5, men: 12, undisclosed: 0 },
  humanRightsModuleDelivered: true,
} satisfies TrainingDelivery;

export const oversightRecommendation = {
  reference: 'A/HRC/52/39 para. 62',
  summary: 'Independent oversight of surveillance',
} satisfies RecommendationActedOn;

export const strategyAdoption = {
  instrumentType: 'ACTION_PLAN',
  title: 'National action plan on countering terrorist use of new technologies',
  adoptionDate: '2027-03-01',
  specialRapporteurRecommendationsActedOn: [
    oversightRecommendation,
    { reference: 'A/HRC/40/52 para. 75(b)', summary: 'Civil society in policy design' },
  ],
  womenShareInDesign: 0.35,
  publicPrivateMechanism: {
    created: true,
    description: 'Referral desk with platform providers for terrorist content',
  },
} satisfies StrategyAdoption;

/** Every stage's work recorded: 43 investigators trained, strategy adopted. */
export const completeRecord: StageRecord = {
  kickOffReport,
  needsAssessment,
  trainingPlan,
  trainingDeliveries: [darknetDelivery, cryptoDelivery],
  strategyAdoption,
};
