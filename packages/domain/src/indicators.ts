import type { StageRecord } from './exit-criteria.ts';
import { investigatorsTrainedTarget } from './exit-criteria.ts';
import { womenShareInDesignTarget } from './strategy-adoption.ts';
import type { AttendanceTotals } from './training.ts';
import { attendanceTotals } from './training.ts';

/** One engagement's contribution to the programme results, computed from its record. */
export interface EngagementIndicators {
  /**
   * Participants of the delivered courses, by sex. A person who attends two courses counts
   * twice: deliveries carry counts, not identities.
   */
  readonly investigatorsTrained: AttendanceTotals;
  /** 0 to 1, rounded to 4 decimals; null until the strategy adoption is recorded. */
  readonly womenShareInPolicyDesign: number | null;
  readonly recommendationsActedOn: number;
  readonly strategyAdopted: boolean;
  readonly publicPrivateMechanism: boolean;
}

export interface PartnerStateIndicators {
  readonly partnerState: string;
  readonly indicators: EngagementIndicators;
}

/** The logframe's targets, from the CT TECH+ factsheet. */
export const programmeTargets = {
  statesAdoptingStrategy: 5,
  recommendationsActedOnPerState: 2,
  womenShareInPolicyDesignPerState: womenShareInDesignTarget,
  investigatorsTrainedPerState: investigatorsTrainedTarget,
  statesWithPublicPrivateMechanism: 5,
} as const;

/** A result whose target is a number of partner states achieving something. */
export interface StatesAchievingResult {
  readonly kind: 'STATES_ACHIEVING';
  readonly title: string;
  /** Partner states. */
  readonly target: number;
  /** Partner states that achieved it. */
  readonly actual: number;
  readonly perState: readonly { readonly partnerState: string; readonly achieved: boolean }[];
  readonly met: boolean;
}

/** A result with a target for every partner state. */
export interface PerStateResult {
  readonly kind: 'PER_STATE';
  readonly title: string;
  /** The target for each partner state. */
  readonly target: number;
  /** In total over the states: a sum of counts; for a share, the mean of the recorded shares. */
  readonly actual: number | null;
  readonly perState: readonly {
    readonly partnerState: string;
    readonly actual: number | null;
    readonly met: boolean;
  }[];
  readonly statesMeetingTarget: number;
  /** Met in every partner state (and there is at least one). */
  readonly met: boolean;
}

export interface ProgrammeIndicators {
  readonly strategiesAdopted: StatesAchievingResult;
  readonly recommendationsActedOn: PerStateResult;
  readonly womenInPolicyDesign: PerStateResult;
  readonly investigatorsTrained: PerStateResult;
  readonly publicPrivateMechanisms: StatesAchievingResult;
}

const basisPoints = 10_000;

/** One engagement's results, from what it recorded. Pass only signed-off work to count only it. */
export function engagementIndicators(record: StageRecord): EngagementIndicators {
  const adoption = record.strategyAdoption;
  return {
    investigatorsTrained: attendanceTotals(record.trainingDeliveries),
    womenShareInPolicyDesign:
      adoption === undefined ? null : fromBasisPoints(toBasisPoints(adoption.womenShareInDesign)),
    recommendationsActedOn: adoption?.specialRapporteurRecommendationsActedOn.length ?? 0,
    strategyAdopted: adoption !== undefined,
    publicPrivateMechanism: adoption?.publicPrivateMechanism.created === true,
  };
}

/**
 * The programme results over the partner states: each with its target, its actual value per
 * state and in total, and whether it is met. Each partner state appears once.
 */
export function programmeIndicators(
  perState: readonly PartnerStateIndicators[],
): ProgrammeIndicators {
  const seen = new Set<string>();
  for (const { partnerState } of perState) {
    if (seen.has(partnerState)) {
      throw new RangeError(`partner state ${partnerState} appears more than once`);
    }
    seen.add(partnerState);
  }
  const shares = perState.map(({ partnerState, indicators }) => ({
    partnerState,
    basisPoints:
      indicators.womenShareInPolicyDesign === null
        ? null
        : toBasisPoints(indicators.womenShareInPolicyDesign),
  }));
  const recordedShares = shares.flatMap((share) =>
    share.basisPoints === null ? [] : [share.basisPoints],
  );
  const targetBasisPoints = toBasisPoints(programmeTargets.womenShareInPolicyDesignPerState);
  return {
    strategiesAdopted: statesAchieving(
      'Partner states adopting a CT strategy, policy or action plan covering new technologies',
      programmeTargets.statesAdoptingStrategy,
      perState,
      (indicators) => indicators.strategyAdopted,
    ),
    recommendationsActedOn: countPerState(
      'UN Special Rapporteur recommendations acted upon',
      programmeTargets.recommendationsActedOnPerState,
      perState,
      (indicators) => indicators.recommendationsActedOn,
    ),
    womenInPolicyDesign: perStateResult(
      'Women linked to the design and adoption of the policies',
      programmeTargets.womenShareInPolicyDesignPerState,
      shares.map(({ partnerState, basisPoints }) => ({
        partnerState,
        actual: basisPoints === null ? null : fromBasisPoints(basisPoints),
        met: basisPoints !== null && basisPoints >= targetBasisPoints,
      })),
      recordedShares.length === 0
        ? null
        : fromBasisPoints(Math.round(sum(recordedShares) / recordedShares.length)),
    ),
    investigatorsTrained: countPerState(
      'CT investigators trained (OSINT, Darknet, cryptocurrency, AI)',
      programmeTargets.investigatorsTrainedPerState,
      perState,
      (indicators) => indicators.investigatorsTrained.total,
    ),
    publicPrivateMechanisms: statesAchieving(
      'Partner states with public-private structures or mechanisms',
      programmeTargets.statesWithPublicPrivateMechanism,
      perState,
      (indicators) => indicators.publicPrivateMechanism,
    ),
  };
}

function statesAchieving(
  title: string,
  target: number,
  perState: readonly PartnerStateIndicators[],
  achieved: (indicators: EngagementIndicators) => boolean,
): StatesAchievingResult {
  const states = perState.map(({ partnerState, indicators }) => ({
    partnerState,
    achieved: achieved(indicators),
  }));
  const actual = states.filter((state) => state.achieved).length;
  return {
    kind: 'STATES_ACHIEVING',
    title,
    target,
    actual,
    perState: states,
    met: actual >= target,
  };
}

function countPerState(
  title: string,
  target: number,
  perState: readonly PartnerStateIndicators[],
  count: (indicators: EngagementIndicators) => number,
): PerStateResult {
  const states = perState.map(({ partnerState, indicators }) => {
    const actual = count(indicators);
    return { partnerState, actual, met: actual >= target };
  });
  return perStateResult(title, target, states, sum(states.map((state) => state.actual)));
}

function perStateResult(
  title: string,
  target: number,
  states: PerStateResult['perState'],
  actual: number | null,
): PerStateResult {
  const statesMeetingTarget = states.filter((state) => state.met).length;
  return {
    kind: 'PER_STATE',
    title,
    target,
    actual,
    perState: states,
    statesMeetingTarget,
    met: states.length > 0 && statesMeetingTarget === states.length,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A share in hundredths of a percent, rounded half up; toPrecision drops binary noise. */
function toBasisPoints(share: number): number {
  return Math.round(Number((share * basisPoints).toPrecision(12)));
}

function fromBasisPoints(value: number): number {
  return value / basisPoints;
}
