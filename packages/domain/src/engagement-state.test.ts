import { describe, expect, it } from '@jest/globals';
import type { EngagementAction, EngagementPosition, EngagementState } from './engagement-state.ts';
import {
  allowedActions,
  applyEngagementAction,
  engagementActions,
  positionProblems,
} from './engagement-state.ts';

const at = (
  state: EngagementState,
  more: Partial<EngagementPosition> = {},
): EngagementPosition => ({
  stage: state === 'COMPLETED' ? 'COMPLETED' : 'NEEDS_ASSESSMENT',
  state,
  ...(state === 'SUSPENDED' ? { suspendedFrom: 'ACTIVE' } : {}),
  ...more,
});

function moved(position: EngagementPosition, action: EngagementAction): EngagementPosition {
  const result = applyEngagementAction(position, action);
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
  return result.position;
}

describe('applyEngagementAction: what each state allows', () => {
  it('ACTIVE: recording work keeps the engagement ACTIVE', () => {
    expect(moved(at('ACTIVE'), 'RECORD_WORK')).toEqual(at('ACTIVE'));
  });

  it('ACTIVE: submitting the milestone puts it AWAITING_REVIEW at the same stage', () => {
    expect(moved(at('ACTIVE'), 'SUBMIT_MILESTONE')).toEqual({
      stage: 'NEEDS_ASSESSMENT',
      state: 'AWAITING_REVIEW',
    });
  });

  it.each(['KICK_OFF', 'NEEDS_ASSESSMENT', 'TAILORED_TRAINING'] as const)(
    'AWAITING_REVIEW: approval at %s starts the next stage ACTIVE',
    (stage) => {
      const following = {
        KICK_OFF: 'NEEDS_ASSESSMENT',
        NEEDS_ASSESSMENT: 'TAILORED_TRAINING',
        TAILORED_TRAINING: 'STRATEGY_ADOPTION',
      }[stage];
      expect(moved({ stage, state: 'AWAITING_REVIEW' }, 'APPROVE')).toEqual({
        stage: following,
        state: 'ACTIVE',
      });
    },
  );

  it('AWAITING_REVIEW: approval of strategy adoption completes the engagement', () => {
    expect(moved({ stage: 'STRATEGY_ADOPTION', state: 'AWAITING_REVIEW' }, 'APPROVE')).toEqual({
      stage: 'COMPLETED',
      state: 'COMPLETED',
    });
  });

  it('AWAITING_REVIEW: requesting changes sends the stage back as CHANGES_REQUESTED', () => {
    expect(moved(at('AWAITING_REVIEW'), 'REQUEST_CHANGES')).toEqual({
      stage: 'NEEDS_ASSESSMENT',
      state: 'CHANGES_REQUESTED',
    });
  });

  it('CHANGES_REQUESTED: the officer records work and stays in CHANGES_REQUESTED', () => {
    expect(moved(at('CHANGES_REQUESTED'), 'RECORD_WORK')).toEqual(at('CHANGES_REQUESTED'));
  });

  it('CHANGES_REQUESTED: resubmitting puts the milestone AWAITING_REVIEW again', () => {
    expect(moved(at('CHANGES_REQUESTED'), 'SUBMIT_MILESTONE')).toEqual({
      stage: 'NEEDS_ASSESSMENT',
      state: 'AWAITING_REVIEW',
    });
  });

  it.each(['ACTIVE', 'AWAITING_REVIEW', 'CHANGES_REQUESTED'] as const)(
    '%s: suspending remembers the state, and resuming returns to it',
    (state) => {
      const suspended = moved(at(state), 'SUSPEND');
      expect(suspended).toEqual({
        stage: 'NEEDS_ASSESSMENT',
        state: 'SUSPENDED',
        suspendedFrom: state,
      });
      expect(moved(suspended, 'RESUME')).toEqual({ stage: 'NEEDS_ASSESSMENT', state });
    },
  );

  it.each(['ACTIVE', 'AWAITING_REVIEW', 'CHANGES_REQUESTED', 'SUSPENDED'] as const)(
    '%s: cancelling closes the engagement at its stage',
    (state) => {
      expect(moved(at(state), 'CANCEL')).toEqual({ stage: 'NEEDS_ASSESSMENT', state: 'CANCELLED' });
    },
  );

  it('walks an engagement from kick-off to completion, through changes requested and a suspension', () => {
    let position: EngagementPosition = { stage: 'KICK_OFF', state: 'ACTIVE' };
    const actions: EngagementAction[] = [
      'RECORD_WORK',
      'SUBMIT_MILESTONE',
      'REQUEST_CHANGES',
      'RECORD_WORK',
      'SUBMIT_MILESTONE',
      'APPROVE',
      'SUBMIT_MILESTONE',
      'SUSPEND',
      'RESUME',
      'APPROVE',
      'SUBMIT_MILESTONE',
      'APPROVE',
      'SUBMIT_MILESTONE',
      'APPROVE',
    ];
    for (const action of actions) position = moved(position, action);
    expect(position).toEqual({ stage: 'COMPLETED', state: 'COMPLETED' });
  });
});

