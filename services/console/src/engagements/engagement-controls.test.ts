import { describe, expect, it } from '@jest/globals';
import type { ConsoleRole, SignedInUser } from '../session/token-claims.ts';
import { engagementControlsFor } from './engagement-controls.ts';

const userWith = (...roles: ConsoleRole[]): SignedInUser => ({
  userId: 'demo',
  name: 'Demo',
  roles,
  partnerStates: ['KE'],
  expiresAt: undefined,
});

const active = {
  state: 'ACTIVE',
  allowedActions: ['RECORD_WORK', 'SUBMIT_MILESTONE', 'SUSPEND', 'CANCEL'],
  humanRightsHold: null,
} as const;

const suspended = { state: 'SUSPENDED', allowedActions: ['RESUME', 'CANCEL'] } as const;
const hold = {
  holdId: '0b8f0c1e-3d1b-4a51-9f55-0d8d7b0f2a11',
  placedBy: 'reviewer-2',
  placedAt: '2026-11-20T09:00:00.000Z',
};

describe('the engagement controls a user is offered', () => {
  it('offers the manager suspend and cancel on an active engagement, resume once suspended', () => {
    const manager = userWith('PROGRAMME_MANAGER');
    expect(engagementControlsFor(manager, active)).toEqual(['SUSPEND', 'CANCEL']);
    expect(engagementControlsFor(manager, { ...suspended, humanRightsHold: null })).toEqual([
      'RESUME',
      'CANCEL',
    ]);
  });

  it('does not offer the manager resume while a human-rights hold is on', () => {
    const manager = userWith('PROGRAMME_MANAGER');
    expect(engagementControlsFor(manager, { ...suspended, humanRightsHold: hold })).toEqual([
      'CANCEL',
    ]);
  });

  it('offers a reviewer to put an open engagement on hold, or to lift the hold on it', () => {
    const reviewer = userWith('COMPLIANCE_REVIEWER');
    expect(engagementControlsFor(reviewer, active)).toEqual(['PLACE_HOLD']);
    expect(engagementControlsFor(reviewer, { ...suspended, humanRightsHold: hold })).toEqual([
      'LIFT_HOLD',
    ]);
  });

  it('offers nothing on a closed engagement, and nothing to officers or operators', () => {
    for (const state of ['COMPLETED', 'CANCELLED'] as const) {
      const closed = { state, allowedActions: [], humanRightsHold: null };
      expect(
        engagementControlsFor(userWith('PROGRAMME_MANAGER', 'COMPLIANCE_REVIEWER'), closed),
      ).toEqual([]);
    }
    expect(engagementControlsFor(userWith('PROGRAMME_OFFICER'), active)).toEqual([]);
    expect(engagementControlsFor(userWith('OPERATOR'), active)).toEqual([]);
  });
});
