// What a user chooses about being told (`GET`/`PUT /me/preferences`) and their webhooks
// (`/me/webhooks`), as the settings page shows them: the choices offered to their role, and
// the API's problems placed by the field they concern.
import { messagesByField, type FieldProblem } from '../gateway/api-problem.ts';

export interface ChannelPreferences {
  readonly email: boolean;
  readonly webhook: boolean;
  readonly digestOnly: boolean;
}

export interface Webhook {
  readonly id: string;
  readonly url: string;
  readonly createdAt: string;
}

/** A webhook just registered: its signing secret, shown this once. */
export interface RegisteredWebhook extends Webhook {
  readonly secret: string;
}

export interface ChannelChoice {
  readonly field: keyof ChannelPreferences;
  readonly label: string;
  readonly hint: string;
}

/** The choices offered: the daily digest only to programme managers, and only with e-mail. */
export function channelChoices(manager: boolean): ChannelChoice[] {
  const choices: ChannelChoice[] = [
    {
      field: 'email',
      label: 'E-mail',
      hint: 'Each notification also as an e-mail to the address your account gives.',
    },
    {
      field: 'webhook',
      label: 'Webhooks',
      hint: 'Each notification also posted, signed, to the webhooks below.',
    },
  ];
  if (manager) {
    choices.push({
      field: 'digestOnly',
      label: 'Daily digest instead of an e-mail each',
      hint: 'One e-mail a day with everything; needs e-mail on.',
    });
  }
  return choices;
}

const fieldTitles: Readonly<Record<string, string>> = {
  email: 'E-mail',
  webhook: 'Webhooks',
  digestOnly: 'The daily digest',
  url: 'The webhook address',
};

/** The API's problems by the field they concern, each reading as a sentence. */
export function settingsMessages(problems: readonly FieldProblem[]) {
  return messagesByField(problems, (field) =>
    fieldTitles[field] === undefined ? undefined : { key: field, subject: fieldTitles[field] },
  );
}
