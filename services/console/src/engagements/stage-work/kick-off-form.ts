// The kick-off report form: its values (lists of needs and outputs typed one per line), the
// submission they make for `PUT .../submissions/KICK_OFF_REPORT`, the domain's own check of
// it, and where each problem (the console's or the API's) shows in the form.
import {
  stakeholderAgencies,
  validateSubmission,
  type KickOffReport,
  type StakeholderAgency,
} from '@cttech/domain';
import type { FieldProblem } from '../../gateway/api-problem.ts';
import { layoutMessages, type FieldLayout } from './field-layout.ts';
import type { StageWorkForm } from './stage-work-form.ts';
import { givenField, linesOf, textOfLines, typedText } from './typed-entries.ts';

export interface StakeholderEntry {
  readonly agency: StakeholderAgency | '';
  readonly organisation: string;
  readonly contribution: string;
}

export interface KickOffFormValues {
  readonly stakeholders: readonly StakeholderEntry[];
  /** One need per line. */
  readonly needsIdentified: string;
  readonly summary: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** One planned output per line. */
  readonly plannedOutputs: string;
}

export const emptyStakeholder: StakeholderEntry = {
  agency: '',
  organisation: '',
  contribution: '',
};

/** The form as the engagement's recorded report left it, or empty. */
export function kickOffFormOf(report: KickOffReport | undefined): KickOffFormValues {
  if (report === undefined) {
    return {
      stakeholders: [emptyStakeholder],
      needsIdentified: '',
      summary: '',
      periodStart: '',
      periodEnd: '',
      plannedOutputs: '',
    };
  }
  const { assistancePlan } = report;
  return {
    stakeholders: report.stakeholders.map(({ agency, organisation, contribution }) => ({
      agency,
      organisation,
      contribution: contribution ?? '',
    })),
    needsIdentified: textOfLines(report.needsIdentified),
    summary: assistancePlan.summary,
    periodStart: assistancePlan.periodStart,
    periodEnd: assistancePlan.periodEnd,
    plannedOutputs: textOfLines(assistancePlan.plannedOutputs),
  };
}

/** The submission the form makes: text trimmed, blank lines and blank contributions left out. */
export function kickOffSubmission(values: KickOffFormValues): unknown {
  return {
    stakeholders: values.stakeholders.map(({ agency, organisation, contribution }) => ({
      ...givenField('agency', agency),
      organisation: organisation.trim(),
      ...givenField('contribution', typedText(contribution)),
    })),
    needsIdentified: linesOf(values.needsIdentified),
    assistancePlan: {
      summary: values.summary.trim(),
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
      plannedOutputs: linesOf(values.plannedOutputs),
    },
  };
}

/** The problems the domain finds in the form's submission (none: it may be sent). */
export function kickOffProblems(values: KickOffFormValues): readonly FieldProblem[] {
  const checked = validateSubmission('KICK_OFF_REPORT', kickOffSubmission(values));
  return checked.ok ? [] : checked.problems;
}

const kickOffLayout: FieldLayout = {
  stakeholders: {
    title: 'Stakeholders',
    row: 'Stakeholder',
    fields: {
      agency: { title: 'agency', choice: true },
      organisation: { title: 'organisation' },
      contribution: { title: 'contribution' },
    },
  },
  needsIdentified: { title: 'Needs identified', line: 'Need' },
  assistancePlan: {
    title: 'The assistance plan',
    group: {
      summary: { title: 'The assistance plan summary' },
      periodStart: { title: 'The start of the period' },
      periodEnd: { title: 'The end of the period' },
      plannedOutputs: { title: 'Planned outputs', line: 'Planned output' },
    },
  },
};

/** The problems' messages by form field key ('' for those of the whole report). */
export function kickOffMessages(problems: readonly FieldProblem[]) {
  return layoutMessages(kickOffLayout, problems);
}

/** The kick-off report form, as the stage's work runs it. */
export const kickOffForm: StageWorkForm<KickOffFormValues> = {
  kind: 'KICK_OFF_REPORT',
  form: 'kick-off',
  heading: 'Kick-off report and agreed assistance plan',
  submitLabel: 'Save kick-off report',
  savedText: 'Kick-off report saved.',
  valuesOf: (record) => kickOffFormOf(record.kickOffReport),
  submissionOf: kickOffSubmission,
  problemsOf: kickOffProblems,
  messagesOf: kickOffMessages,
};

/** The agencies in the domain's order, for the form's choice. */
export const agencyChoices: readonly StakeholderAgency[] = stakeholderAgencies;
