// What a recipient may choose of their channels: e-mail and webhooks on or off and, for a
// programme manager, e-mail as the daily digest only. Pure: the shape is checked by the
// request pipe, the rules that depend on the caller here.
import type { Principal } from '@cttech/auth';
import type { Problem } from '@cttech/domain';
import { z } from 'zod';

export const preferenceBody = z.strictObject({
  email: z.boolean(),
  webhook: z.boolean(),
  /** Programme managers only: no e-mail per notification, the daily digest instead. */
  digestOnly: z.boolean().default(false),
});

export type PreferenceChoice = z.infer<typeof preferenceBody>;

/** What is wrong with the caller's choice, each naming its field; empty when it may stand. */
export function preferenceProblems(caller: Principal, choice: PreferenceChoice): Problem[] {
  if (!choice.digestOnly) return [];
  if (!caller.roles.includes('PROGRAMME_MANAGER')) {
    return [{ field: 'digestOnly', message: 'is for programme managers only' }];
  }
  if (!choice.email) {
    return [{ field: 'digestOnly', message: 'needs email on: the digest is an e-mail' }];
  }
  return [];
}
