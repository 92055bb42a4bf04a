// Everyone's notification settings: the channels besides the in-app inbox (e-mail, webhooks,
// and for programme managers the daily digest instead of an e-mail each), and the webhooks
// notifications are posted to, each signed with its own secret, shown once when registered.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FieldMessages, invalidProps, ProblemSummary } from '../forms/FieldProblems.tsx';
import { FormField } from '../forms/FormField.tsx';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import { ApiProblem } from '../gateway/api-problem.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { QueryState } from '../layout/QueryState.tsx';
import { hasRole } from '../session/token-claims.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { formatDateTime } from '../wording/programme-words.ts';
import {
  channelChoices,
  settingsMessages,
  type ChannelPreferences,
  type RegisteredWebhook,
  type Webhook,
} from './notification-settings.ts';

const preferencesKey = ['me', 'preferences'] as const;
const webhooksKey = ['me', 'webhooks'] as const;

export function SettingsPage() {
  const { gateway } = useSession();
  const preferences = useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) => gateway.get<ChannelPreferences>('/me/preferences', signal),
  });
  return (
    <>
      <PageHeading title="Notification settings" />
      <p className="lead">Everything reaches your inbox here. Choose where else you are told.</p>
      <QueryState query={preferences} what="your notification settings">
        {(stored) => <ChannelsForm stored={stored} />}
      </QueryState>
      <WebhooksPanel />
    </>
  );
}

function problemsOf(error: Error | null) {
  if (error === null) return {};
  return error instanceof ApiProblem && error.problem.errors.length > 0
    ? settingsMessages(error.problem.errors)
    : { '': [error.message] };
}

function ChannelsForm({ stored }: { readonly stored: ChannelPreferences }) {
  const { gateway, user } = useSession();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(stored);
  const saving = useMutation({
    mutationFn: (chosen: ChannelPreferences) =>
      gateway.send<ChannelPreferences>('PUT', '/me/preferences', chosen),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
  const form = 'channels';
  const messages = problemsOf(saving.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate(values);
  };
  return (
    <section className="panel" aria-labelledby="channels-heading">
      <h2 id="channels-heading">Where you are told</h2>
      <form onSubmit={submit} noValidate aria-labelledby="channels-heading">
        <ProblemSummary form={form} messages={messages} />
        {channelChoices(hasRole(user, 'PROGRAMME_MANAGER')).map(({ field, label, hint }) => (
          <div className="field checkbox-field" key={field}>
            <input
              {...invalidProps(form, field, messages, `${form}-${field}-hint`)}
              type="checkbox"
              checked={values[field]}
              onChange={(event) => {
                saving.reset();
                setValues({ ...values, [field]: event.target.checked });
              }}
            />
            <label htmlFor={`${form}-${field}`}>{label}</label>
            <p className="hint" id={`${form}-${field}-hint`}>
              {hint}
            </p>
            <FieldMessages form={form} field={field} messages={messages} />
          </div>
        ))}
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving.isPending}>
            {saving.isPending ? 'Saving…' : 'Save settings'}
          </button>
          <p role="status" className="saved">
            {saving.isSuccess ? 'Settings saved.' : ''}
          </p>
        </div>
      </form>
    </section>
  );
}

function WebhooksPanel() {
  const { gateway } = useSession();
  const queryClient = useQueryClient();
  const webhooks = useQuery({
    queryKey: webhooksKey,
    queryFn: ({ signal }) => gateway.get<Webhook[]>('/me/webhooks', signal),
  });
  const [url, setUrl] = useState('');
  const registering = useMutation({
    mutationFn: (address: string) =>
      gateway.send<RegisteredWebhook>('POST', '/me/webhooks', { url: address }),
    onSuccess: () => {
      setUrl('');
      void queryClient.invalidateQueries({ queryKey: webhooksKey });
    },
  });
  const removing = useMutation({
    mutationFn: (webhookId: string) =>
      gateway.send<unknown>('DELETE', `/me/webhooks/${encodeURIComponent(webhookId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
  const form = 'webhook';
  const messages = problemsOf(registering.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    registering.mutate(url.trim());
  };
  const registered = registering.data;
  return (
    <section className="panel" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <QueryState query={webhooks} what="your webhooks">
        {(listed) =>
          listed.length === 0 ? (
            <p className="hint">No webhook yet.</p>
          ) : (
            <table>
              <caption className="visually-hidden">Your webhooks</caption>
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">Registered</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {listed.map((webhook) => (
                  <tr key={webhook.id}>
                    <td>{webhook.url}</td>
                    <td>{formatDateTime(webhook.createdAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={removing.isPending}
                        aria-label={`Remove the webhook ${webhook.url}`}
                        onClick={() => removing.mutate(webhook.id)}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      {removing.isError ? (
        <ProblemNotice error={removing.error} context="Could not remove the webhook" />
      ) : null}
      {registered !== undefined ? (
        <div className="notice" role="status">
          <p>
            Registered {registered.url}. Its signing secret, shown this once: keep it where your
            receiver checks the <code>x-cttech-signature</code> header.
          </p>
          <p>
            <code className="secret">{registered.secret}</code>
          </p>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate aria-labelledby="webhook-add-heading">
        <h3 id="webhook-add-heading">Add a webhook</h3>
        <ProblemSummary form={form} messages={messages} />
        <FormField
          form={form}
          field="url"
          label="Address"
          hint="An https address (http only on this machine's loopback address)."
          messages={messages}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              value={url}
              onChange={(event) => {
                registering.reset();
                setUrl(event.target.value);
              }}
            />
          )}
        </FormField>
        <button type="submit" className="button" disabled={registering.isPending}>
          {registering.isPending ? 'Adding…' : 'Add webhook'}
        </button>
      </form>
    </section>
  );
}
