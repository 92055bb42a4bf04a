import { describe, expect, it } from '@jest/globals';
import { signInChoices } from './demo-users.ts';

describe('the demo users to sign in as', () => {
  it('lists officers, reviewers, the manager and the operator in that order, in words', () => {
    const choices = signInChoices([
      { userId: 'operator-1', name: 'Demo operator', roles: ['OPERATOR'], partnerStates: ['*'] },
      {
        userId: 'reviewer-1',
        name: 'Demo compliance reviewer',
        roles: ['COMPLIANCE_REVIEWER'],
        partnerStates: ['KE', 'NG'],
      },
      {
        userId: 'officer-ng-1',
        name: 'Demo officer (Nigeria)',
        roles: ['PROGRAMME_OFFICER'],
        partnerStates: ['NG'],
      },
      {
        userId: 'officer-gh-1',
        name: 'Demo officer (Ghana)',
        roles: ['PROGRAMME_OFFICER'],
        partnerStates: ['GH'],
      },
      {
        userId: 'manager-1',
        name: 'Demo programme manager',
        roles: ['PROGRAMME_MANAGER'],
        partnerStates: ['*'],
      },
    ]);
    expect(choices).toEqual([
      { userId: 'officer-gh-1', description: 'Programme officer · Ghana' },
      { userId: 'officer-ng-1', description: 'Programme officer · Nigeria' },
      { userId: 'reviewer-1', description: 'Compliance reviewer · Kenya, Nigeria' },
      { userId: 'manager-1', description: 'Programme manager · every partner state' },
      { userId: 'operator-1', description: 'Operator · every partner state' },
    ]);
  });
});
