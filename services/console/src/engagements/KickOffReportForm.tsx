// The kick-off report form: the national stakeholders (agency and organisation), the needs
// identified and the agreed assistance plan, checked by the domain's rules before it is sent
// (`PUT .../submissions/KICK_OFF_REPORT`); each problem, the console's or the API's, is shown
// next to its field and in a summary above the form.
import { maxTextLength } from '@cttech/domain';
import { useState, type FormEvent } from 'react';
import { FieldMessages, ProblemSummary } from '../forms/FieldProblems.tsx';
import { FormField } from '../forms/FormField.tsx';
import { ApiProblem } from '../gateway/api-problem.ts';
import type { EngagementStatus } from '../gateway/api-types.ts';
import { agencyTitles } from '../wording/engagement-words.ts';
import {
  agencyChoices,
  emptyStakeholder,
  kickOffFormOf,
  kickOffMessages,
  kickOffProblems,
  kickOffSubmission,
  type KickOffFormValues,
  type StakeholderEntry,
} from './kick-off-form.ts';
import { useEngagementChange } from './useEngagementQueries.ts';

const form = 'kick-off';
type Messages = Readonly<Record<string, readonly string[]>>;

export function KickOffReportForm({ engagement }: { readonly engagement: EngagementStatus }) {
  const [values, setValues] = useState(() => kickOffFormOf(engagement.record.kickOffReport));
  const [messages, setMessages] = useState<Messages>({});
  const [saved, setSaved] = useState(false);
  const saving = useEngagementChange(
    (gateway, submission: unknown) =>
      gateway.send<EngagementStatus>(
        'PUT',
        `/engagements/${encodeURIComponent(engagement.engagementId)}/submissions/KICK_OFF_REPORT`,
        submission,
      ),
    {
      onChanged: () => setSaved(true),
      onError: (error) =>
        setMessages(
          error instanceof ApiProblem && error.problem.errors.length > 0
            ? kickOffMessages(error.problem.errors)
            : { '': [error.message] },
        ),
    },
  );
  const change = (next: Partial<KickOffFormValues>) => {
    setValues({ ...values, ...next });
    setSaved(false);
  };
  const changeStakeholder = (index: number, next: Partial<StakeholderEntry>) =>
    change({
      stakeholders: values.stakeholders.map((entry, at) =>
        at === index ? { ...entry, ...next } : entry,
      ),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = kickOffProblems(values);
    setMessages(kickOffMessages(problems));
    if (problems.length === 0) saving.mutate(kickOffSubmission(values));
  };
  /** A text field of the report, its value kept in the form's values under `name`. */
  const textField = (
    field: string,
    name: 'needsIdentified' | 'summary' | 'periodStart' | 'periodEnd' | 'plannedOutputs',
    label: string,
    hint?: string,
  ) => (
    <FormField form={form} field={field} label={label} hint={hint} messages={messages}>
      {(control) =>
        name === 'periodStart' || name === 'periodEnd' ? (
          <input
            {...control}
            type="date"
            value={values[name]}
            onChange={(event) => change({ [name]: event.target.value })}
          />
        ) : (
          <textarea
            {...control}
            rows={3}
            maxLength={name === 'summary' ? maxTextLength : undefined}
            value={values[name]}
            onChange={(event) => change({ [name]: event.target.value })}
          />
        )
      }
    </FormField>
  );
  return (
    <form
      className="submission-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${form}-heading`}
    >
      <h3 id={`${form}-heading`}>Kick-off report and agreed assistance plan</h3>
      <ProblemSummary form={form} messages={messages} />
      <fieldset className="stakeholders" id={`${form}-stakeholders`}>
        <legend>National stakeholders</legend>
        <p className="hint">Organisations only, never a person&apos;s name.</p>
        <FieldMessages form={form} field="stakeholders" messages={messages} />
        {values.stakeholders.map((stakeholder, index) => (
          <StakeholderFields
            key={index}
            index={index}
            stakeholder={stakeholder}
            messages={messages}
            removable={values.stakeholders.length > 1}
            onChange={(next) => changeStakeholder(index, next)}
            onRemove={() =>
              change({ stakeholders: values.stakeholders.filter((_, at) => at !== index) })
            }
          />
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => change({ stakeholders: [...values.stakeholders, emptyStakeholder] })}
        >
          Add a stakeholder
        </button>
      </fieldset>
      {textField(
        'needsIdentified',
        'needsIdentified',
        'Needs identified',
        'One capacity-building need per line.',
      )}
      <fieldset>
        <legend>Agreed assistance plan</legend>
        {textField('assistancePlan.summary', 'summary', 'Summary')}
        <div className="field-row">
          {textField('assistancePlan.periodStart', 'periodStart', 'Period start')}
          {textField('assistancePlan.periodEnd', 'periodEnd', 'Period end')}
        </div>
        {textField(
          'assistancePlan.plannedOutputs',
          'plannedOutputs',
          'Planned outputs',
          'One output per line.',
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving.isPending}>
          {saving.isPending ? 'Saving…' : 'Save kick-off report'}
        </button>
        <p role="status" className="saved">
          {saved ? 'Kick-off report saved.' : ''}
        </p>
      </div>
    </form>
  );
}

function StakeholderFields({
  index,
  stakeholder,
  messages,
  removable,
  onChange,
  onRemove,
}: {
  readonly index: number;
  readonly stakeholder: StakeholderEntry;
  readonly messages: Messages;
  readonly removable: boolean;
  readonly onChange: (next: Partial<StakeholderEntry>) => void;
  readonly onRemove: () => void;
}) {
  const key = (field: string) => `stakeholders.${index}.${field}`;
  const textInput = (field: 'organisation' | 'contribution') => (control: object) => (
    <input
      {...control}
      maxLength={maxTextLength}
      value={stakeholder[field]}
      onChange={(event) => onChange({ [field]: event.target.value })}
    />
  );
  return (
    <fieldset className="stakeholder">
      <legend>Stakeholder {index + 1}</legend>
      <div className="field-row">
        <FormField form={form} field={key('agency')} label="Agency" messages={messages}>
          {(control) => (
            <select
              {...control}
              value={stakeholder.agency}
              onChange={(event) =>
                onChange({ agency: event.target.value as StakeholderEntry['agency'] })
              }
            >
              <option value="">Choose an agency</option>
              {agencyChoices.map((agency) => (
                <option key={agency} value={agency}>
                  {agencyTitles[agency]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} field={key('organisation')} label="Organisation" messages={messages}>
          {textInput('organisation')}
        </FormField>
      </div>
      <FormField
        form={form}
        field={key('contribution')}
        label={
          <>
            Contribution <span className="optional">(optional)</span>
          </>
        }
        messages={messages}
      >
        {textInput('contribution')}
      </FormField>
      {removable ? (
        <button type="button" className="button link-like" onClick={onRemove}>
          Remove stakeholder {index + 1}
        </button>
      ) : null}
    </fieldset>
  );
}
