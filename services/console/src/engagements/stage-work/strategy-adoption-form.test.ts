// The strategy adoption form: values → submission (women's share typed as a percentage),
// the justification and the mechanism's description asked for when they are needed, the
// domain's check, problems → fields.
import { describe, expect, it } from '@jest/globals';
import { strategyAdoption } from '@cttech/domain/samples';
import {
  isBelowWomenShareTarget,
  strategyAdoptionFormOf,
  strategyAdoptionMessages,
  strategyAdoptionProblems,
  strategyAdoptionSubmission,
  type StrategyAdoptionFormValues,
} from './strategy-adoption-form.ts';

const sample = strategyAdoptionFormOf(strategyAdoption);

describe('the strategy adoption form', () => {
  it("makes the submission the API takes: women's share from a percentage, text trimmed", () => {
    expect(sample.womenSharePercent).toBe('35');
    const typed: StrategyAdoptionFormValues = {
      ...sample,
      title: ` ${sample.title}  `,
      womenSharePercent: ' 35 ',
      mechanismDescription: `${sample.mechanismDescription}\n`,
    };
    expect(strategyAdoptionSubmission(typed)).toEqual(strategyAdoption);
    expect(strategyAdoptionProblems(typed)).toEqual([]);
    // a share typed again reads as it was typed
    const sevenPerCent = strategyAdoptionFormOf({ ...strategyAdoption, womenShareInDesign: 0.07 });
    expect(sevenPerCent.womenSharePercent).toBe('7');
  });

  it('takes no recommendation at all, and starts empty', () => {
    const none = { ...sample, recommendations: [] };
    expect(strategyAdoptionSubmission(none)).toMatchObject({
      specialRapporteurRecommendationsActedOn: [],
    });
    expect(strategyAdoptionProblems(none)).toEqual([]);
    expect(
      strategyAdoptionMessages(strategyAdoptionProblems(strategyAdoptionFormOf(undefined))),
    ).toEqual({
      instrumentType: ['The instrument type must be chosen'],
      title: ['The title must not be empty'],
      adoptionDate: ['The adoption date must be a real calendar date written YYYY-MM-DD'],
      womenShareInDesign: ["Women's share in the design is required"],
    });
  });

  it('asks for a justification only below 20 %, and sends it only then', () => {
    const low = { ...sample, womenSharePercent: '15', womenShareJustification: ' ' };
    expect(isBelowWomenShareTarget(low)).toBe(true);
    expect(strategyAdoptionMessages(strategyAdoptionProblems(low))).toEqual({
      womenShareJustification: [
        "The justification of the share is required when women's share is below 20 %",
      ],
    });
    const justified = { ...low, womenShareJustification: 'Few women in the ministry. ' };
    expect(strategyAdoptionSubmission(justified)).toMatchObject({
      womenShareInDesign: 0.15,
      womenShareJustification: 'Few women in the ministry.',
    });
    const atTarget = { ...justified, womenSharePercent: '20' };
    expect(isBelowWomenShareTarget(atTarget)).toBe(false);
    expect(strategyAdoptionSubmission(atTarget)).not.toHaveProperty('womenShareJustification');
    expect(isBelowWomenShareTarget({ ...sample, womenSharePercent: '' })).toBe(false);
  });

  it('reads the share as a percentage in its messages', () => {
    expect(
      strategyAdoptionMessages(strategyAdoptionProblems({ ...sample, womenSharePercent: '120' })),
    ).toEqual({
      womenShareInDesign: ["Women's share in the design must be a percentage from 0 to 100"],
    });
  });

  it("asks for the mechanism's description only when one was created", () => {
    const created = { ...sample, mechanismDescription: '' };
    expect(strategyAdoptionMessages(strategyAdoptionProblems(created))).toEqual({
      'publicPrivateMechanism.description': [
        "The mechanism's description is required when a mechanism was created",
      ],
    });
    const notCreated = { ...sample, mechanismCreated: false };
    expect(strategyAdoptionSubmission(notCreated)).toMatchObject({
      publicPrivateMechanism: { created: false },
    });
    expect(strategyAdoptionSubmission(notCreated)).not.toHaveProperty(
      'publicPrivateMechanism.description',
    );
  });

  it('names the recommendation whose reference another repeats, and blank ones', () => {
    const [first] = sample.recommendations;
    const twice = {
      ...sample,
      recommendations: [first!, { reference: ` ${first!.reference.toUpperCase()}`, summary: '' }],
    };
    expect(strategyAdoptionMessages(strategyAdoptionProblems(twice))).toEqual({
      'specialRapporteurRecommendationsActedOn.1.summary': [
        'Recommendation 2: summary must not be empty',
      ],
      'specialRapporteurRecommendationsActedOn.1.reference': [
        'Recommendation 2: reference repeats the reference of recommendation 1: each recommendation is counted once',
      ],
    });
  });
});