describe('applyEngagementAction: every refusal', () => {
  const refused: [EngagementState, EngagementAction, RegExp][] = [
    ['ACTIVE', 'APPROVE', /no milestone is awaiting review/],
    ['ACTIVE', 'REQUEST_CHANGES', /no milestone is awaiting review/],
    ['ACTIVE', 'RESUME', /not suspended/],
    ['AWAITING_REVIEW', 'RECORD_WORK', /submitted milestone is frozen/],
    ['AWAITING_REVIEW', 'SUBMIT_MILESTONE', /already awaiting review/],
    ['AWAITING_REVIEW', 'RESUME', /not suspended/],
    ['CHANGES_REQUESTED', 'APPROVE', /no milestone is awaiting review/],
    ['CHANGES_REQUESTED', 'REQUEST_CHANGES', /no milestone is awaiting review/],
    ['CHANGES_REQUESTED', 'RESUME', /not suspended/],
    ['SUSPENDED', 'RECORD_WORK', /suspended; it must be resumed first/],
    ['SUSPENDED', 'SUBMIT_MILESTONE', /suspended; it must be resumed first/],
    ['SUSPENDED', 'APPROVE', /suspended; it must be resumed first/],
    ['SUSPENDED', 'REQUEST_CHANGES', /suspended; it must be resumed first/],
    ['SUSPENDED', 'SUSPEND', /suspended; it must be resumed first/],
    ...engagementActions.map((action): [EngagementState, EngagementAction, RegExp] => [
      'CANCELLED',
      action,
      /cancelled engagement is closed/,
    ]),
    ...engagementActions.map((action): [EngagementState, EngagementAction, RegExp] => [
      'COMPLETED',
      action,
      /completed engagement is closed/,
    ]),
  ];

  it.each(refused)('%s refuses %s', (state, action, reason) => {
    const result = applyEngagementAction(at(state), action);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.code).toBe('ACTION_NOT_ALLOWED');
    expect(result.refusal.message).toContain(
      `${action} is not allowed while the engagement is ${state}`,
    );
    expect(result.refusal.message).toMatch(reason);
  });

  it('covers every action in every state: each is either allowed or refused', () => {
    for (const state of ['ACTIVE', 'AWAITING_REVIEW', 'CHANGES_REQUESTED', 'SUSPENDED'] as const) {
      const refusedHere = refused.filter(([s]) => s === state).map(([, action]) => action);
      expect([...allowedActions(at(state)), ...refusedHere].sort()).toEqual(
        [...engagementActions].sort(),
      );
    }
  });
});

describe('applyEngagementAction: inconsistent positions are refused', () => {
  it.each([
    ['COMPLETED state before the last stage', { stage: 'TAILORED_TRAINING', state: 'COMPLETED' }],
    ['COMPLETED stage in another state', { stage: 'COMPLETED', state: 'ACTIVE' }],
    [
      'SUSPENDED without the state it was suspended from',
      { stage: 'KICK_OFF', state: 'SUSPENDED' },
    ],
    [
      'suspendedFrom on an engagement that is not suspended',
      { stage: 'KICK_OFF', state: 'ACTIVE', suspendedFrom: 'AWAITING_REVIEW' },
    ],
  ] as [string, EngagementPosition][])('%s', (_name, position) => {
    const result = applyEngagementAction(position, 'CANCEL');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.code).toBe('INCONSISTENT_POSITION');
    expect(result.refusal.problems).toEqual(positionProblems(position));
    expect(positionProblems(position)).toHaveLength(1);
    expect(allowedActions(position)).toEqual([]);
  });

  it('finds nothing inconsistent in positions the rules produce', () => {
    expect(positionProblems({ stage: 'KICK_OFF', state: 'ACTIVE' })).toEqual([]);
    expect(positionProblems({ stage: 'COMPLETED', state: 'COMPLETED' })).toEqual([]);
    expect(
      positionProblems({
        stage: 'KICK_OFF',
        state: 'SUSPENDED',
        suspendedFrom: 'CHANGES_REQUESTED',
      }),
    ).toEqual([]);
  });
});

describe('allowedActions', () => {
  it.each([
    ['ACTIVE', ['RECORD_WORK', 'SUBMIT_MILESTONE', 'SUSPEND', 'CANCEL']],
    ['AWAITING_REVIEW', ['APPROVE', 'REQUEST_CHANGES', 'SUSPEND', 'CANCEL']],
    ['CHANGES_REQUESTED', ['RECORD_WORK', 'SUBMIT_MILESTONE', 'SUSPEND', 'CANCEL']],
    ['SUSPENDED', ['RESUME', 'CANCEL']],
    ['CANCELLED', []],
    ['COMPLETED', []],
  ] as [EngagementState, EngagementAction[]][])('%s allows %j', (state, actions) => {
    expect(allowedActions(at(state))).toEqual(actions);
  });
});
