// The programme manager's escalations: overdue open reviews in words, with their escalation.
import { describe, expect, it } from '@jest/globals';
import type { InboxNotification, ReviewSummary } from '../gateway/api-types.ts';
import { escalationType, overdueReviewRows } from './escalation-rows.ts';

const review = (
  id: string,
  engagementId: string,
  dueAt: string,
  { overdue = true, status = 'OPEN' }: Partial<Pick<ReviewSummary, 'overdue' | 'status'>> = {},
): ReviewSummary => ({
  id,
  reviewRequestId: `${engagementId}/3`,
  engagementId,
  partnerState: engagementId.slice('engagement-'.length, 'engagement-'.length + 2),
  cycle: 2027,
  stage: 'KICK_OFF',
  submittedBy: 'officer-ke-1',
  submittedAt: '2027-01-10T09:00:00.000Z',
  dueAt,
  overdue,
  status,
  decidedBy: null,
  decidedAt: null,
  outcome: null,
});

const escalation = (engagementId: string, occurredAt: string, eventType = escalationType) =>
  ({
    id: `n-${engagementId}-${occurredAt}`,
    eventType,
    engagementId,
    occurredAt,
  }) as InboxNotification;

describe('the escalations of overdue reviews', () => {
  const now = new Date('2027-01-30T12:00:00.000Z');

  it('lists the open reviews past their deadline, the longest overdue first, in words', () => {
    const rows = overdueReviewRows(
      [
        review('r-ke', 'engagement-KE-2027', '2027-01-28T10:00:00.000Z'),
        review('r-ng', 'engagement-NG-2027', '2027-01-20T10:00:00.000Z'),
        review('r-gh', 'engagement-GH-2027', '2027-02-20T10:00:00.000Z', { overdue: false }),
        review('r-tz', 'engagement-TZ-2027', '2027-01-01T10:00:00.000Z', {
          overdue: false,
          status: 'DECIDED',
        }),
      ],
      [],
      now,
    );
    expect(rows).toEqual([
      {
        reviewId: 'r-ng',
        engagementId: 'engagement-NG-2027',
        partnerState: 'Nigeria',
        cycle: 2027,
        stage: 'Kick-off',
        waitingSince: '2027-01-10T09:00:00.000Z',
        dueAt: '2027-01-20T10:00:00.000Z',
        overdueBy: '11 days overdue',
        escalatedAt: null,
      },
      expect.objectContaining({
        reviewId: 'r-ke',
        partnerState: 'Kenya',
        overdueBy: '3 days overdue',
      }),
    ]);
  });

  it("marks when each review's escalation reached the manager, not an earlier review's", () => {
    const [row] = overdueReviewRows(
      [review('r-ke', 'engagement-KE-2027', '2027-01-28T10:00:00.000Z')],
      [
        // an escalation of the engagement's previous review, before this one was submitted
        escalation('engagement-KE-2027', '2026-12-01T10:00:00.000Z'),
        escalation('engagement-KE-2027', '2027-01-28T10:00:01.000Z'),
        escalation('engagement-NG-2027', '2027-01-20T10:00:00.000Z'),
        escalation('engagement-KE-2027', '2027-01-29T10:00:00.000Z', 'engagement.stage-overdue'),
      ],
      now,
    );
    expect(row?.escalatedAt).toBe('2027-01-28T10:00:01.000Z');
  });
});
