// Reading the signed-in user from a token's claims: roles, partner states, expiry.
import { describe, expect, it } from '@jest/globals';
import { hasExpired, hasRole, signedInUserOf, TokenClaimsError } from './token-claims.ts';

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenWith = (claims: unknown) =>
  `${segment({ alg: 'RS256', typ: 'JWT' })}.${segment(claims)}.signature`;

describe('the signed-in user from the access token', () => {
  it('reads the subject, name, roles, partner states and expiry', () => {
    const user = signedInUserOf(
      tokenWith({
        sub: 'reviewer-1',
        name: 'Demo compliance reviewer — Kenya & Nigeria',
        roles: ['COMPLIANCE_REVIEWER'],
        partner_states: ['KE', 'NG'],
        exp: 1_900_000_000,
      }),
    );
    expect(user).toEqual({
      userId: 'reviewer-1',
      name: 'Demo compliance reviewer — Kenya & Nigeria',
      roles: ['COMPLIANCE_REVIEWER'],
      partnerStates: ['KE', 'NG'],
      expiresAt: new Date(1_900_000_000_000),
    });
    expect(hasRole(user, 'COMPLIANCE_REVIEWER', 'OPERATOR')).toBe(true);
    expect(hasRole(user, 'PROGRAMME_OFFICER')).toBe(false);
  });

  it('ignores roles it does not know and falls back to the id for a name', () => {
    const user = signedInUserOf(
      tokenWith({ sub: 'operator-1', roles: ['OPERATOR', 'ADMIN', 7], partner_states: '*' }),
    );
    expect(user.name).toBe('operator-1');
    expect(user.roles).toEqual(['OPERATOR']);
    expect(user.partnerStates).toEqual([]);
    expect(user.expiresAt).toBeUndefined();
  });

  it('refuses what is not a token with a subject', () => {
    expect(() => signedInUserOf('not-a-token')).toThrow(TokenClaimsError);
    expect(() => signedInUserOf('a.%%%.c')).toThrow(TokenClaimsError);
    expect(() => signedInUserOf(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toThrow(
      'not a JSON object',
    );
    expect(() => signedInUserOf(tokenWith({ roles: ['OPERATOR'] }))).toThrow('no subject');
  });

  it('counts a token as expired a minute before its expiry', () => {
    const user = signedInUserOf(tokenWith({ sub: 'manager-1', exp: 1_000 }));
    expect(hasExpired(user, new Date(900_000))).toBe(false);
    expect(hasExpired(user, new Date(940_000))).toBe(true);
  });
});
