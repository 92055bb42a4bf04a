import { describe, expect, it } from '@jest/globals';
import { demoUser, demoUsers, mayAccessPartnerState, roles, type Principal } from './index.ts';

/** The partner states of the programme's kick-offs, which the demo programme seeds. */
const kickOffStates = ['GH', 'IQ', 'KE', 'NG', 'PH', 'TJ', 'UZ'];

const holding = (role: string, state: string): Principal[] =>
  demoUsers.filter(
    (user) =>
      user.roles.includes(role as (typeof roles)[number]) && mayAccessPartnerState(user, state),
  );

describe('the demo users', () => {
  it('have distinct ids, programme roles and partner states as ISO codes (or every state)', () => {
    const ids = demoUsers.map(({ userId }) => userId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const user of demoUsers) {
      expect(user.roles.length).toBeGreaterThan(0);
      for (const role of user.roles) expect(roles).toContain(role);
      expect(user.partnerStates.length).toBeGreaterThan(0);
      for (const state of user.partnerStates) expect(state).toMatch(/^([A-Z]{2}|\*)$/);
      expect(user.name).toMatch(/^Demo /);
    }
  });

  it('keep the first users as they were: the tests and the guides name them', () => {
    expect(
      ['officer-ke-1', 'officer-ng-1', 'reviewer-1', 'reviewer-2', 'manager-1', 'operator-1'].map(
        (userId) => {
          const user = demoUser(userId);
          return `${userId} ${user?.roles.join(',')} ${user?.partnerStates.join(',')}`;
        },
      ),
    ).toEqual([
      'officer-ke-1 PROGRAMME_OFFICER KE',
      'officer-ng-1 PROGRAMME_OFFICER NG',
      'reviewer-1 COMPLIANCE_REVIEWER KE,NG',
      'reviewer-2 COMPLIANCE_REVIEWER KE',
      'manager-1 PROGRAMME_MANAGER *',
      'operator-1 OPERATOR *',
    ]);
  });

  it.each(kickOffStates)(
    'give %s an officer and two reviewers, so that someone other than the submitter signs off',
    (state) => {
      expect(holding('PROGRAMME_OFFICER', state).length).toBeGreaterThanOrEqual(1);
      expect(holding('COMPLIANCE_REVIEWER', state).length).toBeGreaterThanOrEqual(2);
      expect(holding('PROGRAMME_MANAGER', state).map(({ userId }) => userId)).toEqual([
        'manager-1',
      ]);
    },
  );
});
