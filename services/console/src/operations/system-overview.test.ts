// The operator's overview: counts by state, troubled workflows in words, overdue reviews.
import { describe, expect, it } from '@jest/globals';
import type { EngagementSummary, ReviewSummary, WorkflowOverview } from '../gateway/api-types.ts';
import {
  countByState,
  deadLetterTopics,
  errorWords,
  overdueReviews,
  temporalWorkflowUrl,
  troubledWorkflows,
} from './system-overview.ts';

describe("the operator's overview", () => {
  it('counts the engagements in every state', () => {
    const listed = [
      { state: 'ACTIVE' },
      { state: 'ACTIVE' },
      { state: 'AWAITING_REVIEW' },
      { state: null },
    ] as EngagementSummary[];
    expect(countByState(listed)).toEqual([
      { state: 'ACTIVE', count: 2 },
      { state: 'AWAITING_REVIEW', count: 1 },
      { state: 'CHANGES_REQUESTED', count: 0 },
      { state: 'SUSPENDED', count: 0 },
      { state: 'CANCELLED', count: 0 },
      { state: 'COMPLETED', count: 0 },
      { state: null, count: 1 },
    ]);
  });

  it('lists failed and stuck workflows with their last error, outermost first', () => {
    const overview: WorkflowOverview = {
      byExecutionStatus: { RUNNING: 3, FAILED: 1 },
      byStage: { KICK_OFF: 3 },
      failed: [
        {
          engagementId: 'engagement-KE-2030',
          workflowStatus: 'FAILED',
          openedAt: '2026-01-01T00:00:00Z',
          closedAt: '2026-01-02T00:00:00Z',
          lastError: {
            message: 'Activity task failed',
            causes: [{ message: 'bad submission', type: 'ValidationError' }],
          },
        },
        {
          engagementId: 'engagement-NG-2031',
          workflowStatus: 'TERMINATED',
          openedAt: '2026-01-01T00:00:00Z',
          lastError: undefined,
        },
      ],
      stuck: [
        {
          engagementId: 'engagement-KE-2032',
          openedAt: '2026-01-01T00:00:00Z',
          failingActivities: [
            {
              activityType: 'publishEngagementEvents',
              attempt: 4,
              lastError: { message: 'broker down', type: 'KafkaJSError', causes: [] },
              lastAttemptEndedAt: '2026-01-03T00:00:00Z',
            },
          ],
          failingWorkflowTask: { attempt: 2, lastError: { message: 'nondeterminism', causes: [] } },
        },
      ],
      stuckSearch: { examined: 3, limit: 200, complete: true },
    };
    expect(troubledWorkflows(overview)).toEqual([
      {
        engagementId: 'engagement-KE-2030',
        condition: 'FAILED',
        failing: undefined,
        lastError: 'Activity task failed ← ValidationError: bad submission',
        since: '2026-01-02T00:00:00Z',
      },
      {
        engagementId: 'engagement-NG-2031',
        condition: 'TERMINATED',
        failing: undefined,
        lastError: errorWords(undefined),
        since: undefined,
      },
      {
        engagementId: 'engagement-KE-2032',
        condition: 'STUCK',
        failing: 'activity publishEngagementEvents (attempt 4)',
        lastError: 'KafkaJSError: broker down',
        since: '2026-01-03T00:00:00Z',
      },
      {
        engagementId: 'engagement-KE-2032',
        condition: 'STUCK',
        failing: 'workflow task (attempt 2)',
        lastError: 'nondeterminism',
        since: undefined,
      },
    ]);
  });

  it("links each workflow to Temporal's UI", () => {
    expect(temporalWorkflowUrl('engagement-KE-2026')).toBe(
      'http://127.0.0.1:58233/namespaces/default/workflows/engagement-KE-2026',
    );
  });

  it('keeps the open reviews past their deadline, the longest overdue first', () => {
    const review = (id: string, status: 'OPEN' | 'DECIDED', overdue: boolean, dueAt: string) =>
      ({ id, status, overdue, dueAt }) as ReviewSummary;
    expect(
      overdueReviews([
        review('a', 'OPEN', true, '2026-02-01'),
        review('b', 'OPEN', false, '2026-01-01'),
        review('c', 'DECIDED', false, '2025-01-01'),
        review('d', 'OPEN', true, '2026-01-15'),
      ]).map(({ id }) => id),
    ).toEqual(['d', 'a']);
  });

  it('reads the topics whose dead letters may be listed from the API document', () => {
    const document = {
      paths: {
        '/api/v1/operations/dead-letters': {
          get: {
            parameters: [
              {
                name: 'topic',
                in: 'query',
                schema: {
                  type: 'string',
                  enum: ['cttech.engagement-events', 'cttech.compliance-events'],
                },
              },
            ],
          },
        },
      },
    };
    expect(deadLetterTopics(document)).toEqual([
      'cttech.engagement-events',
      'cttech.compliance-events',
    ]);
    expect(deadLetterTopics({ paths: {} })).toEqual([]);
    expect(deadLetterTopics(null)).toEqual([]);
  });
});
