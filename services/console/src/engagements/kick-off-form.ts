// The kick-off report form: its values (lists of needs and outputs typed one per line), the
// submission they make for `PUT .../submissions/KICK_OFF_REPORT`, the domain's own check of
// it, and where each problem (the console's or the API's) shows in the form.
import {
  stakeholderAgencies,
  validateSubmission,
  type KickOffReport,
  type StakeholderAgency,
} from '@cttech/domain';
import { messagesByField, type FieldProblem, type FormFieldPlace } from '../gateway/api-problem.ts';

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
    needsIdentified: report.needsIdentified.join('\n'),
    summary: assistancePlan.summary,
    periodStart: assistancePlan.periodStart,
    periodEnd: assistancePlan.periodEnd,
    plannedOutputs: assistancePlan.plannedOutputs.join('\n'),
  };
}

/** The submission the form makes: text trimmed, blank lines and blank contributions left out. */
export function kickOffSubmission(values: KickOffFormValues): unknown {
  return {
    stakeholders: values.stakeholders.map(({ agency, organisation, contribution }) => ({
      ...(agency === '' ? {} : { agency }),
      organisation: organisation.trim(),
      ...(contribution.trim() === '' ? {} : { contribution: contribution.trim() }),
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

const stakeholderFieldTitles: Readonly<Record<string, string>> = {
  agency: 'agency',
  organisation: 'organisation',
  contribution: 'contribution',
};

const planFieldTitles: Readonly<Record<string, string>> = {
  summary: 'The assistance plan summary',
  periodStart: 'The start of the period',
  periodEnd: 'The end of the period',
  plannedOutputs: 'Planned outputs',
};

/** Where an API field path of the kick-off report shows in the form. */
export function kickOffFieldPlace(field: string): FormFieldPlace | undefined {
  const [first, second, third] = field.split('.');
  if (first === 'stakeholders') {
    if (second === undefined) return { key: 'stakeholders', subject: 'Stakeholders' };
    const row = Number(second);
    const title = third === undefined ? undefined : stakeholderFieldTitles[third];
    if (title !== undefined) {
      return { key: `stakeholders.${row}.${third}`, subject: `Stakeholder ${row + 1}: ${title}` };
    }
    return { key: 'stakeholders', subject: `Stakeholder ${row + 1}` };
  }
  if (first === 'needsIdentified') {
    return second === undefined
      ? { key: 'needsIdentified', subject: 'Needs identified' }
      : { key: 'needsIdentified', subject: `Need ${Number(second) + 1}` };
  }
  if (first === 'assistancePlan' && second !== undefined && planFieldTitles[second]) {
    const key = `assistancePlan.${second}`;
    if (second === 'plannedOutputs' && third !== undefined) {
      return { key, subject: `Planned output ${Number(third) + 1}` };
    }
    return { key, subject: planFieldTitles[second] };
  }
  return undefined;
}

/**
 * The problems' messages by form field key ('' for those of the whole report). An agency not
 * chosen reads as such, not as the list of the domain's codes.
 */
export function kickOffMessages(problems: readonly FieldProblem[]) {
  return messagesByField(
    problems.map((problem) =>
      /^stakeholders\.\d+\.agency$/.test(problem.field) &&
      problem.message.startsWith('must be one of')
        ? { field: problem.field, message: 'must be chosen' }
        : problem,
    ),
    kickOffFieldPlace,
  );
}

/** The agencies in the domain's order, for the form's choice. */
export const agencyChoices: readonly StakeholderAgency[] = stakeholderAgencies;

function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
