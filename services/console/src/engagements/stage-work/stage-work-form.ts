// What a form of the stage's work is, for the hook and the frame that run every one of them:
// the kind of submission it records, its words (heading, button, saved status), its values as
// the engagement's record leaves them, and its rules (the submission, its problems, where they
// show). The rules may read the record: a delivery is checked against the plan.
import type { StageRecord, SubmissionKind } from '@cttech/domain';
import type { FieldProblem } from '../../gateway/api-problem.ts';
import type { FormMessages } from './field-layout.ts';

export interface StageWorkForm<Values> {
  readonly kind: SubmissionKind;
  /** The form's name, the start of its fields' ids: 'needs-assessment'. */
  readonly form: string;
  readonly heading: string;
  readonly submitLabel: string;
  readonly savedText: string;
  /** The values the form starts from: the recorded submission, or empty. */
  readonly valuesOf: (record: StageRecord) => Values;
  readonly submissionOf: (values: Values, record: StageRecord) => unknown;
  /** The problems with the values (none: the submission may be sent). */
  readonly problemsOf: (values: Values, record: StageRecord) => readonly FieldProblem[];
  readonly messagesOf: (problems: readonly FieldProblem[]) => FormMessages;
  /** The values to start again from once saved (a delivery: an empty form); else they stay. */
  readonly afterSaving?: () => Values;
}
