// The results dashboard's rows: targets, per-state and total cells, engagements, the chart.
import { describe, expect, it } from '@jest/globals';
import type { IndicatorFigure, ProgrammeResults } from '../gateway/api-types.ts';
import { engagementsPerState, indicatorTable, trainedBySex } from './indicator-rows.ts';

const trained = (value: number, women: number, men: number, met: boolean): IndicatorFigure => ({
  indicator: 'INVESTIGATORS_TRAINED',
  title: 'CT investigators trained (OSINT, Darknet, cryptocurrency, AI)',
  value,
  target: 40,
  targetPer: 'PARTNER_STATE',
  met,
  bySex: { women, men, undisclosed: value - women - men },
});
const women = (value: number | null): IndicatorFigure => ({
  indicator: 'WOMEN_IN_POLICY_DESIGN',
  title: 'Women linked to the design and adoption of the policies',
  value,
  target: 0.2,
  targetPer: 'PARTNER_STATE',
  met: value === null ? null : value >= 0.2,
  ...(value === null ? { reason: 'no strategy adoption has been signed off yet' } : {}),
});

const results: ProgrammeResults = {
  partnerStates: [
    { partnerState: 'NG', engagements: 2, indicators: [trained(3, 2, 1, false), women(null)] },
    { partnerState: 'KE', engagements: 5, indicators: [trained(43, 13, 29, true), women(0.35)] },
    { partnerState: 'GH', engagements: 1, indicators: [women(null)] },
  ],
  total: {
    partnerStates: 3,
    indicators: [{ ...trained(46, 15, 30, false), statesMeetingTarget: 1 }, women(0.35)],
  },
  strategyAdoptions: [],
};

describe('the results dashboard', () => {
  it('shows each indicator against its target, in total and per state by name', () => {
    const table = indicatorTable(results);
    expect(table.partnerStates).toEqual(['GH', 'KE', 'NG']);
    expect(table.rows).toEqual([
      {
        indicator: 'INVESTIGATORS_TRAINED',
        title: 'CT investigators trained (OSINT, Darknet, cryptocurrency, AI)',
        target: '40 per partner state',
        total: { text: '46', met: false, reason: undefined },
        perState: [
          undefined,
          { text: '43', met: true, reason: undefined },
          { text: '3', met: false, reason: undefined },
        ],
      },
      {
        indicator: 'WOMEN_IN_POLICY_DESIGN',
        title: 'Women linked to the design and adoption of the policies',
        target: '20% per partner state',
        total: { text: '35%', met: true, reason: undefined },
        perState: [
          { text: '—', met: null, reason: 'no strategy adoption has been signed off yet' },
          { text: '35%', met: true, reason: undefined },
          { text: '—', met: null, reason: 'no strategy adoption has been signed off yet' },
        ],
      },
    ]);
  });

  it('counts the engagements of each partner state', () => {
    expect(engagementsPerState(results)).toEqual([
      { partnerState: 'GH', name: 'Ghana', engagements: 1 },
      { partnerState: 'KE', name: 'Kenya', engagements: 5 },
      { partnerState: 'NG', name: 'Nigeria', engagements: 2 },
    ]);
  });

  it('charts the investigators trained by sex, zero where none are recorded', () => {
    expect(trainedBySex(results)).toEqual([
      { name: 'Ghana', women: 0, men: 0, undisclosed: 0 },
      { name: 'Kenya', women: 13, men: 29, undisclosed: 1 },
      { name: 'Nigeria', women: 2, men: 1, undisclosed: 0 },
    ]);
  });
});
