// The programme results, computed from the indicator facts (pure): each indicator per partner
// state and in total against its target, and the timeline of strategy adoptions.
import {
  attendanceTotals,
  programmeIndicators,
  programmeTargets,
  type AttendanceTotals,
  type EngagementIndicators,
  type InstrumentType,
  type PartnerStateIndicators,
  type TrainingDelivery,
} from '@cttech/domain';

/** A signed-off strategy adoption's instrument and the day it was adopted. */
export interface AdoptionFacts {
  readonly instrumentType: InstrumentType;
  /** YYYY-MM-DD. */
  readonly adoptionDate: string;
}

/** What the indicators need of one engagement (from `indicator_engagement`). */
export interface EngagementFacts {
  /** The engagement's workflow id. */
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
  readonly strategyAdopted: boolean;
  /** From the signed-off strategy adoption (`engagement.strategy-adopted`). */
  readonly recommendationsActedOn: number;
  /** 0 to 1; null until a strategy adoption is signed off. */
  readonly womenShareInDesign: number | null;
  readonly publicPrivateMechanism: boolean;
  /**
   * From `engagement.strategy-adopted`; null before the adoption is signed off, and for an
   * adoption kept before its instrument and day were (counted, but not on the timeline).
   */
  readonly adoption: AdoptionFacts | null;
}

/** One delivered course, the latest recording of it (from `indicator_training_delivery`). */
export interface DeliveryFacts {
  readonly partnerState: string;
  readonly courseId: string;
  readonly women: number;
  readonly men: number;
  readonly undisclosed: number;
  readonly humanRightsModuleDelivered: boolean;
}

export const indicatorIds = [
  'STRATEGIES_ADOPTED',
  'RECOMMENDATIONS_ACTED_ON',
  'WOMEN_IN_POLICY_DESIGN',
  'INVESTIGATORS_TRAINED',
  'INTERNATIONAL_INVESTIGATION',
  'PUBLIC_PRIVATE_MECHANISMS',
  'COURSES_WITH_HUMAN_RIGHTS_MODULE',
] as const;

export type IndicatorId = (typeof indicatorIds)[number];

/** One indicator's figure, for a partner state or for the programme. */
export interface IndicatorFigure {
  readonly indicator: IndicatorId;
  readonly title: string;
  /** Null when no event records what it needs yet: `reason` says why. */
  readonly value: number | null;
  readonly target: number;
  /**
   * Whether the target is for each partner state or for the programme as a whole (for the
   * human-rights module: every delivered course, of the state or of the programme).
   */
  readonly targetPer: 'PARTNER_STATE' | 'PROGRAMME';
  /**
   * Null when the value is (or nothing it is about exists yet). For a per-state target in the
   * total: met in every partner state.
   */
  readonly met: boolean | null;
  /** In the total of a per-state target: how many partner states meet it. */
  readonly statesMeetingTarget?: number;
  /** Participants by sex, for the investigators trained. */
  readonly bySex?: AttendanceTotals;
  readonly reason?: string;
}

export interface PartnerStateResults {
  readonly partnerState: string;
  readonly engagements: number;
  readonly indicators: readonly IndicatorFigure[];
}

/** One engagement's signed-off strategy adoption, on the timeline. */
export interface StrategyAdoption extends AdoptionFacts {
  readonly engagementId: string;
  readonly partnerState: string;
  readonly cycle: number;
}

export interface ProgrammeResults {
  /** The partner states shown, and over which the total is computed. */
  readonly partnerStates: readonly PartnerStateResults[];
  readonly total: {
    readonly partnerStates: number;
    readonly indicators: readonly IndicatorFigure[];
  };
  /** The strategy adoptions of the same partner states, by adoption date (earliest first). */
  readonly strategyAdoptions: readonly StrategyAdoption[];
}

const notRecorded = {
  women: 'no strategy adoption has been signed off yet',
  investigation:
    'no event records an international CT investigation yet; a programme-wide result, not counted per partner state',
} as const;

const titles: Record<IndicatorId, string> = {
  STRATEGIES_ADOPTED:
    'Partner states adopting a CT strategy, policy or action plan covering new technologies',
  RECOMMENDATIONS_ACTED_ON: 'UN Special Rapporteur recommendations acted upon',
  WOMEN_IN_POLICY_DESIGN: 'Women linked to the design and adoption of the policies',
  INVESTIGATORS_TRAINED: 'CT investigators trained (OSINT, Darknet, cryptocurrency, AI)',
  INTERNATIONAL_INVESTIGATION:
    'International CT investigation with online investigations and e-evidence, under high data protection',
  PUBLIC_PRIVATE_MECHANISMS: 'Partner states with public-private structures or mechanisms',
  COURSES_WITH_HUMAN_RIGHTS_MODULE: 'Delivered courses that included the human-rights module',
};

