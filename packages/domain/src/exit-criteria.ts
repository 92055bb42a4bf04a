import type { KickOffReport } from './kick-off-report.ts';
import type { NeedsAssessment } from './needs-assessment.ts';
import type { MilestoneStage } from './stages.ts';
import type { StrategyAdoption } from './strategy-adoption.ts';
import { womenShareInDesignTarget } from './strategy-adoption.ts';
import type { TrainingCompletion, TrainingDelivery, TrainingPlan } from './training.ts';
import { attendanceTotals, checkDeliveryAgainstPlan } from './training.ts';

/** Counter-terrorism investigators to train per partner state. */
export const investigatorsTrainedTarget = 40;

/** What an engagement has recorded so far, each piece validated when it was submitted. */
export interface StageRecord {
  readonly kickOffReport?: KickOffReport | undefined;
  readonly needsAssessment?: NeedsAssessment | undefined;
  readonly trainingPlan?: TrainingPlan | undefined;
  readonly trainingDeliveries: readonly TrainingDelivery[];
  readonly trainingCompletion?: TrainingCompletion | undefined;
  readonly strategyAdoption?: StrategyAdoption | undefined;
}

export const emptyStageRecord: StageRecord = { trainingDeliveries: [] };

export const exitCriterionIds = [
  'KICK_OFF_REPORT_RECORDED',
  'NEEDS_ASSESSMENT_RECORDED',
  'TRAINING_PLAN_RECORDED',
  'EVERY_PLANNED_COURSE_DELIVERED',
  'DELIVERIES_MATCH_PLAN',
  'HUMAN_RIGHTS_MODULE_IN_EVERY_COURSE',
  'INVESTIGATORS_TRAINED_OR_SHORTFALL_JUSTIFIED',
  'STRATEGY_ADOPTION_RECORDED',
  'WOMEN_SHARE_IN_DESIGN_OR_JUSTIFIED',
] as const;

export type ExitCriterionId = (typeof exitCriterionIds)[number];

export interface UnmetExitCriterion {
  readonly criterion: ExitCriterionId;
  readonly message: string;
}

export interface ExitAssessment {
  readonly met: boolean;
  readonly unmet: readonly UnmetExitCriterion[];
}

/** Whether the stage's work is complete enough for its milestone to be submitted for review. */
export function exitCriteria(stage: MilestoneStage, record: StageRecord): ExitAssessment {
  const unmet = unmetCriteria(stage, record);
  return { met: unmet.length === 0, unmet };
}

function unmetCriteria(stage: MilestoneStage, record: StageRecord): UnmetExitCriterion[] {
  switch (stage) {
    case 'KICK_OFF':
      return record.kickOffReport === undefined
        ? [
            {
              criterion: 'KICK_OFF_REPORT_RECORDED',
              message: 'the kick-off report is not recorded',
            },
          ]
        : [];
    case 'NEEDS_ASSESSMENT':
      return record.needsAssessment === undefined
        ? [
            {
              criterion: 'NEEDS_ASSESSMENT_RECORDED',
              message: 'the needs assessment is not recorded',
            },
          ]
        : [];
    case 'TAILORED_TRAINING':
      return unmetTrainingCriteria(record);
    case 'STRATEGY_ADOPTION':
      return unmetAdoptionCriteria(record.strategyAdoption);
  }
}

function unmetTrainingCriteria(record: StageRecord): UnmetExitCriterion[] {
  const { trainingPlan: plan, trainingDeliveries: deliveries, trainingCompletion } = record;
  const unmet: UnmetExitCriterion[] = [];
  if (plan === undefined) {
    unmet.push({
      criterion: 'TRAINING_PLAN_RECORDED',
      message: 'the training plan is not recorded',
    });
  } else {
    const delivered = new Set(deliveries.map((delivery) => delivery.courseId));
    const undelivered = plan.courses
      .map((course) => course.courseId)
      .filter((courseId) => !delivered.has(courseId));
    if (undelivered.length > 0) {
      unmet.push({
        criterion: 'EVERY_PLANNED_COURSE_DELIVERED',
        message: `no delivery is recorded for ${undelivered.join(', ')}`,
      });
    }
    const mismatches = deliveryMismatches(plan, deliveries);
    if (mismatches.length > 0) {
      unmet.push({ criterion: 'DELIVERIES_MATCH_PLAN', message: mismatches.join('; ') });
    }
  }
  const withoutModule = deliveries
    .filter((delivery) => !delivery.humanRightsModuleDelivered)
    .map((delivery) => delivery.courseId);
  if (withoutModule.length > 0) {
    unmet.push({
      criterion: 'HUMAN_RIGHTS_MODULE_IN_EVERY_COURSE',
      message: `the human-rights module was not delivered in ${withoutModule.join(', ')}`,
    });
  }
  const trained = attendanceTotals(deliveries).total;
  if (
    trained < investigatorsTrainedTarget &&
    !isStated(trainingCompletion?.shortfallJustification)
  ) {
    unmet.push({
      criterion: 'INVESTIGATORS_TRAINED_OR_SHORTFALL_JUSTIFIED',
      message: `${trained} investigators trained, below the target of ${investigatorsTrainedTarget}, and no shortfall justification is recorded`,
    });
  }
  return unmet;
}

/** Deliveries that do not match the plan: an unplanned course, a second delivery, seats exceeded. */
function deliveryMismatches(plan: TrainingPlan, deliveries: readonly TrainingDelivery[]): string[] {
  const mismatches: string[] = [];
  const seen = new Set<string>();
  for (const delivery of deliveries) {
    if (seen.has(delivery.courseId)) {
      mismatches.push(`${delivery.courseId} has more than one delivery recorded`);
      continue;
    }
    seen.add(delivery.courseId);
    const checked = checkDeliveryAgainstPlan(plan, delivery);
    if (!checked.ok) {
      mismatches.push(
        ...checked.problems.map(
          (problem) => `the delivery for ${delivery.courseId}: ${problem.field} ${problem.message}`,
        ),
      );
    }
  }
  return mismatches;
}

function unmetAdoptionCriteria(adoption: StrategyAdoption | undefined): UnmetExitCriterion[] {
  if (adoption === undefined) {
    return [
      { criterion: 'STRATEGY_ADOPTION_RECORDED', message: 'the strategy adoption is not recorded' },
    ];
  }
  if (
    adoption.womenShareInDesign < womenShareInDesignTarget &&
    !isStated(adoption.womenShareJustification)
  ) {
    return [
      {
        criterion: 'WOMEN_SHARE_IN_DESIGN_OR_JUSTIFIED',
        message: `women were ${adoption.womenShareInDesign} of the instrument's designers, below ${womenShareInDesignTarget}, and no justification is recorded`,
      },
    ];
  }
  return [];
}

function isStated(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '';
}
