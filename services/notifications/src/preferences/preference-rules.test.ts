// What a recipient may choose of their channels.
import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@cttech/auth';
import { validateWith } from '@cttech/domain';
import { preferenceBody, preferenceProblems } from './preference-rules.ts';

const manager: Principal = {
  userId: 'manager-1',
  name: 'M',
  roles: ['PROGRAMME_MANAGER'],
  partnerStates: ['*'],
};
const officer: Principal = {
  userId: 'officer-ke-1',
  name: 'O',
  roles: ['PROGRAMME_OFFICER'],
  partnerStates: ['KE'],
};

describe('channel preferences', () => {
  it('need email and webhook as booleans, digestOnly optional, nothing else', () => {
    expect(validateWith(preferenceBody, { email: false, webhook: true })).toEqual({
      ok: true,
      value: { email: false, webhook: true, digestOnly: false },
    });
    const refused = validateWith(preferenceBody, { email: 'no', sms: true });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems).toEqual([
      { field: 'email', message: 'must be true or false' },
      { field: 'webhook', message: 'is required' },
      { field: 'sms', message: 'is not an expected field' },
    ]);
  });

  it('let a programme manager take the digest instead of an e-mail per notification', () => {
    expect(preferenceProblems(manager, { email: true, webhook: false, digestOnly: true })).toEqual(
      [],
    );
  });

  it('refuse the digest to anyone else, and a digest with e-mail off, naming digestOnly', () => {
    expect(preferenceProblems(officer, { email: true, webhook: true, digestOnly: true })).toEqual([
      { field: 'digestOnly', message: 'is for programme managers only' },
    ]);
    expect(preferenceProblems(manager, { email: false, webhook: true, digestOnly: true })).toEqual([
      { field: 'digestOnly', message: 'needs email on: the digest is an e-mail' },
    ]);
    expect(
      preferenceProblems(officer, { email: false, webhook: false, digestOnly: false }),
    ).toEqual([]);
  });
});