/** The programme's result on international investigations: one, programme-wide. */
export const internationalInvestigationTarget = 1;

interface StateFacts {
  readonly partnerState: string;
  readonly engagements: number;
  readonly deliveries: readonly DeliveryFacts[];
  readonly indicators: EngagementIndicators;
}

/**
 * The facts of each partner state, summed over its engagements (every cycle): participants of
 * each delivered course (the latest recording per course), a strategy adopted in any of them.
 * What no event records yet is left at nothing and reported as null, never counted as zero.
 */
export function partnerStateFacts(
  engagements: readonly EngagementFacts[],
  deliveries: readonly DeliveryFacts[],
): StateFacts[] {
  const states = [
    ...new Set([...engagements, ...deliveries].map(({ partnerState }) => partnerState)),
  ].sort();
  return states.map((partnerState) => {
    const own = engagements.filter((engagement) => engagement.partnerState === partnerState);
    const delivered = deliveries.filter((delivery) => delivery.partnerState === partnerState);
    return {
      partnerState,
      engagements: own.length,
      deliveries: delivered,
      indicators: {
        investigatorsTrained: attendanceTotals(delivered.map(asTrainingDelivery)),
        womenShareInPolicyDesign: meanShare(own.map((engagement) => engagement.womenShareInDesign)),
        recommendationsActedOn: own.reduce(
          (total, engagement) => total + engagement.recommendationsActedOn,
          0,
        ),
        strategyAdopted: own.some((engagement) => engagement.strategyAdopted),
        publicPrivateMechanism: own.some((engagement) => engagement.publicPrivateMechanism),
      },
    };
  });
}

/** Each indicator per partner state and in total, with its target and whether it is met. */
export function programmeResults(
  engagements: readonly EngagementFacts[],
  deliveries: readonly DeliveryFacts[],
): ProgrammeResults {
  const states = partnerStateFacts(engagements, deliveries);
  const computed = programmeIndicators(
    states.map(({ partnerState, indicators }): PartnerStateIndicators => ({
      partnerState,
      indicators,
    })),
  );
  const partnerStates = states.map((state, index): PartnerStateResults => {
    const trained = computed.investigatorsTrained.perState[index];
    const adopted = computed.strategiesAdopted.perState[index];
    const recommendations = computed.recommendationsActedOn.perState[index];
    const women = computed.womenInPolicyDesign.perState[index];
    const mechanism = computed.publicPrivateMechanisms.perState[index];
    const modules = humanRightsModules(state.deliveries, 'PARTNER_STATE');
    return {
      partnerState: state.partnerState,
      engagements: state.engagements,
      indicators: [
        {
          ...figure('STRATEGIES_ADOPTED', 1, 'PARTNER_STATE'),
          value: adopted?.achieved ? 1 : 0,
          met: adopted?.achieved === true,
        },
        {
          ...figure(
            'RECOMMENDATIONS_ACTED_ON',
            programmeTargets.recommendationsActedOnPerState,
            'PARTNER_STATE',
          ),
          value: recommendations?.actual ?? 0,
          met: recommendations?.met ?? false,
        },
        womenShare(
          women?.actual ?? null,
          women?.met ?? false,
          programmeTargets.womenShareInPolicyDesignPerState,
        ),
        {
          ...figure(
            'INVESTIGATORS_TRAINED',
            programmeTargets.investigatorsTrainedPerState,
            'PARTNER_STATE',
          ),
          value: trained?.actual ?? 0,
          met: trained?.met ?? false,
          bySex: state.indicators.investigatorsTrained,
        },
        {
          ...figure('PUBLIC_PRIVATE_MECHANISMS', 1, 'PARTNER_STATE'),
          value: mechanism?.achieved ? 1 : 0,
          met: mechanism?.achieved === true,
        },
        modules,
      ],
    };
  });
  const allModules = humanRightsModules(
    states.flatMap((state) => state.deliveries),
    'PROGRAMME',
  );
  return {
    partnerStates,
    total: {
      partnerStates: states.length,
      indicators: [
        {
          ...figure('STRATEGIES_ADOPTED', computed.strategiesAdopted.target, 'PROGRAMME'),
          value: computed.strategiesAdopted.actual,
          met: computed.strategiesAdopted.met,
        },
        {
          ...figure(
            'RECOMMENDATIONS_ACTED_ON',
            computed.recommendationsActedOn.target,
            'PARTNER_STATE',
          ),
          value: computed.recommendationsActedOn.actual,
          met: computed.recommendationsActedOn.met,
          statesMeetingTarget: computed.recommendationsActedOn.statesMeetingTarget,
        },
        {
          ...womenShare(
            computed.womenInPolicyDesign.actual,
            computed.womenInPolicyDesign.met,
            computed.womenInPolicyDesign.target,
          ),
          statesMeetingTarget: computed.womenInPolicyDesign.statesMeetingTarget,
        },
        {
          ...figure('INVESTIGATORS_TRAINED', computed.investigatorsTrained.target, 'PARTNER_STATE'),
          value: computed.investigatorsTrained.actual,
          met: computed.investigatorsTrained.met,
          statesMeetingTarget: computed.investigatorsTrained.statesMeetingTarget,
          bySex: attendanceTotals(
            states.flatMap((state) => state.deliveries).map(asTrainingDelivery),
          ),
        },
        {
          ...figure('INTERNATIONAL_INVESTIGATION', internationalInvestigationTarget, 'PROGRAMME'),
          value: null,
          met: null,
          reason: notRecorded.investigation,
        },
        {
          ...figure(
            'PUBLIC_PRIVATE_MECHANISMS',
            computed.publicPrivateMechanisms.target,
            'PROGRAMME',
          ),
          value: computed.publicPrivateMechanisms.actual,
          met: computed.publicPrivateMechanisms.met,
        },
        {
          ...allModules,
          statesMeetingTarget: partnerStates.filter(
            (state) =>
              state.indicators.find(
                ({ indicator }) => indicator === 'COURSES_WITH_HUMAN_RIGHTS_MODULE',
              )?.met === true,
          ).length,
        },
      ],
    },
    strategyAdoptions: strategyAdoptions(engagements),
  };
}

