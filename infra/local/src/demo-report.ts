// What the demo programme prints: one line per partner state (where its engagement was left
// and whose move it is), then which demo user to sign in as for each role. Pure functions.
import type { EngagementState } from '@cttech/domain';
import type { EngagementView } from './demo-responses.ts';
import {
  demoManager,
  demoOperator,
  nextActors,
  stageWords,
  type DemoScenario,
} from './demo-scenarios.ts';

/** What a run did to one engagement. */
export type SeedOutcome =
  /** Opened now and taken through every step. */
  | 'CREATED'
  /** Found part of the way along (an interrupted run) and taken through the rest. */
  | 'CONTINUED'
  /** Found exactly where the demo leaves it: nothing changed. */
  | 'ALREADY_THERE'
  /** Found past where the demo leaves it (someone used the demo since): nothing changed. */
  | 'MOVED_ON';

export interface SeededState {
  readonly ok: true;
  readonly scenario: DemoScenario;
  readonly engagementId: string;
  readonly outcome: SeedOutcome;
  /** Steps taken by this run (0 when the engagement was already there). */
  readonly stepsTaken: number;
  readonly status: EngagementView;
}

export interface FailedState {
  readonly ok: false;
  readonly scenario: DemoScenario;
  readonly engagementId: string;
  /** The step that failed and the API's problem, in words. */
  readonly error: string;
}

export type StateResult = SeededState | FailedState;

const stateWords: Readonly<Record<EngagementState, string>> = {
  ACTIVE: 'active',
  AWAITING_REVIEW: 'awaiting review',
  CHANGES_REQUESTED: 'changes requested',
  SUSPENDED: 'suspended',
  CANCELLED: 'cancelled',
  COMPLETED: 'completed',
};

const roleWords = {
  PROGRAMME_OFFICER: 'programme officer',
  COMPLIANCE_REVIEWER: 'compliance reviewer',
  PROGRAMME_MANAGER: 'programme manager',
} as const;

/** "needs assessment, changes requested"; "completed". */
export function positionWords({ stage, state }: Pick<EngagementView, 'stage' | 'state'>): string {
  return stage === 'COMPLETED' ? 'completed' : `${stageWords(stage)}, ${stateWords[state]}`;
}

/** "reviewer-3 or reviewer-4". */
function either(users: readonly string[]): string {
  if (users.length <= 1) return users.join('');
  return `${users.slice(0, -1).join(', ')} or ${users.at(-1) ?? ''}`;
}

/** Whose move it is, in a sentence. */
export function nextMoveWords(scenario: DemoScenario, status: EngagementView): string {
  const { pending } = status;
  if (pending === null) {
    return status.state === 'COMPLETED'
      ? `Nobody's move: it counts in the programme's results (${demoManager}).`
      : `Nobody's move (${stateWords[status.state]}).`;
  }
  const actors = nextActors(scenario.team, pending, status.pendingReview?.submittedBy);
  return `Next: ${either(actors)} (${roleWords[pending.on]}) to ${pending.what}.`;
}

function outcomeWords(result: SeededState): string {
  const total = result.scenario.steps.length;
  switch (result.outcome) {
    case 'CREATED':
      return `seeded now, ${result.stepsTaken} steps`;
    case 'CONTINUED':
      return `finished now, ${result.stepsTaken} of ${total} steps; the others were there`;
    case 'ALREADY_THERE':
      return 'already there, nothing changed';
    case 'MOVED_ON':
      return 'already there and moved on since, left as it is';
  }
}

/** One line for a partner state: where it was left, whose move it is, what this run did. */
export function stateLine(result: StateResult): string {
  const head = `${result.scenario.name.padEnd(12)} ${result.engagementId.padEnd(19)}`;
  if (!result.ok) return `${head} FAILED: ${result.error}`;
  const { scenario, status } = result;
  const where =
    result.outcome === 'MOVED_ON'
      ? `${positionWords(status)} (the demo left it at ${positionWords(scenario.leftAt)})`
      : `${positionWords(status)}: ${scenario.story}`;
  return `${head} ${where}. ${nextMoveWords(scenario, status)} [${outcomeWords(result)}]`;
}

/** Which demo user to sign in as for each role, and what waits on them. */
export function signInGuide(results: readonly StateResult[], consoleUrl: string): string[] {
  const seeded = results.filter((result): result is SeededState => result.ok);
  const awaiting = (on: string) => seeded.filter(({ status }) => status.pending?.on === on);

  const officersToAct = awaiting('PROGRAMME_OFFICER').map(
    ({ scenario }) => `${scenario.team.officer} (${scenario.name})`,
  );
  const actingOfficers = new Set(
    awaiting('PROGRAMME_OFFICER').map(({ scenario }) => scenario.team.officer),
  );
  const otherOfficers = results
    .map(({ scenario }) => scenario.team.officer)
    .filter((officer) => !actingOfficers.has(officer));
  const officers = [
    officersToAct.length > 0 ? `${officersToAct.join(', ')} have a move to make` : '',
    otherOfficers.length > 0 ? `${otherOfficers.join(', ')} wait on others` : '',
  ].filter(Boolean);

  const reviewersFor = new Map<string, string[]>();
  for (const { scenario, status } of awaiting('COMPLIANCE_REVIEWER')) {
    const who = either(
      nextActors(scenario.team, status.pending, status.pendingReview?.submittedBy),
    );
    reviewersFor.set(who, [...(reviewersFor.get(who) ?? []), scenario.name]);
  }
  const reviewers = [...reviewersFor].map(([who, states]) => `${who} (${states.join(', ')})`);

  const completed = seeded
    .filter(({ status }) => status.state === 'COMPLETED')
    .map(({ scenario }) => scenario.name);
  const suspendedForManager = awaiting('PROGRAMME_MANAGER').map(({ scenario }) => scenario.name);
  const manager = [
    `${demoManager}: the results dashboard${completed.length > 0 ? ` (${completed.join(', ')} completed)` : ''}`,
    suspendedForManager.length > 0
      ? `resume or cancel ${suspendedForManager.join(', ')}`
      : 'suspend, resume or cancel any engagement',
  ].join('; ');

  return [
    `Sign in at ${consoleUrl} as a demo user (local only; never real people):`,
    `  programme officer    ${officers.join('; ') || 'none'}`,
    `  compliance reviewer  ${reviewers.length > 0 ? reviewers.join('; ') : 'nothing waits on a reviewer'}`,
    `  programme manager    ${manager}`,
    `  operator             ${demoOperator}: every engagement's workflow, dead letters, consumer lag`,
  ];
}
