// One piece of the stage's work being recorded: the form's values, its rules' check before
// sending, `PUT /engagements/:id/submissions/:kind`, and the problems (the console's or the
// API's) by form field. The answer, the engagement's new status, refreshes the page.
import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../gateway/api-problem.ts';
import type { EngagementStatus } from '../../gateway/api-types.ts';
import { useEngagementChange } from '../useEngagementQueries.ts';
import type { FormMessages } from './field-layout.ts';
import type { StageWorkForm } from './stage-work-form.ts';

export interface StageSubmission<Values> {
  readonly form: StageWorkForm<Values>;
  readonly values: Values;
  /** Changes some of the values; a change makes the form unsaved again. */
  readonly change: (next: Partial<Values>) => void;
  readonly messages: FormMessages;
  readonly saved: boolean;
  readonly saving: boolean;
  readonly submit: (event: FormEvent) => void;
}

export function useStageSubmission<Values extends object>(
  engagement: EngagementStatus,
  form: StageWorkForm<Values>,
): StageSubmission<Values> {
  const [values, setValues] = useState(() => form.valuesOf(engagement.record));
  const [messages, setMessages] = useState<FormMessages>({});
  const [saved, setSaved] = useState(false);
  const saving = useEngagementChange(
    (gateway, submission: unknown) =>
      gateway.send<EngagementStatus>(
        'PUT',
        `/engagements/${encodeURIComponent(engagement.engagementId)}/submissions/${form.kind}`,
        submission,
      ),
    {
      onChanged: () => {
        if (form.afterSaving !== undefined) setValues(form.afterSaving());
        setSaved(true);
      },
      onError: (error) =>
        setMessages(
          error instanceof ApiProblem && error.problem.errors.length > 0
            ? form.messagesOf(error.problem.errors)
            : { '': [error.message] },
        ),
    },
  );
  return {
    form,
    values,
    change: (next) => {
      setValues({ ...values, ...next });
      setSaved(false);
    },
    messages,
    saved,
    saving: saving.isPending,
    submit: (event) => {
      event.preventDefault();
      const problems = form.problemsOf(values, engagement.record);
      setMessages(form.messagesOf(problems));
      if (problems.length === 0) {
        saving.mutate(form.submissionOf(values, engagement.record));
      }
    },
  };
}
