// Which of the engagement's controls a signed-in user is offered: the programme manager
// suspends, resumes or cancels as the engagement's state allows; a compliance reviewer puts an
// open engagement on hold for a human-rights concern, or lifts the hold on it. An engagement
// held for human rights resumes only by lifting the hold, so the manager is not offered resume.
import type { EngagementStatus } from '../gateway/api-types.ts';
import { hasRole, type SignedInUser } from '../session/token-claims.ts';

export type EngagementControl = 'SUSPEND' | 'RESUME' | 'CANCEL' | 'PLACE_HOLD' | 'LIFT_HOLD';

export function engagementControlsFor(
  user: SignedInUser,
  engagement: Pick<EngagementStatus, 'state' | 'allowedActions' | 'humanRightsHold'>,
): EngagementControl[] {
  const allowed = new Set(engagement.allowedActions);
  const held = engagement.humanRightsHold !== null;
  const controls: EngagementControl[] = [];
  if (hasRole(user, 'PROGRAMME_MANAGER')) {
    if (allowed.has('SUSPEND')) controls.push('SUSPEND');
    if (allowed.has('RESUME') && !held) controls.push('RESUME');
    if (allowed.has('CANCEL')) controls.push('CANCEL');
  }
  const closed = engagement.state === 'COMPLETED' || engagement.state === 'CANCELLED';
  if (hasRole(user, 'COMPLIANCE_REVIEWER') && !closed) {
    controls.push(held ? 'LIFT_HOLD' : 'PLACE_HOLD');
  }
  return controls;
}
