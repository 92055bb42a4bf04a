import { describe, expect, it } from '@jest/globals';
import {
  completeRecord,
  cryptoDelivery,
  darknetDelivery,
  strategyAdoption,
} from './sample-engagement.ts';
import type { StageRecord } from './exit-criteria.ts';
import { emptyStageRecord } from './exit-criteria.ts';
import type { PartnerStateIndicators, ProgrammeIndicators } from './indicators.ts';
import { engagementIndicators, programmeIndicators, programmeTargets } from './indicators.ts';

const kenya: StageRecord = {
  ...completeRecord,
  trainingDeliveries: [{ ...darknetDelivery, attendance: { women: 10, men: 18, undisclosed: 2 } }],
  strategyAdoption: {
    ...strategyAdoption,
    specialRapporteurRecommendationsActedOn: [
      { reference: 'A/HRC/52/39 para. 62', summary: 'Independent oversight' },
    ],
    womenShareInDesign: 0.15,
    womenShareJustification: 'The drafting committee is set by law.',
    publicPrivateMechanism: { created: false },
  },
};

const nigeria: StageRecord = {
  ...completeRecord,
  trainingDeliveries: [
    darknetDelivery,
    { ...cryptoDelivery, attendance: { women: 4, men: 10, undisclosed: 0 } },
  ],
  strategyAdoption: {
    ...strategyAdoption,
    specialRapporteurRecommendationsActedOn: [
      { reference: 'R1', summary: 'a' },
      { reference: 'R2', summary: 'b' },
      { reference: 'R3', summary: 'c' },
    ],
    womenShareInDesign: 0.2,
  },
};

const inLogframeOrder = (results: ProgrammeIndicators) => [
  results.strategiesAdopted,
  results.recommendationsActedOn,
  results.womenInPolicyDesign,
  results.investigatorsTrained,
  results.publicPrivateMechanisms,
];

const states = (records: Record<string, StageRecord>): PartnerStateIndicators[] =>
  Object.entries(records).map(([partnerState, record]) => ({
    partnerState,
    indicators: engagementIndicators(record),
  }));

describe('engagementIndicators', () => {
  it('computes a fully recorded engagement from its record', () => {
    expect(engagementIndicators(completeRecord)).toEqual({
      investigatorsTrained: { women: 13, men: 29, undisclosed: 1, total: 43 },
      womenShareInPolicyDesign: 0.35,
      recommendationsActedOn: 2,
      strategyAdopted: true,
      publicPrivateMechanism: true,
    });
  });

  it('counts nothing for an engagement with nothing recorded', () => {
    expect(engagementIndicators(emptyStageRecord)).toEqual({
      investigatorsTrained: { women: 0, men: 0, undisclosed: 0, total: 0 },
      womenShareInPolicyDesign: null,
      recommendationsActedOn: 0,
      strategyAdopted: false,
      publicPrivateMechanism: false,
    });
  });

  it('counts no public-private mechanism when none was created', () => {
    expect(engagementIndicators(kenya).publicPrivateMechanism).toBe(false);
  });

  it.each([
    [1 / 3, 0.3333],
    [2 / 3, 0.6667],
    [0.12345, 0.1235],
    [0.2, 0.2],
  ])('rounds the women share %d to 4 decimals: %d', (share, rounded) => {
    const record = {
      ...emptyStageRecord,
      strategyAdoption: { ...strategyAdoption, womenShareInDesign: share },
    };
    expect(engagementIndicators(record).womenShareInPolicyDesign).toBe(rounded);
  });
});

