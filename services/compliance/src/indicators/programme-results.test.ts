import { describe, expect, it } from '@jest/globals';
import { csvField, indicatorsCsv } from './indicators-csv.ts';
import {
  partnerStateFacts,
  programmeResults,
  strategyAdoptions,
  type AdoptionFacts,
  type DeliveryFacts,
  type EngagementFacts,
  type IndicatorFigure,
  type IndicatorId,
} from './programme-results.ts';

const delivery = (
  partnerState: string,
  courseId: string,
  women: number,
  men: number,
  undisclosed = 0,
  humanRightsModuleDelivered = true,
): DeliveryFacts => ({
  partnerState,
  courseId,
  women,
  men,
  undisclosed,
  humanRightsModuleDelivered,
});

/**
 * An engagement's facts: without a signed-off strategy adoption unless given; with its
 * instrument and day when they are given too (an adoption kept before they were has neither).
 */
const engagement = (
  partnerState: string,
  adoption?: {
    recommendations: number;
    womenShare: number;
    publicPrivate: boolean;
    instrument?: AdoptionFacts;
  },
  cycle = 2027,
): EngagementFacts => ({
  engagementId: `engagement-${partnerState}-${cycle}`,
  partnerState,
  cycle,
  strategyAdopted: adoption !== undefined,
  recommendationsActedOn: adoption?.recommendations ?? 0,
  womenShareInDesign: adoption?.womenShare ?? null,
  publicPrivateMechanism: adoption?.publicPrivate ?? false,
  adoption: adoption?.instrument ?? null,
});

const figureOf = (figures: readonly IndicatorFigure[], indicator: IndicatorId) =>
  figures.find((figure) => figure.indicator === indicator);

describe('partnerStateFacts', () => {
  it('sums each partner state over its engagements and courses, states in code order', () => {
    const facts = partnerStateFacts(
      [
        engagement('NG'),
        engagement('KE'),
        engagement('KE', { recommendations: 2, womenShare: 0.3, publicPrivate: true }),
      ],
      [
        delivery('KE', 'osint-1', 9, 14, 1),
        delivery('KE', 'crypto-1', 3, 5),
        delivery('GH', 'a', 1, 1),
      ],
    );
    expect(facts.map(({ partnerState, engagements }) => [partnerState, engagements])).toEqual([
      ['GH', 0],
      ['KE', 2],
      ['NG', 1],
    ]);
    expect(facts[1]?.indicators).toEqual({
      investigatorsTrained: { women: 12, men: 19, undisclosed: 1, total: 32 },
      womenShareInPolicyDesign: 0.3,
      recommendationsActedOn: 2,
      strategyAdopted: true,
      publicPrivateMechanism: true,
    });
    expect(facts[2]?.indicators).toMatchObject({
      womenShareInPolicyDesign: null,
      recommendationsActedOn: 0,
      publicPrivateMechanism: false,
    });
  });
});

