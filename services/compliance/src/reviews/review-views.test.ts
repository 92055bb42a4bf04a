import { describe, expect, it } from '@jest/globals';
import type { Review } from './review-repository.ts';
import { reviewSummary } from './review-views.ts';

const review = (status: 'OPEN' | 'DECIDED', dueAt: string): Review => ({
  id: '0b7a6c4e-2f1d-4e5a-9c3b-8d7e6f5a4b3c',
  reviewRequestId: 'engagement-KE-2026/3',
  engagementId: 'engagement-KE-2026',
  partnerState: 'KE',
  cycle: 2026,
  stage: 'KICK_OFF',
  submittedBy: 'officer-ke-1',
  editedBy: ['officer-ke-1'],
  submittedAt: new Date('2026-11-01T09:00:00.000Z'),
  dueAt: new Date(dueAt),
  checklist: ['HRDD_RISK_ASSESSMENT'],
  status,
  decidedBy: null,
  decidedAt: null,
  outcome: null,
});

describe('reviewSummary', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');

  it('marks an open review past its due time as overdue', () => {
    expect(reviewSummary(review('OPEN', '2026-11-22T11:59:59.000Z'), now).overdue).toBe(true);
    expect(reviewSummary(review('OPEN', '2026-11-22T12:00:01.000Z'), now).overdue).toBe(false);
  });

  it('never marks a decided review overdue', () => {
    expect(reviewSummary(review('DECIDED', '2026-11-01T00:00:00.000Z'), now).overdue).toBe(false);
  });
});
