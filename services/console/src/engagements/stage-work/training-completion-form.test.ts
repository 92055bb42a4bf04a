// The training completion form: the shortfall justification asked for only below the target.
import { describe, expect, it } from '@jest/globals';
import { attendanceTotals } from '@cttech/domain';
import { cryptoDelivery, darknetDelivery } from '@cttech/domain/samples';
import {
  isShortOfTrainedTarget,
  trainingCompletionFormOf,
  trainingCompletionMessages,
  trainingCompletionProblems,
  trainingCompletionSubmission,
} from './training-completion-form.ts';

/** 26 trained in the darknet course alone; 43 with the cryptocurrency course. */
const short = attendanceTotals([darknetDelivery]).total;
const enough = attendanceTotals([darknetDelivery, cryptoDelivery]).total;

describe('the training completion form', () => {
  it('counts against the target of 40 investigators trained', () => {
    expect([short, enough]).toEqual([26, 43]);
    expect(isShortOfTrainedTarget(short)).toBe(true);
    expect(isShortOfTrainedTarget(39)).toBe(true);
    expect(isShortOfTrainedTarget(40)).toBe(false);
  });

  it('asks for the shortfall justification below the target, and sends it trimmed', () => {
    const blank = trainingCompletionFormOf(undefined);
    expect(trainingCompletionMessages(trainingCompletionProblems(blank, short))).toEqual({
      shortfallJustification: [
        'The shortfall justification is required: 26 investigators trained, below the target of 40',
      ],
    });
    const justified = { shortfallJustification: ' The in-person course moved to next year. ' };
    expect(trainingCompletionSubmission(justified, short)).toEqual({
      shortfallJustification: 'The in-person course moved to next year.',
    });
    expect(trainingCompletionProblems(justified, short)).toEqual([]);
  });

  it('sends no justification once the target is met, whatever was typed before', () => {
    const recorded = trainingCompletionFormOf({ shortfallJustification: 'Elections.' });
    expect(recorded.shortfallJustification).toBe('Elections.');
    expect(trainingCompletionSubmission(recorded, enough)).toEqual({});
    expect(trainingCompletionProblems(trainingCompletionFormOf(undefined), enough)).toEqual([]);
  });
});
