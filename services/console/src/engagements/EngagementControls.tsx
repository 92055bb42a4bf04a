// Holding, suspending, resuming and cancelling an engagement, for those whose call it is: the
// programme manager suspends, resumes or cancels with a reason; a compliance reviewer puts it on
// hold for a human-rights concern and lifts the hold with its resolution (only that resumes
// it). Each action asks for its statement first; the API's refusal is shown as it says it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormField } from '../forms/FormField.tsx';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import type { EngagementStatus } from '../gateway/api-types.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { engagementControlsFor, type EngagementControl } from './engagement-controls.ts';
import { engagementKey, useEngagementStatus } from './useEngagementQueries.ts';

/** A hold reaches the workflow through Kafka: how often to look until it has. */
const holdWatchMs = 2_000;

interface EngagementAction {
  readonly id: string;
  /** The button that opens the action's form. */
  readonly label: string;
  /** What the statement is called ('Reason', 'Human-rights concern'). */
  readonly statement: string;
  readonly hint: string;
  readonly confirm: string;
  /** The request; its answer does not matter, the engagement is asked again. */
  readonly send: (statement: string) => Promise<unknown>;
  /** The status's part the action changes, to watch until the workflow has applied it. */
  readonly applied?: (status: EngagementStatus) => boolean;
  readonly done: string;
  readonly destructive?: boolean;
}

export function EngagementControls({ engagement }: { readonly engagement: EngagementStatus }) {
  const { gateway, user } = useSession();
  const path = `/engagements/${encodeURIComponent(engagement.engagementId)}`;
  const hold = engagement.humanRightsHold;
  const definitions: Record<EngagementControl, EngagementAction> = {
    SUSPEND: {
      id: 'suspend',
      label: 'Suspend',
      statement: 'Reason for suspending',
      hint: 'The deadlines stop until the engagement is resumed.',
      confirm: 'Suspend the engagement',
      send: (reason) => gateway.send('POST', `${path}/suspend`, { reason }),
      done: 'Suspended.',
    },
    RESUME: {
      id: 'resume',
      label: 'Resume',
      statement: '',
      hint: 'It resumes where it stood, its deadlines running again.',
      confirm: 'Resume the engagement',
      send: () => gateway.send('POST', `${path}/resume`, {}),
      done: 'Resumed.',
    },
    CANCEL: {
      id: 'cancel',
      label: 'Cancel the engagement',
      statement: 'Reason for cancelling',
      hint: 'Cancelling closes the engagement for good; it cannot be resumed.',
      confirm: 'Cancel it for good',
      send: (reason) => gateway.send('POST', `${path}/cancel`, { reason }),
      done: 'Cancelled.',
      destructive: true,
    },
    PLACE_HOLD: {
      id: 'hold',
      label: 'Put on hold',
      statement: 'Human-rights concern',
      hint: 'The engagement is suspended until a reviewer lifts the hold. The concern stays in the compliance service and its audit trail; describe it without naming people.',
      confirm: 'Put the engagement on hold',
      send: (concern) => gateway.send('POST', `${path}/holds`, { concern }),
      applied: (status) => status.humanRightsHold !== null,
      done: 'On hold: the engagement is suspended.',
    },
    LIFT_HOLD: {
      id: 'lift',
      label: 'Lift the hold',
      statement: 'Resolution',
      hint: 'How the concern was resolved. Lifting the hold resumes the engagement.',
      confirm: 'Lift the hold',
      send: (resolution) =>
        gateway.send('POST', `${path}/holds/${encodeURIComponent(hold?.holdId ?? '')}/lift`, {
          resolution,
        }),
      applied: (status) => status.humanRightsHold === null,
      done: 'Hold lifted: the engagement resumes.',
    },
  };
  const actions = engagementControlsFor(user, engagement).map((control) => definitions[control]);
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="controls-heading" className="panel">
      <h2 id="controls-heading">Hold, suspend or cancel</h2>
      <div className="engagement-controls">
        {actions.map((action) => (
          <ActionWithStatement key={action.id} engagement={engagement} action={action} />
        ))}
      </div>
    </section>
  );
}

function ActionWithStatement({
  engagement,
  action,
}: {
  readonly engagement: EngagementStatus;
  readonly action: EngagementAction;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [statement, setStatement] = useState('');
  const [missing, setMissing] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const key = engagementKey(engagement.engagementId);
  const sending = useMutation({
    mutationFn: () => action.send(statement.trim()),
    onSuccess: async () => {
      setOpen(false);
      setStatement('');
      if (action.applied !== undefined) setWaiting(true);
      await queryClient.invalidateQueries({ queryKey: ['engagements'] });
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  // a hold travels through Kafka to the workflow: look again until the engagement shows it
  const current = queryClient.getQueryData<EngagementStatus>(key);
  const applied = !waiting || (current !== undefined && action.applied?.(current) === true);
  useEngagementStatus(engagement.engagementId, {
    enabled: waiting,
    watchMs: applied ? false : holdWatchMs,
  });
  const form = `control-${action.id}`;
  const field = 'statement';
  const messages: Readonly<Record<string, readonly string[]>> = missing
    ? { [field]: [`${action.statement} is required`] }
    : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const needsStatement = action.statement !== '';
    setMissing(needsStatement && statement.trim() === '');
    if (!needsStatement || statement.trim() !== '') sending.mutate();
  };
  return (
    <div className="engagement-control">
      {open ? (
        <form onSubmit={submit} noValidate aria-label={action.label}>
          {action.statement !== '' ? (
            <FormField
              form={form}
              field={field}
              label={action.statement}
              hint={action.hint}
              messages={messages}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  maxLength={2000}
                  value={statement}
                  onChange={(event) => setStatement(event.target.value)}
                />
              )}
            </FormField>
          ) : (
            <p className="hint">{action.hint}</p>
          )}
          <div className="form-actions">
            <button
              type="submit"
              className={action.destructive ? 'button destructive' : 'button'}
              disabled={sending.isPending}
            >
              {sending.isPending ? 'Sending…' : action.confirm}
            </button>
            <button type="button" className="button secondary" onClick={() => setOpen(false)}>
              Keep it as it is
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className={action.destructive ? 'button secondary destructive' : 'button secondary'}
          onClick={() => {
            sending.reset();
            setOpen(true);
          }}
        >
          {action.label}
        </button>
      )}
      <p role="status" className="saved">
        {sending.isSuccess
          ? applied
            ? action.done
            : 'Sent; waiting for the engagement to show it…'
          : ''}
      </p>
      {sending.isError ? <ProblemNotice error={sending.error} context={action.label} /> : null}
    </div>
  );
}
