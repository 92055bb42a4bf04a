// The officer's board: engagements in columns by stage, each card saying whose move it is and
// marked when overdue; the current deadline of an engagement from its status.
import { engagementStages, type EngagementStage, type EngagementState } from '@cttech/domain';
import type { EngagementStatus, EngagementSummary } from '../gateway/api-types.ts';

export type WaitingOn = 'PROGRAMME_OFFICER' | 'COMPLIANCE_REVIEWER' | 'PROGRAMME_MANAGER';

export interface BoardCard {
  readonly engagement: EngagementSummary;
  /** Whose move it is; undefined once the engagement is closed. */
  readonly waitingOn: WaitingOn | undefined;
  /** Completed, cancelled, or its workflow no longer runs. */
  readonly closed: boolean;
  readonly overdue: boolean;
}

export interface BoardColumn {
  readonly stage: EngagementStage;
  readonly cards: readonly BoardCard[];
  readonly overdue: number;
}

/** Whose move it is in a state: the officer works, a reviewer decides, the manager resumes. */
export function waitingOn(state: EngagementState | null): WaitingOn | undefined {
  switch (state) {
    case 'ACTIVE':
    case 'CHANGES_REQUESTED':
      return 'PROGRAMME_OFFICER';
    case 'AWAITING_REVIEW':
      return 'COMPLIANCE_REVIEWER';
    case 'SUSPENDED':
      return 'PROGRAMME_MANAGER';
    default:
      return undefined;
  }
}

export function boardCard(engagement: EngagementSummary): BoardCard {
  const closed =
    engagement.state === 'COMPLETED' ||
    engagement.state === 'CANCELLED' ||
    engagement.workflowStatus !== 'RUNNING';
  return {
    engagement,
    waitingOn: closed ? undefined : waitingOn(engagement.state),
    closed,
    overdue: !closed && engagement.overdue,
  };
}

/**
 * One column per stage, in the lifecycle's order (every stage, even when empty). In a column:
 * overdue cards first, then those still open, then the closed; the latest opened first.
 * An engagement whose stage is not indexed yet has just been opened: it is at kick-off.
 */
export function engagementBoard(engagements: readonly EngagementSummary[]): BoardColumn[] {
  const cards = engagements.map(boardCard);
  return engagementStages.map((stage) => {
    const inStage = cards
      .filter(({ engagement }) => (engagement.stage ?? 'KICK_OFF') === stage)
      .sort(byUrgency);
    return { stage, cards: inStage, overdue: inStage.filter((card) => card.overdue).length };
  });
}

function byUrgency(a: BoardCard, b: BoardCard): number {
  const rank = (card: BoardCard) => (card.overdue ? 0 : card.closed ? 2 : 1);
  return (
    rank(a) - rank(b) ||
    b.engagement.openedAt.localeCompare(a.engagement.openedAt) ||
    a.engagement.engagementId.localeCompare(b.engagement.engagementId)
  );
}

export interface CurrentDeadline {
  readonly what: 'review' | 'stage';
  readonly dueAt: string;
  readonly overdue: boolean;
}

/** The deadline that runs now: the review's while awaiting review, else the stage's. */
export function currentDeadline(
  status: Pick<EngagementStatus, 'state' | 'deadlines'>,
  now: Date = new Date(),
): CurrentDeadline | undefined {
  const { state, deadlines } = status;
  const running =
    state === 'AWAITING_REVIEW'
      ? { what: 'review' as const, dueAt: deadlines.reviewDueAt }
      : state === 'ACTIVE' || state === 'CHANGES_REQUESTED'
        ? { what: 'stage' as const, dueAt: deadlines.stageDueAt }
        : undefined;
  if (running?.dueAt == null) return undefined;
  return {
    what: running.what,
    dueAt: running.dueAt,
    overdue: new Date(running.dueAt).getTime() < now.getTime(),
  };
}

/** How long after its opening an engagement still counts as just opened by this request. */
const justOpenedMs = 60_000;

/**
 * Whether opening answered with an engagement that was open before: it has moved on since, or
 * was opened more than a minute ago (opening the same partner state and cycle finds it).
 */
export function wasAlreadyOpen(
  status: Pick<EngagementStatus, 'history'>,
  now: Date = new Date(),
): boolean {
  const [opening, ...since] = status.history;
  if (opening === undefined || since.length > 0) return true;
  return now.getTime() - new Date(opening.at).getTime() > justOpenedMs;
}
