// The results dashboard's figures: each indicator against its target, per partner state and
// in total (one table row per indicator), the engagements per state, and the investigators
// trained by sex per state for the chart.
import type { IndicatorFigure, IndicatorId, ProgrammeResults } from '../gateway/api-types.ts';
import { partnerStateName } from '../wording/programme-words.ts';

/** One indicator's figure as a table cell shows it. */
export interface IndicatorCell {
  /** '35%', '43', or '—' when nothing records it yet. */
  readonly text: string;
  /** Null when it cannot be said (nothing recorded, or no target at this level). */
  readonly met: boolean | null;
  /** Why there is no value yet. */
  readonly reason: string | undefined;
}

export interface IndicatorRow {
  readonly indicator: IndicatorId;
  readonly title: string;
  /** '40 per partner state', '5 for the programme'. */
  readonly target: string;
  readonly total: IndicatorCell;
  /** In the order of {@link IndicatorTable.partnerStates}; undefined where a state lacks it. */
  readonly perState: readonly (IndicatorCell | undefined)[];
}

export interface IndicatorTable {
  /** ISO codes, by the states' names. */
  readonly partnerStates: readonly string[];
  readonly rows: readonly IndicatorRow[];
}

const shareIndicators: ReadonlySet<IndicatorId> = new Set(['WOMEN_IN_POLICY_DESIGN']);

function amount(indicator: IndicatorId, value: number): string {
  return shareIndicators.has(indicator) ? `${Math.round(value * 1000) / 10}%` : String(value);
}

function cellOf(figure: IndicatorFigure): IndicatorCell {
  return {
    text: figure.value === null ? '—' : amount(figure.indicator, figure.value),
    met: figure.met,
    reason: figure.value === null ? figure.reason : undefined,
  };
}

function byStateName(a: string, b: string): number {
  return partnerStateName(a).localeCompare(partnerStateName(b));
}

/** The indicators in the order of the programme total, with every partner state's figure. */
export function indicatorTable(results: ProgrammeResults): IndicatorTable {
  const states = [...results.partnerStates].sort((a, b) =>
    byStateName(a.partnerState, b.partnerState),
  );
  return {
    partnerStates: states.map(({ partnerState }) => partnerState),
    rows: results.total.indicators.map((total) => ({
      indicator: total.indicator,
      title: total.title,
      target: `${amount(total.indicator, total.target)} ${
        total.targetPer === 'PARTNER_STATE' ? 'per partner state' : 'for the programme'
      }`,
      total: cellOf(total),
      perState: states.map(({ indicators }) => {
        const figure = indicators.find(({ indicator }) => indicator === total.indicator);
        return figure === undefined ? undefined : cellOf(figure);
      }),
    })),
  };
}

export interface StateEngagements {
  readonly partnerState: string;
  readonly name: string;
  readonly engagements: number;
}

/** How many engagements each partner state has, by the states' names. */
export function engagementsPerState(results: ProgrammeResults): StateEngagements[] {
  return results.partnerStates
    .map(({ partnerState, engagements }) => ({
      partnerState,
      name: partnerStateName(partnerState),
      engagements,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface TrainedBySex {
  readonly name: string;
  readonly women: number;
  readonly men: number;
  readonly undisclosed: number;
}

/** The investigators trained per partner state, by sex (zero where none are recorded). */
export function trainedBySex(results: ProgrammeResults): TrainedBySex[] {
  return engagementsPerState(results).map(({ partnerState, name }) => {
    const state = results.partnerStates.find(
      (candidate) => candidate.partnerState === partnerState,
    );
    const figure = state?.indicators.find(({ indicator }) => indicator === 'INVESTIGATORS_TRAINED');
    const { women = 0, men = 0, undisclosed = 0 } = figure?.bySex ?? {};
    return { name, women, men, undisclosed };
  });
}
