// Opening an engagement of one of the officer's partner states for a programme cycle
// (`POST /engagements`). Opening one that is already open finds it: the page says so.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ProblemSummary } from '../forms/FieldProblems.tsx';
import { FormField } from '../forms/FormField.tsx';
import { ApiProblem, messagesByField } from '../gateway/api-problem.ts';
import type { EngagementStatus } from '../gateway/api-types.ts';
import { partnerStateName } from '../wording/programme-words.ts';
import { wasAlreadyOpen } from './engagement-board.ts';
import { useEngagementChange } from './useEngagementQueries.ts';

const form = 'open-engagement';

/** What the engagement page says about an engagement just opened from here. */
export interface OpenedNotice {
  readonly alreadyOpen: boolean;
}

export function OpenEngagementForm({
  partnerStates,
}: {
  readonly partnerStates: readonly string[];
}) {
  const navigate = useNavigate();
  const anyState = partnerStates.includes('*');
  const [partnerState, setPartnerState] = useState(anyState ? '' : (partnerStates[0] ?? ''));
  const [cycle, setCycle] = useState(String(new Date().getFullYear()));
  const opening = useEngagementChange(
    (gateway) =>
      gateway.send<EngagementStatus>('POST', '/engagements', {
        partnerState: partnerState.trim().toUpperCase(),
        cycle: Number(cycle),
      }),
    {
      onChanged: (status) => {
        const notice: OpenedNotice = { alreadyOpen: wasAlreadyOpen(status) };
        void navigate(`/engagements/${encodeURIComponent(status.engagementId)}`, { state: notice });
      },
    },
  );
  const messages =
    opening.error instanceof ApiProblem
      ? messagesByField(
          opening.error.problem.errors.length > 0
            ? opening.error.problem.errors
            : [{ field: '', message: opening.error.message }],
          (field) => (field === 'partnerState' || field === 'cycle' ? { key: field } : undefined),
        )
      : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    opening.mutate();
  };
  return (
    <section className="panel" aria-labelledby={`${form}-heading`}>
      <h2 id={`${form}-heading`}>Open an engagement</h2>
      <form className="inline-form" onSubmit={submit} noValidate>
        <ProblemSummary form={form} messages={messages} />
        <FormField
          form={form}
          field="partnerState"
          label="Partner state"
          hint={anyState ? 'ISO code, e.g. KE' : undefined}
          messages={messages}
        >
          {(control) =>
            anyState ? (
              <input
                {...control}
                value={partnerState}
                onChange={(event) => setPartnerState(event.target.value)}
                maxLength={2}
                autoComplete="off"
                required
              />
            ) : (
              <select
                {...control}
                value={partnerState}
                onChange={(event) => setPartnerState(event.target.value)}
              >
                {partnerStates.map((code) => (
                  <option key={code} value={code}>
                    {partnerStateName(code)}
                  </option>
                ))}
              </select>
            )
          }
        </FormField>
        <FormField form={form} field="cycle" label="Programme cycle (year)" messages={messages}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={2000}
              max={2100}
              value={cycle}
              onChange={(event) => setCycle(event.target.value)}
              required
            />
          )}
        </FormField>
        <button type="submit" className="button" disabled={opening.isPending}>
          {opening.isPending ? 'Opening…' : 'Open engagement'}
        </button>
      </form>
    </section>
  );
}
