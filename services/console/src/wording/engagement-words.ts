// The engagement's codes in the programme's words: stages (from the domain), states, the
// history's actions, whose move it is, stakeholder agencies, review verdicts, assessment
// pillars, courses (from the domain's catalogue) and their progress, adopted instruments.
import {
  courseCatalogue,
  findCourse,
  stageTitles,
  type AssessmentPillar,
  type CourseCode,
  type CriterionVerdict,
  type EngagementAction,
  type EngagementStage,
  type EngagementState,
  type InstrumentType,
  type StakeholderAgency,
  type SubmissionKind,
} from '@cttech/domain';
import type { EngagementTransition, TrainingCourseProgress } from '../gateway/api-types.ts';

export function stageTitle(stage: EngagementStage | null): string {
  return stage === null ? 'Stage not known yet' : stageTitles[stage];
}

export const stateTitles: Readonly<Record<EngagementState, string>> = {
  ACTIVE: 'In progress',
  AWAITING_REVIEW: 'Awaiting review',
  CHANGES_REQUESTED: 'Changes requested',
  SUSPENDED: 'Suspended',
  CANCELLED: 'Cancelled',
  COMPLETED: 'Completed',
};

export function stateTitle(state: EngagementState | null): string {
  return state === null ? 'State not known yet' : stateTitles[state];
}

export const actionTitles: Readonly<Record<EngagementTransition['action'], string>> = {
  OPEN: 'Opened the engagement',
  RECORD_WORK: "Recorded the stage's work",
  SUBMIT_MILESTONE: 'Submitted the milestone for review',
  APPROVE: 'Signed off the milestone',
  REQUEST_CHANGES: 'Requested changes',
  SUSPEND: 'Suspended the engagement',
  RESUME: 'Resumed the engagement',
  CANCEL: 'Cancelled the engagement',
  DEADLINE: 'A deadline passed',
} satisfies Record<EngagementAction | 'OPEN' | 'DEADLINE', string>;

/** Who the pending work waits on, as the status names them. */
export const waitingOnTitles = {
  PROGRAMME_OFFICER: 'the programme officer',
  COMPLIANCE_REVIEWER: 'a compliance reviewer',
  PROGRAMME_MANAGER: 'the programme manager',
} as const;

/** A phrase of the API's as a sentence's start: 'review the milestone' → 'Review the milestone'. */
export function sentenceOf(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

export const submissionKindTitles: Readonly<Record<SubmissionKind, string>> = {
  KICK_OFF_REPORT: 'Kick-off report',
  NEEDS_ASSESSMENT: 'Needs assessment',
  TRAINING_PLAN: 'Training plan',
  TRAINING_DELIVERY: 'Training delivery',
  TRAINING_COMPLETION: 'Training completion',
  STRATEGY_ADOPTION: 'Strategy adoption',
};

/** A history entry's note in words: a submission kind by its title, anything else as written. */
export function noteWords(note: string): string {
  return (submissionKindTitles as Readonly<Record<string, string>>)[note] ?? note;
}

export const agencyTitles: Readonly<Record<StakeholderAgency, string>> = {
  CT_POLICE_UNIT: 'Counter-terrorism police unit',
  PROSECUTION: 'Prosecution',
  FINANCIAL_INTELLIGENCE_UNIT: 'Financial intelligence unit',
  MINISTRY: 'Ministry',
  PRIVATE_SECTOR: 'Private sector',
  OTHER: 'Other',
};

export const verdictTitles: Readonly<Record<CriterionVerdict, string>> = {
  MET: 'Met',
  NOT_MET: 'Not met',
  NOT_APPLICABLE: 'Not applicable',
};

export const pillarTitles: Readonly<Record<AssessmentPillar, string>> = {
  policy: 'Policy',
  legal: 'Legal',
  institutional: 'Institutional',
  technical: 'Technical',
};

/** A course of the catalogue by its title: 'OSINT' → 'Open-source intelligence (OSINT)'. */
export function courseTitle(code: string): string {
  return findCourse(code)?.title ?? code;
}

/** The catalogue's courses by their titles, in its order, for choosing one. */
export const courseChoices: readonly { readonly value: CourseCode; readonly title: string }[] =
  courseCatalogue.map(({ code, title }) => ({ value: code, title }));

export const courseStatusTitles: Readonly<Record<TrainingCourseProgress['status'], string>> = {
  SCHEDULED: 'Scheduled',
  IN_PROGRESS: 'In progress',
  AWAITING_DELIVERY: 'Awaiting its delivery record',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};

export const instrumentTypeTitles: Readonly<Record<InstrumentType, string>> = {
  STRATEGY: 'Strategy',
  POLICY: 'Policy',
  ACTION_PLAN: 'Action plan',
};