describe('programmeResults', () => {
  const results = programmeResults(
    [
      engagement('KE', { recommendations: 3, womenShare: 0.35, publicPrivate: true }),
      engagement('NG'),
    ],
    [
      delivery('KE', 'osint-1', 10, 25, 5),
      delivery('KE', 'crypto-1', 2, 3),
      delivery('NG', 'darknet-1', 4, 10, 0, false),
    ],
  );

  it('gives each partner state its value, target and whether it is met', () => {
    const kenya = results.partnerStates[0];
    expect(kenya?.partnerState).toBe('KE');
    expect(figureOf(kenya?.indicators ?? [], 'INVESTIGATORS_TRAINED')).toMatchObject({
      value: 45,
      target: 40,
      targetPer: 'PARTNER_STATE',
      met: true,
      bySex: { women: 12, men: 28, undisclosed: 5, total: 45 },
    });
    expect(figureOf(kenya?.indicators ?? [], 'STRATEGIES_ADOPTED')).toMatchObject({
      value: 1,
      target: 1,
      met: true,
    });
    const nigeria = results.partnerStates[1];
    expect(figureOf(nigeria?.indicators ?? [], 'INVESTIGATORS_TRAINED')).toMatchObject({
      value: 14,
      met: false,
    });
    expect(figureOf(nigeria?.indicators ?? [], 'COURSES_WITH_HUMAN_RIGHTS_MODULE')).toMatchObject({
      value: 0,
      target: 1,
      met: false,
    });
  });

  it('totals over the partner states against the programme targets', () => {
    const total = results.total.indicators;
    expect(results.total.partnerStates).toBe(2);
    expect(figureOf(total, 'STRATEGIES_ADOPTED')).toMatchObject({
      value: 1,
      target: 5,
      targetPer: 'PROGRAMME',
      met: false,
    });
    expect(figureOf(total, 'INVESTIGATORS_TRAINED')).toMatchObject({
      value: 59,
      target: 40,
      targetPer: 'PARTNER_STATE',
      met: false,
      statesMeetingTarget: 1,
      bySex: { women: 16, men: 38, undisclosed: 5, total: 59 },
    });
    expect(figureOf(total, 'COURSES_WITH_HUMAN_RIGHTS_MODULE')).toMatchObject({
      value: 2,
      target: 3,
      met: false,
      statesMeetingTarget: 1,
    });
  });

  it('counts the signed-off strategy adoptions: recommendations, women in design, mechanisms', () => {
    const kenya = results.partnerStates[0]?.indicators ?? [];
    const nigeria = results.partnerStates[1]?.indicators ?? [];
    expect(figureOf(kenya, 'RECOMMENDATIONS_ACTED_ON')).toMatchObject({
      value: 3,
      target: 2,
      met: true,
    });
    expect(figureOf(nigeria, 'RECOMMENDATIONS_ACTED_ON')).toMatchObject({ value: 0, met: false });
    expect(figureOf(kenya, 'WOMEN_IN_POLICY_DESIGN')).toMatchObject({
      value: 0.35,
      target: 0.2,
      met: true,
    });
    expect(figureOf(kenya, 'PUBLIC_PRIVATE_MECHANISMS')).toMatchObject({ value: 1, met: true });
    expect(figureOf(nigeria, 'PUBLIC_PRIVATE_MECHANISMS')).toMatchObject({ value: 0, met: false });
    const total = results.total.indicators;
    expect(figureOf(total, 'RECOMMENDATIONS_ACTED_ON')).toMatchObject({
      value: 3,
      met: false,
      statesMeetingTarget: 1,
    });
    expect(figureOf(total, 'WOMEN_IN_POLICY_DESIGN')).toMatchObject({
      value: 0.35,
      statesMeetingTarget: 1,
    });
    expect(figureOf(total, 'PUBLIC_PRIVATE_MECHANISMS')).toMatchObject({
      value: 1,
      target: 5,
      met: false,
    });
  });

  it('reports what nothing records yet as null with a reason, never as zero', () => {
    // Nigeria has signed off no strategy adoption: its share of women is unknown, not 0
    expect(
      figureOf(results.partnerStates[1]?.indicators ?? [], 'WOMEN_IN_POLICY_DESIGN'),
    ).toMatchObject({
      value: null,
      met: null,
      reason: 'no strategy adoption has been signed off yet',
    });
    expect(figureOf(results.total.indicators, 'INTERNATIONAL_INVESTIGATION')).toMatchObject({
      value: null,
      target: 1,
      met: null,
    });
    expect(figureOf(results.total.indicators, 'RECOMMENDATIONS_ACTED_ON')?.target).toBe(2);
  });

  it('shows nothing met and no partner state when nothing was recorded', () => {
    const empty = programmeResults([], []);
    expect(empty.partnerStates).toEqual([]);
    expect(figureOf(empty.total.indicators, 'INVESTIGATORS_TRAINED')).toMatchObject({
      value: 0,
      met: false,
    });
    expect(figureOf(empty.total.indicators, 'COURSES_WITH_HUMAN_RIGHTS_MODULE')).toMatchObject({
      value: 0,
      target: 0,
      met: null,
      reason: 'no course delivered yet',
    });
  });
});

