import { z } from 'zod';
import type { KickOffReport } from './kick-off-report.ts';
import { kickOffReportSchema } from './kick-off-report.ts';
import type { NeedsAssessment } from './needs-assessment.ts';
import { needsAssessmentSchema } from './needs-assessment.ts';
import type { Validated } from './refusals.ts';
import type { MilestoneStage } from './stages.ts';
import { milestoneStages } from './stages.ts';
import type { StrategyAdoption } from './strategy-adoption.ts';
import { strategyAdoptionSchema } from './strategy-adoption.ts';
import type { TrainingCompletion, TrainingDelivery, TrainingPlan } from './training.ts';
import {
  trainingCompletionSchema,
  trainingDeliverySchema,
  trainingPlanSchema,
} from './training.ts';
import { validateWith } from './validation-problems.ts';

/** What a programme officer can submit, one kind per piece of a stage's work. */
export const submissionKinds = [
  'KICK_OFF_REPORT',
  'NEEDS_ASSESSMENT',
  'TRAINING_PLAN',
  'TRAINING_DELIVERY',
  'TRAINING_COMPLETION',
  'STRATEGY_ADOPTION',
] as const;

export type SubmissionKind = (typeof submissionKinds)[number];

export const submissionKindSchema = z.enum(submissionKinds);

export interface SubmissionByKind {
  KICK_OFF_REPORT: KickOffReport;
  NEEDS_ASSESSMENT: NeedsAssessment;
  TRAINING_PLAN: TrainingPlan;
  TRAINING_DELIVERY: TrainingDelivery;
  TRAINING_COMPLETION: TrainingCompletion;
  STRATEGY_ADOPTION: StrategyAdoption;
}

export type Submission = SubmissionByKind[SubmissionKind];

export const submissionSchemas: {
  readonly [Kind in SubmissionKind]: z.ZodType<SubmissionByKind[Kind]>;
} = {
  KICK_OFF_REPORT: kickOffReportSchema,
  NEEDS_ASSESSMENT: needsAssessmentSchema,
  TRAINING_PLAN: trainingPlanSchema,
  TRAINING_DELIVERY: trainingDeliverySchema,
  TRAINING_COMPLETION: trainingCompletionSchema,
  STRATEGY_ADOPTION: strategyAdoptionSchema,
};

/** The kinds of submission each stage's work is recorded with. */
export const submissionKindsByStage: {
  readonly [Stage in MilestoneStage]: readonly SubmissionKind[];
} = {
  KICK_OFF: ['KICK_OFF_REPORT'],
  NEEDS_ASSESSMENT: ['NEEDS_ASSESSMENT'],
  TAILORED_TRAINING: ['TRAINING_PLAN', 'TRAINING_DELIVERY', 'TRAINING_COMPLETION'],
  STRATEGY_ADOPTION: ['STRATEGY_ADOPTION'],
};

/** The stage whose work a submission kind records. */
export function stageOfSubmission(kind: SubmissionKind): MilestoneStage {
  const stage = milestoneStages.find((candidate) =>
    submissionKindsByStage[candidate].includes(kind),
  );
  if (stage === undefined) throw new RangeError(`unknown submission kind ${String(kind)}`);
  return stage;
}

/**
 * Validates an officer's submission of the given kind: the typed value, or every problem
 * found, each with its dotted field path ('assistancePlan.periodEnd', 'stakeholders.0.agency').
 */
export function validateSubmission<Kind extends SubmissionKind>(
  kind: Kind,
  input: unknown,
): Validated<SubmissionByKind[Kind]> {
  if (!(submissionKinds as readonly string[]).includes(kind)) {
    return {
      ok: false,
      problems: [
        {
          field: '',
          message: `is of an unknown submission kind ${String(kind)}; expected one of: ${submissionKinds.join(', ')}`,
        },
      ],
    };
  }
  return validateWith(submissionSchemas[kind], input);
}
