import { describe, expect, it } from '@jest/globals';
import { oversightRecommendation as oversight, strategyAdoption } from './sample-engagement.ts';
import { validateSubmission } from './submissions.ts';

function problemsOf(input: unknown) {
  const result = validateSubmission('STRATEGY_ADOPTION', input);
  return result.ok ? [] : result.problems;
}

describe('strategy adoption', () => {
  it('accepts the instrument, its recommendations, women in design and a mechanism', () => {
    expect(validateSubmission('STRATEGY_ADOPTION', strategyAdoption)).toEqual({
      ok: true,
      value: strategyAdoption,
    });
  });

  it.each([
    ['no recommendations acted on', { specialRapporteurRecommendationsActedOn: [] }],
    ['exactly 20% women without a justification', { womenShareInDesign: 0.2 }],
    [
      'under 20% women with a justification',
      { womenShareInDesign: 0.1, womenShareJustification: 'Few women serve in the CT unit.' },
    ],
    ['no public-private mechanism, undescribed', { publicPrivateMechanism: { created: false } }],
  ])('accepts %s', (_name, change) => {
    expect(problemsOf({ ...strategyAdoption, ...change })).toEqual([]);
  });

  it.each([
    [
      'an unknown kind of instrument',
      { instrumentType: 'LAW' },
      'instrumentType',
      'must be one of: STRATEGY, POLICY, ACTION_PLAN',
    ],
    ['an untitled instrument', { title: '' }, 'title', 'must not be empty'],
    [
      'an adoption date that does not exist',
      { adoptionDate: '2027-02-29' },
      'adoptionDate',
      'must be a real calendar date written YYYY-MM-DD',
    ],
    [
      'no list of recommendations',
      { specialRapporteurRecommendationsActedOn: undefined },
      'specialRapporteurRecommendationsActedOn',
      'is required',
    ],
    [
      'a recommendation without a reference',
      { specialRapporteurRecommendationsActedOn: [{ ...oversight, reference: ' ' }] },
      'specialRapporteurRecommendationsActedOn.0.reference',
      'must not be empty',
    ],
    [
      'a recommendation without a summary',
      { specialRapporteurRecommendationsActedOn: [{ reference: 'A/HRC/52/39' }] },
      'specialRapporteurRecommendationsActedOn.0.summary',
      'is required',
    ],
    [
      'the same recommendation counted twice',
      {
        specialRapporteurRecommendationsActedOn: [
          oversight,
          { reference: '  a/hrc/52/39   PARA. 62 ', summary: 'Again' },
        ],
      },
      'specialRapporteurRecommendationsActedOn.1.reference',
      'repeats specialRapporteurRecommendationsActedOn.0.reference: each recommendation is counted once',
    ],
    [
      'a negative share of women',
      { womenShareInDesign: -0.1 },
      'womenShareInDesign',
      'must be at least 0',
    ],
    [
      'a share of women above 1',
      { womenShareInDesign: 35 },
      'womenShareInDesign',
      'must be at most 1',
    ],
    [
      'a share of women that is not a number',
      { womenShareInDesign: '35%' },
      'womenShareInDesign',
      'must be a number',
    ],
    [
      'under 20% women without a justification',
      { womenShareInDesign: 0.19 },
      'womenShareJustification',
      'is required when womenShareInDesign is below 0.2',
    ],
    [
      'a blank justification',
      { womenShareInDesign: 0.19, womenShareJustification: '' },
      'womenShareJustification',
      'must not be empty',
    ],
    [
      'a mechanism created but not described',
      { publicPrivateMechanism: { created: true } },
      'publicPrivateMechanism.description',
      'is required when publicPrivateMechanism.created is true',
    ],
    [
      'a mechanism without saying whether it was created',
      { publicPrivateMechanism: { description: 'Referral desk' } },
      'publicPrivateMechanism.created',
      'is required',
    ],
    ['an unknown field', { approvedBy: 'Cabinet' }, 'approvedBy', 'is not an expected field'],
  ])('refuses %s', (_name, change, field, message) => {
    expect(problemsOf({ ...strategyAdoption, ...change })).toEqual([{ field, message }]);
  });

  it('checks the justification and the mechanism even when other fields are wrong', () => {
    expect(
      problemsOf({
        ...strategyAdoption,
        title: undefined,
        womenShareInDesign: 0.05,
        publicPrivateMechanism: { created: true },
      }),
    ).toEqual([
      { field: 'title', message: 'is required' },
      {
        field: 'womenShareJustification',
        message: 'is required when womenShareInDesign is below 0.2',
      },
      {
        field: 'publicPrivateMechanism.description',
        message: 'is required when publicPrivateMechanism.created is true',
      },
    ]);
  });
});