describe('strategyAdoptions', () => {
  const adopted = (
    partnerState: string,
    adoptionDate: string,
    instrumentType: AdoptionFacts['instrumentType'],
    cycle?: number,
  ) =>
    engagement(
      partnerState,
      {
        recommendations: 1,
        womenShare: 0.3,
        publicPrivate: false,
        instrument: { instrumentType, adoptionDate },
      },
      cycle,
    );

  it('lists each adoption with its instrument and day, the earliest first', () => {
    expect(
      strategyAdoptions([
        adopted('NG', '2027-09-01', 'STRATEGY'),
        engagement('GH'),
        adopted('KE', '2027-05-20', 'ACTION_PLAN'),
        adopted('GH', '2027-05-20', 'POLICY'),
        adopted('KE', '2028-02-01', 'STRATEGY', 2028),
      ]),
    ).toEqual([
      {
        engagementId: 'engagement-GH-2027',
        partnerState: 'GH',
        cycle: 2027,
        instrumentType: 'POLICY',
        adoptionDate: '2027-05-20',
      },
      {
        engagementId: 'engagement-KE-2027',
        partnerState: 'KE',
        cycle: 2027,
        instrumentType: 'ACTION_PLAN',
        adoptionDate: '2027-05-20',
      },
      {
        engagementId: 'engagement-NG-2027',
        partnerState: 'NG',
        cycle: 2027,
        instrumentType: 'STRATEGY',
        adoptionDate: '2027-09-01',
      },
      {
        engagementId: 'engagement-KE-2028',
        partnerState: 'KE',
        cycle: 2028,
        instrumentType: 'STRATEGY',
        adoptionDate: '2028-02-01',
      },
    ]);
  });

  it('leaves off an adoption kept without its day, which the figures still count', () => {
    const results = programmeResults(
      [
        engagement('KE', { recommendations: 2, womenShare: 0.3, publicPrivate: true }),
        adopted('NG', '2027-09-01', 'STRATEGY'),
      ],
      [],
    );
    expect(results.strategyAdoptions.map(({ partnerState }) => partnerState)).toEqual(['NG']);
    expect(figureOf(results.total.indicators, 'STRATEGIES_ADOPTED')?.value).toBe(2);
  });

  it('is empty when no adoption is signed off', () => {
    expect(programmeResults([engagement('KE')], []).strategyAdoptions).toEqual([]);
  });
});

describe('indicatorsCsv', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-12')).toBe('-12');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
    expect(csvField(0.2)).toBe('0.2');
  });

  it('writes a header, each partner state then the totals, one row per indicator', () => {
    const csv = indicatorsCsv(
      programmeResults(
        [engagement('KE', { recommendations: 1, womenShare: 0.2, publicPrivate: false })],
        [delivery('KE', 'osint-1', 9, 14, 1)],
      ),
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'scope,indicator,title,value,target,target_per,met,states_meeting_target,women,men,undisclosed,reason',
    );
    expect(lines).toContain(
      'KE,INVESTIGATORS_TRAINED,"CT investigators trained (OSINT, Darknet, cryptocurrency, AI)",24,40,PARTNER_STATE,false,,9,14,1,',
    );
    expect(lines).toContain(
      'TOTAL,STRATEGIES_ADOPTED,"Partner states adopting a CT strategy, policy or action plan covering new technologies",1,5,PROGRAMME,false,,,,,',
    );
    expect(lines.filter((line) => line.startsWith('KE,'))).toHaveLength(6);
    expect(lines.filter((line) => line.startsWith('TOTAL,'))).toHaveLength(7);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('leaves the adoption timeline out: one row per indicator and scope only', () => {
    const csv = indicatorsCsv(
      programmeResults(
        [
          engagement('KE', {
            recommendations: 1,
            womenShare: 0.2,
            publicPrivate: false,
            instrument: { instrumentType: 'ACTION_PLAN', adoptionDate: '2027-05-20' },
          }),
        ],
        [],
      ),
    );
    expect(csv).not.toContain('2027-05-20');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 6 + 7);
  });
});
