import { describe, expect, it } from '@jest/globals';
import {
  completeRecord,
  cryptoDelivery,
  darknetDelivery,
  strategyAdoption,
} from './sample-engagement.ts';
import type { StageRecord } from './exit-criteria.ts';
import { emptyStageRecord, exitCriteria, investigatorsTrainedTarget } from './exit-criteria.ts';
import { milestoneStages } from './stages.ts';

const criteriaOf = (stage: Parameters<typeof exitCriteria>[0], record: StageRecord) =>
  exitCriteria(stage, record).unmet.map((unmet) => unmet.criterion);

describe('exit criteria', () => {
  it.each(milestoneStages)('%s is met once its work is fully recorded', (stage) => {
    expect(exitCriteria(stage, completeRecord)).toEqual({ met: true, unmet: [] });
  });

  it('targets 40 investigators trained per partner state', () => {
    expect(investigatorsTrainedTarget).toBe(40);
  });

  it('KICK_OFF needs the kick-off report', () => {
    expect(exitCriteria('KICK_OFF', emptyStageRecord)).toEqual({
      met: false,
      unmet: [
        { criterion: 'KICK_OFF_REPORT_RECORDED', message: 'the kick-off report is not recorded' },
      ],
    });
  });

  it('NEEDS_ASSESSMENT needs the needs assessment', () => {
    expect(exitCriteria('NEEDS_ASSESSMENT', emptyStageRecord)).toEqual({
      met: false,
      unmet: [
        { criterion: 'NEEDS_ASSESSMENT_RECORDED', message: 'the needs assessment is not recorded' },
      ],
    });
  });

  describe('TAILORED_TRAINING', () => {
    it('needs the training plan, and investigators trained', () => {
      expect(exitCriteria('TAILORED_TRAINING', emptyStageRecord)).toEqual({
        met: false,
        unmet: [
          { criterion: 'TRAINING_PLAN_RECORDED', message: 'the training plan is not recorded' },
          {
            criterion: 'INVESTIGATORS_TRAINED_OR_SHORTFALL_JUSTIFIED',
            message:
              '0 investigators trained, below the target of 40, and no shortfall justification is recorded',
          },
        ],
      });
    });

    it('needs a delivery for every planned course', () => {
      const record = {
        ...completeRecord,
        trainingDeliveries: [darknetDelivery],
        trainingCompletion: { shortfallJustification: 'The in-person course moved to next year.' },
      };
      expect(exitCriteria('TAILORED_TRAINING', record)).toEqual({
        met: false,
        unmet: [
          {
            criterion: 'EVERY_PLANNED_COURSE_DELIVERED',
            message: 'no delivery is recorded for cryptocurrency-investigations-1',
          },
        ],
      });
    });

    it('needs every delivery within the seats planned for its course', () => {
      const record = {
        ...completeRecord,
        trainingDeliveries: [
          { ...darknetDelivery, attendance: { women: 20, men: 20, undisclosed: 0 } },
          cryptoDelivery,
        ],
      };
      expect(exitCriteria('TAILORED_TRAINING', record).unmet).toEqual([
        {
          criterion: 'DELIVERIES_MATCH_PLAN',
          message:
            'the delivery for darknet-basic-1: attendance counts 40 participants, more than the 30 seats planned for darknet-basic-1',
        },
      ]);
    });

    it('needs the deliveries to match the plan: no unplanned course, one delivery per course', () => {
      const record = {
        ...completeRecord,
        trainingDeliveries: [
          darknetDelivery,
          cryptoDelivery,
          cryptoDelivery,
          { ...darknetDelivery, courseId: 'osint-1' },
        ],
      };
      expect(exitCriteria('TAILORED_TRAINING', record).unmet).toEqual([
        {
          criterion: 'DELIVERIES_MATCH_PLAN',
          message:
            'cryptocurrency-investigations-1 has more than one delivery recorded; the delivery for osint-1: courseId is not a course in the training plan',
        },
      ]);
    });

    it('needs the human-rights module delivered in every course', () => {
      const record = {
        ...completeRecord,
        trainingDeliveries: [
          darknetDelivery,
          { ...cryptoDelivery, humanRightsModuleDelivered: false },
        ],
      };
      expect(exitCriteria('TAILORED_TRAINING', record).unmet).toEqual([
        {
          criterion: 'HUMAN_RIGHTS_MODULE_IN_EVERY_COURSE',
          message: 'the human-rights module was not delivered in cryptocurrency-investigations-1',
        },
      ]);
    });

    it('needs 40 investigators trained in total', () => {
      const record = {
        ...completeRecord,
        trainingDeliveries: [
          darknetDelivery,
          { ...cryptoDelivery, attendance: { women: 5, men: 8, undisclosed: 0 } },
        ],
      };
      expect(exitCriteria('TAILORED_TRAINING', record).unmet).toEqual([
        {
          criterion: 'INVESTIGATORS_TRAINED_OR_SHORTFALL_JUSTIFIED',
          message:
            '39 investigators trained, below the target of 40, and no shortfall justification is recorded',
        },
      ]);
    });

    it('is met with exactly 40 trained', () => {
      const record = {
        ...completeRecord,
        trainingDeliveries: [
          darknetDelivery,
          { ...cryptoDelivery, attendance: { women: 5, men: 9, undisclosed: 0 } },
        ],
      };
      expect(exitCriteria('TAILORED_TRAINING', record).met).toBe(true);
    });

    it('accepts fewer than 40 trained with a shortfall justification, but not a blank one', () => {
      const shortfall = {
        ...completeRecord,
        trainingDeliveries: [
          darknetDelivery,
          { ...cryptoDelivery, attendance: { women: 1, men: 0, undisclosed: 0 } },
        ],
      };
      expect(
        exitCriteria('TAILORED_TRAINING', {
          ...shortfall,
          trainingCompletion: {
            shortfallJustification: 'The in-person course was cut short by unrest.',
          },
        }).met,
      ).toBe(true);
      expect(
        criteriaOf('TAILORED_TRAINING', {
          ...shortfall,
          trainingCompletion: { shortfallJustification: ' ' },
        }),
      ).toEqual(['INVESTIGATORS_TRAINED_OR_SHORTFALL_JUSTIFIED']);
      expect(criteriaOf('TAILORED_TRAINING', { ...shortfall, trainingCompletion: {} })).toEqual([
        'INVESTIGATORS_TRAINED_OR_SHORTFALL_JUSTIFIED',
      ]);
    });

    it('lists every unmet criterion at once', () => {
      const record = {
        ...completeRecord,
        trainingDeliveries: [
          { ...darknetDelivery, humanRightsModuleDelivered: false, courseId: 'osint-1' },
        ],
      };
      expect(criteriaOf('TAILORED_TRAINING', record)).toEqual([
        'EVERY_PLANNED_COURSE_DELIVERED',
        'DELIVERIES_MATCH_PLAN',
        'HUMAN_RIGHTS_MODULE_IN_EVERY_COURSE',
        'INVESTIGATORS_TRAINED_OR_SHORTFALL_JUSTIFIED',
      ]);
    });
  });

  describe('STRATEGY_ADOPTION', () => {
    it('needs the strategy adoption', () => {
      expect(exitCriteria('STRATEGY_ADOPTION', emptyStageRecord)).toEqual({
        met: false,
        unmet: [
          {
            criterion: 'STRATEGY_ADOPTION_RECORDED',
            message: 'the strategy adoption is not recorded',
          },
        ],
      });
    });

    it('needs at least 20% women in the design, or a justification', () => {
      const fewWomen = { ...strategyAdoption, womenShareInDesign: 0.15 };
      expect(
        exitCriteria('STRATEGY_ADOPTION', { ...emptyStageRecord, strategyAdoption: fewWomen }),
      ).toEqual({
        met: false,
        unmet: [
          {
            criterion: 'WOMEN_SHARE_IN_DESIGN_OR_JUSTIFIED',
            message:
              "women were 0.15 of the instrument's designers, below 0.2, and no justification is recorded",
          },
        ],
      });
      const justified = {
        ...fewWomen,
        womenShareJustification: 'The drafting committee is set by law.',
      };
      expect(
        exitCriteria('STRATEGY_ADOPTION', { ...emptyStageRecord, strategyAdoption: justified }).met,
      ).toBe(true);
      const atTarget = { ...strategyAdoption, womenShareInDesign: 0.2 };
      expect(
        exitCriteria('STRATEGY_ADOPTION', { ...emptyStageRecord, strategyAdoption: atTarget }).met,
      ).toBe(true);
    });
  });
});
