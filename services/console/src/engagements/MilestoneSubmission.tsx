// Submitting the stage's milestone for compliance review (`POST .../milestone`). After
// "changes requested" every open finding needs the officer's answer. A reviewer other than
// the officer signs it off (four eyes).
import { useState, type FormEvent } from 'react';
import { ProblemSummary } from '../forms/FieldProblems.tsx';
import { FormField } from '../forms/FormField.tsx';
import { ApiProblem, messagesByField } from '../gateway/api-problem.ts';
import type { EngagementStatus } from '../gateway/api-types.ts';
import { stageTitle } from '../wording/engagement-words.ts';
import { useEngagementChange } from './useEngagementQueries.ts';

const form = 'milestone';

export function MilestoneSubmission({ engagement }: { readonly engagement: EngagementStatus }) {
  const findings = engagement.openFindings;
  const [responses, setResponses] = useState<readonly string[]>(() => findings.map(() => ''));
  const submitting = useEngagementChange((gateway) =>
    gateway.send<EngagementStatus>(
      'POST',
      `/engagements/${encodeURIComponent(engagement.engagementId)}/milestone`,
      findings.length === 0
        ? {}
        : {
            findingResponses: findings.map((_, finding) => ({
              finding,
              response: responses[finding]?.trim() ?? '',
            })),
          },
    ),
  );
  const messages =
    submitting.error instanceof ApiProblem
      ? messagesByField(
          submitting.error.problem.errors.length > 0
            ? submitting.error.problem.errors
            : [{ field: '', message: submitting.error.message }],
          (field) => {
            const [first, index] = field.split('.');
            if (first !== 'findingResponses') return undefined;
            return index === undefined
              ? { key: '', subject: 'The answers to the findings' }
              : { key: `response.${index}`, subject: `The answer to finding ${Number(index) + 1}` };
          },
        )
      : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    submitting.mutate();
  };
  return (
    <form
      className="milestone-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${form}-heading`}
    >
      <h3 id={`${form}-heading`}>
        Submit the {stageTitle(engagement.stage).toLowerCase()} milestone
      </h3>
      <p>
        A compliance reviewer checks it against the stage&apos;s human-rights and gender checklist.
        You cannot sign off your own submission: another person must (four eyes).
      </p>
      <ProblemSummary form={form} messages={messages} />
      {findings.map((finding, index) => (
        <FormField
          key={index}
          form={form}
          field={`response.${index}`}
          label={`Your answer to finding ${index + 1}`}
          hint={finding.text}
          messages={messages}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={responses[index] ?? ''}
              onChange={(event) =>
                setResponses(
                  responses.map((response, at) => (at === index ? event.target.value : response)),
                )
              }
            />
          )}
        </FormField>
      ))}
      <button type="submit" className="button" disabled={submitting.isPending}>
        {submitting.isPending ? 'Submitting…' : 'Submit milestone for review'}
      </button>
    </form>
  );
}
