// The strategy adoptions over time, for the results dashboard: the cumulative count of partner
// states adopting, step by step (the chart), each adoption in words (the table beside it), and
// the states counted as adopting whose adoption date was not recorded.
import type { ProgrammeResults, StrategyAdoption } from '../gateway/api-types.ts';
import { instrumentTypeTitles } from '../wording/engagement-words.ts';
import { formatDate, partnerStateName } from '../wording/programme-words.ts';

/** One step of the chart: on this day, so many partner states had adopted. */
export interface AdoptionStep {
  /** The day at midnight UTC, in milliseconds: the chart's time axis. */
  readonly at: number;
  /** '20 May 2027'. */
  readonly day: string;
  readonly statesAdopting: number;
  /** The last step, today's, where nothing was adopted: the count held until now. */
  readonly today: boolean;
}

export interface AdoptionChart {
  readonly steps: readonly AdoptionStep[];
  /** The time axis, from the first adoption to today (or the last adoption, if later). */
  readonly domain: readonly [number, number];
  /** The programme's target of partner states adopting (the total's), when it has one. */
  readonly target: number | undefined;
}

/** One adoption as the table lists it. */
export interface AdoptionRow {
  readonly key: string;
  readonly engagementId: string;
  /** YYYY-MM-DD, for `<time dateTime>`. */
  readonly adoptionDate: string;
  /** '20 May 2027'. */
  readonly day: string;
  readonly partnerState: string;
  readonly cycle: number;
  readonly instrument: string;
  /** Partner states that had adopted by that day, this one included. */
  readonly statesAdopting: number;
}

const dayMs = 86_400_000;

function dayOf(adoptionDate: string): number {
  return Date.parse(`${adoptionDate}T00:00:00Z`);
}

/** How many distinct partner states had adopted by each adoption's day (ties counted together). */
function statesAdoptingBy(adoptions: readonly StrategyAdoption[]): Map<string, number> {
  const sorted = [...adoptions].sort((a, b) => a.adoptionDate.localeCompare(b.adoptionDate));
  const adopted = new Set<string>();
  const byDay = new Map<string, number>();
  for (const { adoptionDate, partnerState } of sorted) {
    adopted.add(partnerState);
    byDay.set(adoptionDate, adopted.size);
  }
  return byDay;
}

/** A point of the time axis in words: '20 May 2027'. */
export function dayAt(at: number): string {
  return formatDate(new Date(at).toISOString());
}

/** The adoptions in the order of the timeline, each in words with the count reached that day. */
export function adoptionRows(results: ProgrammeResults): AdoptionRow[] {
  const byDay = statesAdoptingBy(results.strategyAdoptions);
  return [...results.strategyAdoptions]
    .sort((a, b) => a.adoptionDate.localeCompare(b.adoptionDate))
    .map((adoption) => ({
      key: `${adoption.engagementId}/${adoption.adoptionDate}`,
      engagementId: adoption.engagementId,
      adoptionDate: adoption.adoptionDate,
      day: formatDate(adoption.adoptionDate),
      partnerState: partnerStateName(adoption.partnerState),
      cycle: adoption.cycle,
      instrument: instrumentTypeTitles[adoption.instrumentType],
      statesAdopting: byDay.get(adoption.adoptionDate) ?? 0,
    }));
}

/**
 * The chart of partner states adopting over time: one step per adoption day, and one today
 * (the count holds until the next adoption); a single day gets a fortnight either side.
 * Undefined when nothing is on the timeline.
 */
export function adoptionChart(
  results: ProgrammeResults,
  today: Date = new Date(),
): AdoptionChart | undefined {
  const byDay = statesAdoptingBy(results.strategyAdoptions);
  const steps = [...byDay].map(([adoptionDate, statesAdopting]) => ({
    at: dayOf(adoptionDate),
    day: formatDate(adoptionDate),
    statesAdopting,
    today: false,
  }));
  const first = steps[0];
  const last = steps.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const now = dayOf(today.toISOString().slice(0, 10));
  const withToday =
    now > last.at
      ? [...steps, { at: now, day: dayAt(now), statesAdopting: last.statesAdopting, today: true }]
      : steps;
  const end = Math.max(now, last.at);
  const target = results.total.indicators.find(
    ({ indicator }) => indicator === 'STRATEGIES_ADOPTED',
  );
  return {
    steps: withToday,
    domain: first.at === end ? [first.at - 14 * dayMs, end + 14 * dayMs] : [first.at, end],
    target: target?.targetPer === 'PROGRAMME' ? target.target : undefined,
  };
}

/**
 * The partner states the indicators count as adopting that are not on the timeline: their
 * adoption was signed off before its date was recorded. In words, by name.
 */
export function adoptionsWithoutDate(results: ProgrammeResults): string[] {
  const onTimeline = new Set(results.strategyAdoptions.map(({ partnerState }) => partnerState));
  return results.partnerStates
    .filter(
      ({ partnerState, indicators }) =>
        !onTimeline.has(partnerState) &&
        indicators.some(
          ({ indicator, value }) => indicator === 'STRATEGIES_ADOPTED' && (value ?? 0) > 0,
        ),
    )
    .map(({ partnerState }) => partnerStateName(partnerState))
    .sort((a, b) => a.localeCompare(b));
}