/**
 * The timeline of strategy adoptions: each engagement's signed-off adoption whose instrument and
 * day are kept, by adoption date, then partner state and engagement. A partner state adopting
 * in two cycles is on it twice.
 */
export function strategyAdoptions(engagements: readonly EngagementFacts[]): StrategyAdoption[] {
  return engagements
    .flatMap(({ engagementId, partnerState, cycle, adoption }) =>
      adoption ? [{ engagementId, partnerState, cycle, ...adoption }] : [],
    )
    .sort(
      (a, b) =>
        a.adoptionDate.localeCompare(b.adoptionDate) ||
        a.partnerState.localeCompare(b.partnerState) ||
        a.engagementId.localeCompare(b.engagementId),
    );
}

function figure(
  indicator: IndicatorId,
  target: number,
  targetPer: IndicatorFigure['targetPer'],
): Pick<IndicatorFigure, 'indicator' | 'title' | 'target' | 'targetPer'> {
  return { indicator, title: titles[indicator], target, targetPer };
}

/** The share of women in policy design: null, with the reason, until an adoption is signed off. */
function womenShare(actual: number | null, met: boolean, target: number): IndicatorFigure {
  const base = figure('WOMEN_IN_POLICY_DESIGN', target, 'PARTNER_STATE');
  return actual === null
    ? { ...base, value: null, met: null, reason: notRecorded.women }
    : { ...base, value: actual, met };
}

/** The mean of the recorded shares of a state's engagements, or null when none is recorded. */
function meanShare(shares: readonly (number | null)[]): number | null {
  const recorded = shares.filter((share): share is number => share !== null);
  if (recorded.length === 0) return null;
  return recorded.reduce((total, share) => total + share, 0) / recorded.length;
}

/** Every delivered course must include the human-rights module: the target is every course. */
function humanRightsModules(
  deliveries: readonly DeliveryFacts[],
  targetPer: IndicatorFigure['targetPer'],
): IndicatorFigure {
  const withModule = deliveries.filter((delivery) => delivery.humanRightsModuleDelivered).length;
  const base = figure('COURSES_WITH_HUMAN_RIGHTS_MODULE', deliveries.length, targetPer);
  return deliveries.length === 0
    ? { ...base, value: 0, met: null, reason: 'no course delivered yet' }
    : { ...base, value: withModule, met: withModule === deliveries.length };
}

function asTrainingDelivery(delivery: DeliveryFacts): TrainingDelivery {
  const { courseId, women, men, undisclosed, humanRightsModuleDelivered } = delivery;
  return { courseId, attendance: { women, men, undisclosed }, humanRightsModuleDelivered };
}
