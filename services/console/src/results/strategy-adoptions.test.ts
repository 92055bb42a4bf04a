// The strategy adoptions over time: the chart's steps, the table's rows, the undated ones.
import { describe, expect, it } from '@jest/globals';
import type { IndicatorFigure, ProgrammeResults, StrategyAdoption } from '../gateway/api-types.ts';
import { adoptionChart, adoptionRows, adoptionsWithoutDate, dayAt } from './strategy-adoptions.ts';

const adopted = (value: number, target = 1): IndicatorFigure => ({
  indicator: 'STRATEGIES_ADOPTED',
  title: 'Partner states adopting a CT strategy, policy or action plan covering new technologies',
  value,
  target,
  targetPer: target === 1 ? 'PARTNER_STATE' : 'PROGRAMME',
  met: value >= target,
});

const adoption = (
  partnerState: string,
  adoptionDate: string,
  instrumentType: StrategyAdoption['instrumentType'],
  cycle = 2027,
): StrategyAdoption => ({
  engagementId: `engagement-${partnerState}-${cycle}`,
  partnerState,
  cycle,
  instrumentType,
  adoptionDate,
});

const results = (
  strategyAdoptions: readonly StrategyAdoption[],
  adoptingStates: readonly string[] = [],
): ProgrammeResults => {
  const states = [...new Set([...strategyAdoptions.map((a) => a.partnerState), ...adoptingStates])];
  return {
    partnerStates: states.map((partnerState) => ({
      partnerState,
      engagements: 1,
      indicators: [adopted(1)],
    })),
    total: { partnerStates: states.length, indicators: [adopted(states.length, 5)] },
    strategyAdoptions,
  };
};

const timeline = results([
  adoption('GH', '2027-02-14', 'POLICY'),
  adoption('KE', '2027-05-20', 'ACTION_PLAN'),
  adoption('NG', '2027-05-20', 'STRATEGY'),
  // Kenya again, in its next cycle: still one state adopting
  adoption('KE', '2028-03-01', 'STRATEGY', 2028),
]);

describe('the strategy adoptions over time', () => {
  it('lists each adoption by its day, in words, with the states adopting by then', () => {
    expect(adoptionRows(timeline)).toEqual([
      {
        key: 'engagement-GH-2027/2027-02-14',
        engagementId: 'engagement-GH-2027',
        adoptionDate: '2027-02-14',
        day: '14 Feb 2027',
        partnerState: 'Ghana',
        cycle: 2027,
        instrument: 'Policy',
        statesAdopting: 1,
      },
      expect.objectContaining({
        partnerState: 'Kenya',
        instrument: 'Action plan',
        statesAdopting: 3,
      }),
      expect.objectContaining({
        partnerState: 'Nigeria',
        instrument: 'Strategy',
        statesAdopting: 3,
      }),
      expect.objectContaining({
        engagementId: 'engagement-KE-2028',
        day: '1 Mar 2028',
        statesAdopting: 3,
      }),
    ]);
  });

  it('charts one step per adoption day and one today, counting each partner state once', () => {
    const chart = adoptionChart(timeline, new Date('2028-06-30T15:00:00Z'));
    expect(chart?.steps).toEqual([
      {
        at: Date.parse('2027-02-14T00:00:00Z'),
        day: '14 Feb 2027',
        statesAdopting: 1,
        today: false,
      },
      {
        at: Date.parse('2027-05-20T00:00:00Z'),
        day: '20 May 2027',
        statesAdopting: 3,
        today: false,
      },
      {
        at: Date.parse('2028-03-01T00:00:00Z'),
        day: '1 Mar 2028',
        statesAdopting: 3,
        today: false,
      },
      {
        at: Date.parse('2028-06-30T00:00:00Z'),
        day: '30 Jun 2028',
        statesAdopting: 3,
        today: true,
      },
    ]);
    expect(chart?.domain).toEqual([
      Date.parse('2027-02-14T00:00:00Z'),
      Date.parse('2028-06-30T00:00:00Z'),
    ]);
    expect(chart?.target).toBe(5);
    expect(dayAt(Date.parse('2027-05-20T00:00:00Z'))).toBe('20 May 2027');
  });

  it('widens a single day to a fortnight either side, and shows nothing without adoptions', () => {
    const single = adoptionChart(
      results([adoption('KE', '2027-05-20', 'ACTION_PLAN')]),
      new Date('2027-05-20T09:00:00Z'),
    );
    expect(single?.steps).toHaveLength(1);
    expect(single?.domain).toEqual([
      Date.parse('2027-05-06T00:00:00Z'),
      Date.parse('2027-06-03T00:00:00Z'),
    ]);
    expect(adoptionChart(results([]))).toBeUndefined();
    expect(adoptionRows(results([]))).toEqual([]);
  });

  it('names the states counted as adopting whose adoption date was not recorded', () => {
    expect(
      adoptionsWithoutDate(results([adoption('KE', '2027-05-20', 'ACTION_PLAN')], ['TZ', 'GH'])),
    ).toEqual(['Ghana', 'Tanzania']);
    expect(adoptionsWithoutDate(timeline)).toEqual([]);
  });
});
