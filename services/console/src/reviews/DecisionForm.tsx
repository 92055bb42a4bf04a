// The reviewer's decision: a verdict (met, not met, not applicable) and comment for each
// criterion, with the evidence it needs; findings; then approve or request changes
// (`POST /reviews/:id/decision`). The domain's rules for the stage are checked first; the
// compliance service checks again, four eyes included.
import { criterionVerdicts, type ReviewOutcome } from '@cttech/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { engagementKey } from '../engagements/useEngagementQueries.ts';
import { FieldMessages, ProblemSummary } from '../forms/FieldProblems.tsx';
import { FormField } from '../forms/FormField.tsx';
import { ApiProblem } from '../gateway/api-problem.ts';
import type { ReviewDetail } from '../gateway/api-types.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { verdictTitles } from '../wording/engagement-words.ts';
import {
  decisionBody,
  decisionMessages,
  decisionProblems,
  emptyDecisionForm,
  type CriterionAnswerEntry,
  type DecisionFormValues,
} from './review-decision-form.ts';

const form = 'decision';
type Messages = Readonly<Record<string, readonly string[]>>;

export function DecisionForm({ review }: { readonly review: ReviewDetail }) {
  const { gateway } = useSession();
  const queryClient = useQueryClient();
  const { checklist } = review;
  const [values, setValues] = useState<DecisionFormValues>(() => emptyDecisionForm(checklist));
  const [messages, setMessages] = useState<Messages>({});
  const deciding = useMutation({
    mutationFn: (body: unknown) =>
      gateway.send<ReviewDetail>(
        'POST',
        `/reviews/${encodeURIComponent(review.id)}/decision`,
        body,
      ),
    onSuccess: (decided) => {
      queryClient.setQueryData(['review', review.id], decided);
      void queryClient.invalidateQueries({ queryKey: ['reviews'] });
      void queryClient.invalidateQueries({ queryKey: engagementKey(review.engagementId) });
    },
    onError: (error) => {
      setMessages(
        error instanceof ApiProblem && error.problem.errors.length > 0
          ? decisionMessages(checklist, error.problem.errors)
          : {
              '': [
                error instanceof ApiProblem && error.problem.detail
                  ? `${error.problem.title}: ${error.problem.detail}`
                  : error.message,
              ],
            },
      );
    },
  });
  const [outcome, setOutcome] = useState<ReviewOutcome>('APPROVED');
  const answer = (criterionId: string, next: Partial<CriterionAnswerEntry>) =>
    setValues({
      ...values,
      answers: {
        ...values.answers,
        [criterionId]: { verdict: '', comment: '', ...values.answers[criterionId], ...next },
      },
    });
  const changeFinding = (index: number, next: Partial<DecisionFormValues['findings'][number]>) =>
    setValues({
      ...values,
      findings: values.findings.map((finding, at) =>
        at === index ? { ...finding, ...next } : finding,
      ),
    });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value');
    const decided: ReviewOutcome =
      chosen === 'CHANGES_REQUESTED' ? 'CHANGES_REQUESTED' : 'APPROVED';
    setOutcome(decided);
    const problems = decisionProblems(review.stage, decided, checklist, values);
    setMessages(decisionMessages(checklist, problems));
    if (problems.length === 0) deciding.mutate(decisionBody(decided, checklist, values));
  };
  return (
    <form
      className="decision-form panel"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${form}-heading`}
    >
      <h2 id={`${form}-heading`}>Your decision</h2>
      <p className="hint">
        Answer every criterion of the checklist. A criterion not met or not applicable needs a
        comment; a milestone with a criterion not met cannot be approved.
      </p>
      <ProblemSummary form={form} messages={messages} />
      <FieldMessages form={form} field="answers" messages={messages} />
      <ol className="checklist">
        {checklist.map((criterion) => {
          const entry = values.answers[criterion.criterionId] ?? { verdict: '', comment: '' };
          const verdictKey = `answers.${criterion.criterionId}.verdict`;
          const commentKey = `answers.${criterion.criterionId}.comment`;
          const evidenceId = `${form}-${criterion.criterionId}-evidence`;
          return (
            <li key={criterion.criterionId}>
              <fieldset
                className="criterion"
                id={`${form}-${verdictKey.replaceAll('.', '-')}`}
                aria-describedby={evidenceId}
              >
                <legend>{criterion.title}</legend>
                <p className="hint" id={evidenceId}>
                  Evidence needed: {criterion.evidenceRequired ?? 'not stated'}
                </p>
                <FieldMessages form={form} field={verdictKey} messages={messages} />
                <div className="verdicts">
                  {criterionVerdicts.map((verdict) => (
                    <label key={verdict} className="verdict">
                      <input
                        type="radio"
                        name={`verdict-${criterion.criterionId}`}
                        value={verdict}
                        checked={entry.verdict === verdict}
                        onChange={() => answer(criterion.criterionId, { verdict })}
                      />
                      {verdictTitles[verdict]}
                    </label>
                  ))}
                </div>
                <FormField
                  form={form}
                  field={commentKey}
                  label={
                    <>
                      Comment{' '}
                      <span className="optional">
                        {entry.verdict === 'NOT_MET' || entry.verdict === 'NOT_APPLICABLE'
                          ? '(required)'
                          : '(optional)'}
                      </span>
                    </>
                  }
                  messages={messages}
                >
                  {(control) => (
                    <textarea
                      {...control}
                      rows={2}
                      value={entry.comment}
                      onChange={(event) =>
                        answer(criterion.criterionId, { comment: event.target.value })
                      }
                    />
                  )}
                </FormField>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <fieldset className="decision-findings" id={`${form}-findings`}>
        <legend>Findings</legend>
        <p className="hint">What the officer must change. Requesting changes needs at least one.</p>
        <FieldMessages form={form} field="findings" messages={messages} />
        {values.findings.map((finding, index) => (
          <fieldset key={index} className="finding">
            <legend>Finding {index + 1}</legend>
            <FormField
              form={form}
              field={`findings.${index}.criterionId`}
              label="Criterion concerned"
              messages={messages}
            >
              {(control) => (
                <select
                  {...control}
                  value={finding.criterionId}
                  onChange={(event) => changeFinding(index, { criterionId: event.target.value })}
                >
                  <option value="">None in particular</option>
                  {checklist.map((criterion) => (
                    <option key={criterion.criterionId} value={criterion.criterionId}>
                      {criterion.title}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              form={form}
              field={`findings.${index}.text`}
              label="What must change"
              messages={messages}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  value={finding.text}
                  onChange={(event) => changeFinding(index, { text: event.target.value })}
                />
              )}
            </FormField>
            <button
              type="button"
              className="button link-like"
              onClick={() =>
                setValues({ ...values, findings: values.findings.filter((_, at) => at !== index) })
              }
            >
              Remove finding {index + 1}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            setValues({ ...values, findings: [...values.findings, { criterionId: '', text: '' }] })
          }
        >
          Add a finding
        </button>
      </fieldset>
      <div className="form-actions">
        <button
          type="submit"
          name="outcome"
          value="APPROVED"
          className="button"
          disabled={deciding.isPending}
        >
          Approve milestone
        </button>
        <button
          type="submit"
          name="outcome"
          value="CHANGES_REQUESTED"
          className="button secondary"
          disabled={deciding.isPending}
        >
          Request changes
        </button>
        <p role="status">
          {deciding.isPending
            ? outcome === 'APPROVED'
              ? 'Approving…'
              : 'Requesting changes…'
            : ''}
        </p>
      </div>
    </form>
  );
}
