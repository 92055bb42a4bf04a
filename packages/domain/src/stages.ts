import { z } from 'zod';

/** The stages every partner state's engagement goes through, in order. */
export const engagementStages = [
  'KICK_OFF',
  'NEEDS_ASSESSMENT',
  'TAILORED_TRAINING',
  'STRATEGY_ADOPTION',
  'COMPLETED',
] as const;

export type EngagementStage = (typeof engagementStages)[number];

export const engagementStageSchema = z.enum(engagementStages);

/** The stages that end with a milestone signed off by a compliance reviewer. */
export const milestoneStages = [
  'KICK_OFF',
  'NEEDS_ASSESSMENT',
  'TAILORED_TRAINING',
  'STRATEGY_ADOPTION',
] as const satisfies readonly EngagementStage[];

export type MilestoneStage = (typeof milestoneStages)[number];

export const milestoneStageSchema = z.enum(milestoneStages);

export const stageTitles: Readonly<Record<EngagementStage, string>> = {
  KICK_OFF: 'Kick-off',
  NEEDS_ASSESSMENT: 'Needs assessment',
  TAILORED_TRAINING: 'Tailored training',
  STRATEGY_ADOPTION: 'Strategy adoption',
  COMPLETED: 'Completed',
};

/** The stage that follows, or undefined after COMPLETED. */
export function nextStage(stage: EngagementStage): EngagementStage | undefined {
  return engagementStages[engagementStages.indexOf(stage) + 1];
}

export function isMilestoneStage(stage: string): stage is MilestoneStage {
  return (milestoneStages as readonly string[]).includes(stage);
}