describe('programmeIndicators', () => {
  const results = programmeIndicators(
    states({ Ghana: completeRecord, Kenya: kenya, Iraq: emptyStageRecord, Nigeria: nigeria }),
  );

  it('uses the logframe targets', () => {
    expect(programmeTargets).toEqual({
      statesAdoptingStrategy: 5,
      recommendationsActedOnPerState: 2,
      womenShareInPolicyDesignPerState: 0.2,
      investigatorsTrainedPerState: 40,
      statesWithPublicPrivateMechanism: 5,
    });
  });

  it('counts the partner states that adopted a strategy against 5', () => {
    expect(results.strategiesAdopted).toEqual({
      kind: 'STATES_ACHIEVING',
      title:
        'Partner states adopting a CT strategy, policy or action plan covering new technologies',
      target: 5,
      actual: 3,
      perState: [
        { partnerState: 'Ghana', achieved: true },
        { partnerState: 'Kenya', achieved: true },
        { partnerState: 'Iraq', achieved: false },
        { partnerState: 'Nigeria', achieved: true },
      ],
      met: false,
    });
  });

  it('counts recommendations acted upon against 2 per state, and in total', () => {
    expect(results.recommendationsActedOn).toEqual({
      kind: 'PER_STATE',
      title: 'UN Special Rapporteur recommendations acted upon',
      target: 2,
      actual: 6,
      perState: [
        { partnerState: 'Ghana', actual: 2, met: true },
        { partnerState: 'Kenya', actual: 1, met: false },
        { partnerState: 'Iraq', actual: 0, met: false },
        { partnerState: 'Nigeria', actual: 3, met: true },
      ],
      statesMeetingTarget: 2,
      met: false,
    });
  });

  it('compares the women share with 20% per state; the total is the mean of recorded shares', () => {
    expect(results.womenInPolicyDesign).toEqual({
      kind: 'PER_STATE',
      title: 'Women linked to the design and adoption of the policies',
      target: 0.2,
      actual: 0.2333,
      perState: [
        { partnerState: 'Ghana', actual: 0.35, met: true },
        { partnerState: 'Kenya', actual: 0.15, met: false },
        { partnerState: 'Iraq', actual: null, met: false },
        { partnerState: 'Nigeria', actual: 0.2, met: true },
      ],
      statesMeetingTarget: 2,
      met: false,
    });
  });

  it('sums investigators trained over the states against 40 per state', () => {
    expect(results.investigatorsTrained).toEqual({
      kind: 'PER_STATE',
      title: 'CT investigators trained (OSINT, Darknet, cryptocurrency, AI)',
      target: 40,
      actual: 113,
      perState: [
        { partnerState: 'Ghana', actual: 43, met: true },
        { partnerState: 'Kenya', actual: 30, met: false },
        { partnerState: 'Iraq', actual: 0, met: false },
        { partnerState: 'Nigeria', actual: 40, met: true },
      ],
      statesMeetingTarget: 2,
      met: false,
    });
  });

  it('counts the partner states with a public-private mechanism against 5', () => {
    expect(results.publicPrivateMechanisms).toMatchObject({
      kind: 'STATES_ACHIEVING',
      target: 5,
      actual: 2,
      met: false,
    });
    expect(results.publicPrivateMechanisms.perState.filter((state) => state.achieved)).toEqual([
      { partnerState: 'Ghana', achieved: true },
      { partnerState: 'Nigeria', achieved: true },
    ]);
  });

  it('meets every result when five states record everything', () => {
    const five = programmeIndicators(
      states({
        Ghana: completeRecord,
        Kenya: completeRecord,
        Nigeria: completeRecord,
        Philippines: completeRecord,
        Tajikistan: completeRecord,
      }),
    );
    expect(inLogframeOrder(five).map((result) => [result.actual, result.met])).toEqual([
      [5, true],
      [10, true],
      [0.35, true],
      [215, true],
      [5, true],
    ]);
  });

  it('meets nothing and shows no share before any state is engaged', () => {
    const none = programmeIndicators([]);
    expect(inLogframeOrder(none).map((result) => [result.actual, result.met])).toEqual([
      [0, false],
      [0, false],
      [null, false],
      [0, false],
      [0, false],
    ]);
  });

  it('refuses a partner state listed twice', () => {
    const ghana = { partnerState: 'Ghana', indicators: engagementIndicators(completeRecord) };
    expect(() => programmeIndicators([ghana, ghana])).toThrow(
      'partner state Ghana appears more than once',
    );
  });
});
