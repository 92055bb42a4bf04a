import { describe, expect, it } from '@jest/globals';
import {
  engagementStages,
  isMilestoneStage,
  milestoneStages,
  nextStage,
  stageTitles,
} from './stages.ts';

describe('engagement stages', () => {
  it('run from kick-off through needs assessment, training and strategy adoption to completion', () => {
    expect(engagementStages).toEqual([
      'KICK_OFF',
      'NEEDS_ASSESSMENT',
      'TAILORED_TRAINING',
      'STRATEGY_ADOPTION',
      'COMPLETED',
    ]);
  });

  it('end with a milestone in every stage but COMPLETED', () => {
    expect(milestoneStages).toEqual(engagementStages.filter((stage) => stage !== 'COMPLETED'));
    expect(isMilestoneStage('STRATEGY_ADOPTION')).toBe(true);
    expect(isMilestoneStage('COMPLETED')).toBe(false);
    expect(isMilestoneStage('KICKOFF')).toBe(false);
  });

  it.each([
    ['KICK_OFF', 'NEEDS_ASSESSMENT'],
    ['NEEDS_ASSESSMENT', 'TAILORED_TRAINING'],
    ['TAILORED_TRAINING', 'STRATEGY_ADOPTION'],
    ['STRATEGY_ADOPTION', 'COMPLETED'],
  ] as const)('after %s comes %s', (stage, following) => {
    expect(nextStage(stage)).toBe(following);
  });

  it('has no stage after COMPLETED', () => {
    expect(nextStage('COMPLETED')).toBeUndefined();
  });

  it('gives every stage a human title', () => {
    expect(engagementStages.map((stage) => stageTitles[stage])).toEqual([
      'Kick-off',
      'Needs assessment',
      'Tailored training',
      'Strategy adoption',
      'Completed',
    ]);
  });
});
