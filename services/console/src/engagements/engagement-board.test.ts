// The board's columns, card order, whose move it is, overdue marks and current deadlines.
import { describe, expect, it } from '@jest/globals';
import type { EngagementSummary } from '../gateway/api-types.ts';
import { currentDeadline, engagementBoard, waitingOn, wasAlreadyOpen } from './engagement-board.ts';

const summary = (
  engagementId: string,
  changes: Partial<EngagementSummary> = {},
): EngagementSummary => ({
  engagementId,
  partnerState: 'KE',
  cycle: Number(engagementId.slice(-4)),
  stage: 'KICK_OFF',
  state: 'ACTIVE',
  awaitingReview: false,
  overdue: false,
  workflowStatus: 'RUNNING',
  openedAt: '2026-01-01T00:00:00Z',
  ...changes,
});

describe("the officer's board", () => {
  it('has a column for every stage, in the order of the lifecycle', () => {
    const columns = engagementBoard([
      summary('engagement-KE-2031', { stage: 'NEEDS_ASSESSMENT' }),
      summary('engagement-KE-2032', { stage: 'COMPLETED', state: 'COMPLETED' }),
      summary('engagement-KE-2033', { stage: null, state: null }),
    ]);
    expect(
      columns.map(({ stage, cards }) => [stage, cards.map((c) => c.engagement.cycle)]),
    ).toEqual([
      ['KICK_OFF', [2033]],
      ['NEEDS_ASSESSMENT', [2031]],
      ['TAILORED_TRAINING', []],
      ['STRATEGY_ADOPTION', []],
      ['COMPLETED', [2032]],
    ]);
  });

  it('puts overdue cards first, then open ones by latest opened, closed ones last', () => {
    const [kickOff] = engagementBoard([
      summary('engagement-KE-2041', { openedAt: '2026-02-01T00:00:00Z' }),
      summary('engagement-KE-2042', { state: 'CANCELLED', openedAt: '2026-03-01T00:00:00Z' }),
      summary('engagement-KE-2043', { overdue: true, openedAt: '2025-01-01T00:00:00Z' }),
      summary('engagement-KE-2044', { openedAt: '2026-02-15T00:00:00Z' }),
      summary('engagement-KE-2045', { workflowStatus: 'TERMINATED', overdue: true }),
    ]);
    expect(
      kickOff?.cards.map((card) => [card.engagement.cycle, card.overdue, card.closed]),
    ).toEqual([
      [2043, true, false],
      [2044, false, false],
      [2041, false, false],
      [2042, false, true],
      [2045, false, true],
    ]);
    expect(kickOff?.overdue).toBe(1);
  });

  it("says whose move it is in each state, and nobody's once closed", () => {
    expect(waitingOn('ACTIVE')).toBe('PROGRAMME_OFFICER');
    expect(waitingOn('CHANGES_REQUESTED')).toBe('PROGRAMME_OFFICER');
    expect(waitingOn('AWAITING_REVIEW')).toBe('COMPLIANCE_REVIEWER');
    expect(waitingOn('SUSPENDED')).toBe('PROGRAMME_MANAGER');
    expect(waitingOn('COMPLETED')).toBeUndefined();
    const [card] =
      engagementBoard([
        summary('engagement-KE-2051', { state: 'AWAITING_REVIEW', workflowStatus: 'FAILED' }),
      ])[0]?.cards ?? [];
    expect(card?.waitingOn).toBeUndefined();
  });

  it("takes the review's deadline while awaiting review, else the stage's", () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const deadlines = {
      stageDays: 120,
      reviewDays: 14,
      reviewReminderDaysBefore: 3,
      stageDueAt: '2026-04-30T00:00:00Z',
      reviewDueAt: '2026-05-10T00:00:00Z',
    };
    expect(currentDeadline({ state: 'AWAITING_REVIEW', deadlines }, now)).toEqual({
      what: 'review',
      dueAt: '2026-05-10T00:00:00Z',
      overdue: false,
    });
    expect(currentDeadline({ state: 'CHANGES_REQUESTED', deadlines }, now)).toEqual({
      what: 'stage',
      dueAt: '2026-04-30T00:00:00Z',
      overdue: true,
    });
    expect(currentDeadline({ state: 'SUSPENDED', deadlines }, now)).toBeUndefined();
    expect(
      currentDeadline({ state: 'ACTIVE', deadlines: { ...deadlines, stageDueAt: null } }, now),
    ).toBeUndefined();
  });

  it('tells an engagement just opened from one found open already', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const position = { stage: 'KICK_OFF' as const, state: 'ACTIVE' as const };
    const entry = (at: string, action: 'OPEN' | 'RECORD_WORK') => ({
      at,
      by: 'officer-ke-1',
      action,
      from: position,
      to: position,
    });
    expect(wasAlreadyOpen({ history: [entry('2026-05-01T11:59:58Z', 'OPEN')] }, now)).toBe(false);
    expect(wasAlreadyOpen({ history: [entry('2026-05-01T11:30:00Z', 'OPEN')] }, now)).toBe(true);
    expect(
      wasAlreadyOpen(
        {
          history: [
            entry('2026-05-01T11:59:58Z', 'OPEN'),
            entry('2026-05-01T11:59:59Z', 'RECORD_WORK'),
          ],
        },
        now,
      ),
    ).toBe(true);
  });
});
