// The strategy adoption form: the instrument adopted (type, title, date), the UN Special
// Rapporteur's recommendations it acts on, women's share in its design typed as a percentage
// (sent as a share from 0 to 1) with a justification when below 20 %, and the public-private
// mechanism with its description when one was created; the submission for
// `PUT .../submissions/STRATEGY_ADOPTION`, checked by the domain's rules.
import {
  instrumentTypes,
  validateSubmission,
  womenShareInDesignTarget,
  type InstrumentType,
  type StrategyAdoption,
} from '@cttech/domain';
import type { FieldProblem } from '../../gateway/api-problem.ts';
import { instrumentTypeTitles } from '../../wording/engagement-words.ts';
import { layoutMessages, type FieldLayout } from './field-layout.ts';
import type { StageWorkForm } from './stage-work-form.ts';
import { givenField, typedNumber, typedText } from './typed-entries.ts';

export interface RecommendationEntry {
  /** The report and paragraph: 'A/HRC/40/52 para. 75(b)'. */
  readonly reference: string;
  readonly summary: string;
}

export interface StrategyAdoptionFormValues {
  readonly instrumentType: InstrumentType | '';
  readonly title: string;
  readonly adoptionDate: string;
  readonly recommendations: readonly RecommendationEntry[];
  /** 0 to 100, typed as text. */
  readonly womenSharePercent: string;
  readonly womenShareJustification: string;
  readonly mechanismCreated: boolean;
  readonly mechanismDescription: string;
}

export const emptyRecommendation: RecommendationEntry = { reference: '', summary: '' };

/** The instrument types in words, for the form's choice. */
export const instrumentChoices = instrumentTypes.map((type) => ({
  value: type,
  title: instrumentTypeTitles[type],
}));

/** The target as the form shows it: 20 (%). */
export const womenSharePercentTarget = Math.round(womenShareInDesignTarget * 100);

/** The form as the recorded adoption left it, or empty (no recommendation yet). */
export function strategyAdoptionFormOf(
  adoption: StrategyAdoption | undefined,
): StrategyAdoptionFormValues {
  return {
    instrumentType: adoption?.instrumentType ?? '',
    title: adoption?.title ?? '',
    adoptionDate: adoption?.adoptionDate ?? '',
    recommendations: adoption?.specialRapporteurRecommendationsActedOn ?? [],
    // 0.35 → '35' (rounded to hundredths of a per cent, so that 0.07 is not 7.000000000000001)
    womenSharePercent:
      adoption === undefined ? '' : String(Number((adoption.womenShareInDesign * 100).toFixed(2))),
    womenShareJustification: adoption?.womenShareJustification ?? '',
    mechanismCreated: adoption?.publicPrivateMechanism.created ?? false,
    mechanismDescription: adoption?.publicPrivateMechanism.description ?? '',
  };
}

/** Women's share as the API takes it, 0 to 1; undefined while the percentage is blank. */
function womenShareOf(values: StrategyAdoptionFormValues): number | undefined {
  const percent = typedNumber(values.womenSharePercent);
  return percent === undefined ? undefined : percent / 100;
}

/** Whether the share typed is below the target, so that a justification is asked for. */
export function isBelowWomenShareTarget(values: StrategyAdoptionFormValues): boolean {
  const share = womenShareOf(values);
  return share !== undefined && share < womenShareInDesignTarget;
}

/**
 * The submission the form makes: text trimmed; the justification only below the target, the
 * mechanism's description only when one was created, blank ones left out (the domain then
 * says they are required).
 */
export function strategyAdoptionSubmission(values: StrategyAdoptionFormValues): unknown {
  return {
    ...givenField('instrumentType', values.instrumentType),
    title: values.title.trim(),
    adoptionDate: values.adoptionDate,
    specialRapporteurRecommendationsActedOn: values.recommendations.map(
      ({ reference, summary }) => ({ reference: reference.trim(), summary: summary.trim() }),
    ),
    ...givenField('womenShareInDesign', womenShareOf(values)),
    ...(isBelowWomenShareTarget(values)
      ? givenField('womenShareJustification', typedText(values.womenShareJustification))
      : {}),
    publicPrivateMechanism: {
      created: values.mechanismCreated,
      ...(values.mechanismCreated
        ? givenField('description', typedText(values.mechanismDescription))
        : {}),
    },
  };
}

/** The problems the domain finds in the form's submission (none: it may be sent). */
export function strategyAdoptionProblems(
  values: StrategyAdoptionFormValues,
): readonly FieldProblem[] {
  const checked = validateSubmission('STRATEGY_ADOPTION', strategyAdoptionSubmission(values));
  return checked.ok ? [] : checked.problems;
}

const strategyAdoptionLayout: FieldLayout = {
  instrumentType: { title: 'The instrument type', choice: true },
  title: { title: 'The title' },
  adoptionDate: { title: 'The adoption date' },
  specialRapporteurRecommendationsActedOn: {
    title: 'The recommendations acted on',
    row: 'Recommendation',
    fields: { reference: { title: 'reference' }, summary: { title: 'summary' } },
  },
  womenShareInDesign: { title: "Women's share in the design" },
  womenShareJustification: { title: 'The justification of the share' },
  publicPrivateMechanism: {
    title: 'The public-private mechanism',
    group: {
      created: { title: 'Whether a mechanism was created' },
      description: { title: "The mechanism's description" },
    },
  },
};

/** The form's own words for the domain's rules on the share (a percentage here) and the mechanism. */
function strategyAdoptionWords({ field, message }: FieldProblem): string | undefined {
  if (field === 'womenShareInDesign' && /^must be at (least|most)/.test(message)) {
    return 'must be a percentage from 0 to 100';
  }
  if (field === 'womenShareJustification' && message.startsWith('is required when')) {
    return `is required when women's share is below ${womenSharePercentTarget} %`;
  }
  if (field === 'publicPrivateMechanism.description' && message.startsWith('is required when')) {
    return 'is required when a mechanism was created';
  }
  return undefined;
}

/** The problems' messages by form field key ('' for those of the whole adoption). */
export function strategyAdoptionMessages(problems: readonly FieldProblem[]) {
  return layoutMessages(strategyAdoptionLayout, problems, strategyAdoptionWords);
}

/** The strategy adoption form, as the stage's work runs it. */
export const strategyAdoptionForm: StageWorkForm<StrategyAdoptionFormValues> = {
  kind: 'STRATEGY_ADOPTION',
  form: 'strategy-adoption',
  heading: 'Strategy adoption',
  submitLabel: 'Save strategy adoption',
  savedText: 'Strategy adoption saved.',
  valuesOf: (record) => strategyAdoptionFormOf(record.strategyAdoption),
  submissionOf: strategyAdoptionSubmission,
  problemsOf: strategyAdoptionProblems,
  messagesOf: strategyAdoptionMessages,
};
