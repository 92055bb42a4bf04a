import type { Problem, Refusal } from './refusals.ts';
import type { EngagementStage } from './stages.ts';
import { nextStage } from './stages.ts';

export const engagementStates = [
  'ACTIVE',
  'AWAITING_REVIEW',
  'CHANGES_REQUESTED',
  'SUSPENDED',
  'CANCELLED',
  'COMPLETED',
] as const;

export type EngagementState = (typeof engagementStates)[number];

/** The states an engagement can be suspended from, and so resumed to. */
export const suspendableStates = [
  'ACTIVE',
  'AWAITING_REVIEW',
  'CHANGES_REQUESTED',
] as const satisfies readonly EngagementState[];

export type SuspendableState = (typeof suspendableStates)[number];

export const engagementActions = [
  'RECORD_WORK',
  'SUBMIT_MILESTONE',
  'APPROVE',
  'REQUEST_CHANGES',
  'SUSPEND',
  'RESUME',
  'CANCEL',
] as const;

export type EngagementAction = (typeof engagementActions)[number];

/** Where an engagement stands: its stage, its state, and while suspended, what it was before. */
export interface EngagementPosition {
  readonly stage: EngagementStage;
  readonly state: EngagementState;
  readonly suspendedFrom?: SuspendableState | undefined;
}

export type EngagementTransition =
  | { readonly ok: true; readonly position: EngagementPosition }
  | { readonly ok: false; readonly refusal: Refusal };

type Move = (position: EngagementPosition) => EngagementPosition;

const stay: Move = (position) => position;

const moveTo =
  (state: 'AWAITING_REVIEW' | 'CHANGES_REQUESTED'): Move =>
  ({ stage }) => ({ stage, state });

const suspendFrom =
  (suspendedFrom: SuspendableState): Move =>
  ({ stage }) => ({ stage, state: 'SUSPENDED', suspendedFrom });

const resume: Move = ({ stage, suspendedFrom = 'ACTIVE' }) => ({ stage, state: suspendedFrom });

const cancel: Move = ({ stage }) => ({ stage, state: 'CANCELLED' });

/** Sign-off ends the stage: the next stage starts ACTIVE, or after the last one, COMPLETED. */
const approve: Move = ({ stage }) => {
  const following = nextStage(stage) ?? 'COMPLETED';
  return following === 'COMPLETED'
    ? { stage: 'COMPLETED', state: 'COMPLETED' }
    : { stage: following, state: 'ACTIVE' };
};

const moves: Readonly<Record<EngagementState, Partial<Record<EngagementAction, Move>>>> = {
  ACTIVE: {
    RECORD_WORK: stay,
    SUBMIT_MILESTONE: moveTo('AWAITING_REVIEW'),
    SUSPEND: suspendFrom('ACTIVE'),
    CANCEL: cancel,
  },
  AWAITING_REVIEW: {
    APPROVE: approve,
    REQUEST_CHANGES: moveTo('CHANGES_REQUESTED'),
    SUSPEND: suspendFrom('AWAITING_REVIEW'),
    CANCEL: cancel,
  },
  CHANGES_REQUESTED: {
    RECORD_WORK: stay,
    SUBMIT_MILESTONE: moveTo('AWAITING_REVIEW'),
    SUSPEND: suspendFrom('CHANGES_REQUESTED'),
    CANCEL: cancel,
  },
  SUSPENDED: { RESUME: resume, CANCEL: cancel },
  CANCELLED: {},
  COMPLETED: {},
};

/**
 * Applies one action to an engagement's position: the new position, or a refusal saying why
 * the action is not allowed in the current state.
 */
export function applyEngagementAction(
  position: EngagementPosition,
  action: EngagementAction,
): EngagementTransition {
  const inconsistencies = positionProblems(position);
  if (inconsistencies.length > 0) {
    return {
      ok: false,
      refusal: {
        code: 'INCONSISTENT_POSITION',
        message: `the engagement's position is inconsistent: ${inconsistencies.map((p) => p.message).join('; ')}`,
        problems: inconsistencies,
      },
    };
  }
  const move = moves[position.state][action];
  if (move === undefined) {
    return {
      ok: false,
      refusal: {
        code: 'ACTION_NOT_ALLOWED',
        message: `${action} is not allowed while the engagement is ${position.state}: ${reasonRefused(position.state, action)}`,
      },
    };
  }
  return { ok: true, position: move(position) };
}

/** The actions the engagement's state allows, in the order of {@link engagementActions}. */
export function allowedActions(position: EngagementPosition): EngagementAction[] {
  if (positionProblems(position).length > 0) return [];
  const allowed = moves[position.state];
  return engagementActions.filter((action) => allowed[action] !== undefined);
}

/** What is inconsistent about a position; none for a position the rules can produce. */
export function positionProblems(position: EngagementPosition): Problem[] {
  const { stage, state, suspendedFrom } = position;
  const problems: Problem[] = [];
  if ((stage === 'COMPLETED') !== (state === 'COMPLETED')) {
    problems.push({
      field: 'state',
      message: 'an engagement is in state COMPLETED exactly when it is at stage COMPLETED',
    });
  }
  if (
    state === 'SUSPENDED' &&
    !(suspendableStates as readonly string[]).includes(suspendedFrom ?? '')
  ) {
    problems.push({
      field: 'suspendedFrom',
      message: 'a suspended engagement must record the state it was suspended from',
    });
  }
  if (state !== 'SUSPENDED' && suspendedFrom !== undefined) {
    problems.push({
      field: 'suspendedFrom',
      message: 'only a suspended engagement records the state it was suspended from',
    });
  }
  return problems;
}

function reasonRefused(state: EngagementState, action: EngagementAction): string {
  switch (state) {
    case 'CANCELLED':
      return 'a cancelled engagement is closed';
    case 'COMPLETED':
      return 'a completed engagement is closed';
    case 'SUSPENDED':
      return 'the engagement is suspended; it must be resumed first';
    case 'AWAITING_REVIEW':
      if (action === 'RECORD_WORK') {
        return 'the submitted milestone is frozen until a compliance reviewer decides it';
      }
      if (action === 'SUBMIT_MILESTONE') return 'the milestone is already awaiting review';
      return 'the engagement is not suspended';
    case 'ACTIVE':
    case 'CHANGES_REQUESTED':
      if (action === 'RESUME') return 'the engagement is not suspended';
      return 'no milestone is awaiting review';
  }
}
