// Which channels beside the in-app one a recipient's notification goes out on: e-mail unless
// they turned it off (or, a programme manager, chose the daily digest instead), and each of
// their webhooks unless they turned webhooks off. Pure.

/** A recipient's channel choices; what someone who never chose gets. */
export interface ChannelPreference {
  readonly email: boolean;
  readonly webhook: boolean;
  /** Programme managers only: e-mail as the daily digest, not per event. */
  readonly digestOnly: boolean;
}

export const defaultPreference: ChannelPreference = {
  email: true,
  webhook: true,
  digestOnly: false,
};

export interface OutwardChannel {
  readonly channel: 'EMAIL' | 'WEBHOOK';
  /** The webhook it goes to; null for e-mail. */
  readonly webhookId: string | null;
}

export function outwardChannels({
  roles,
  preference = defaultPreference,
  webhookIds,
  emailChannelOn,
}: {
  readonly roles: readonly string[];
  readonly preference?: ChannelPreference | undefined;
  /** The recipient's webhooks (not removed). */
  readonly webhookIds: readonly string[];
  /** False when the service has no SMTP server. */
  readonly emailChannelOn: boolean;
}): OutwardChannel[] {
  const digestInstead = preference.digestOnly && roles.includes('PROGRAMME_MANAGER');
  const email = emailChannelOn && preference.email && !digestInstead;
  return [
    ...(email ? [{ channel: 'EMAIL' as const, webhookId: null }] : []),
    ...(preference.webhook
      ? webhookIds.map((webhookId) => ({ channel: 'WEBHOOK' as const, webhookId }))
      : []),
  ];
}

/** Whether a programme manager's daily digest goes out to them by e-mail. */
export function receivesDigest({
  roles,
  preference = defaultPreference,
  emailChannelOn,
}: {
  readonly roles: readonly string[];
  readonly preference?: ChannelPreference | undefined;
  readonly emailChannelOn: boolean;
}): boolean {
  return emailChannelOn && preference.email && roles.includes('PROGRAMME_MANAGER');
}
