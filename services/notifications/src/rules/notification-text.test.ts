// What notifications say: engagement, stage, deadlines and dates; no free text that may name people.
import { describe, expect, it } from '@jest/globals';
import type { EngagementEvent } from '@cttech/contracts';
import { sampleEvent } from '../../test/sample-events.ts';
import { formatDate, formatInstant, notificationText } from './notification-text.ts';

const text = (event: EngagementEvent) => notificationText({ kind: 'event', event });

describe('what a notification says', () => {
  it('writes instants and days in plain words, in UTC', () => {
    expect(formatInstant('2026-12-06T10:00:00.000Z')).toBe('6 December 2026, 10:00 UTC');
    expect(formatInstant('2027-01-01T00:05:00+03:00')).toBe('31 December 2026, 21:05 UTC');
    expect(formatDate('2027-03-01')).toBe('1 March 2027');
  });

  it('names the engagement, stage, submitter and deadline of a review request', () => {
    const event = sampleEvent('engagement.milestone-submitted', 'KE', {
      engagementId: 'engagement-KE-2026',
      data: {
        stage: 'NEEDS_ASSESSMENT',
        reviewDueAt: '2026-12-06T10:00:00.000Z',
        reviewRequestId: 'engagement-KE-2026/9',
      },
    });
    expect(text(event)).toEqual({
      title: 'Review requested: Needs assessment milestone of engagement-KE-2026',
      body:
        'The Needs assessment milestone of engagement-KE-2026 (partner state KE) was submitted ' +
        'for compliance review by officer-ke-1 on 22 November 2026, 09:00 UTC. The review is ' +
        'due by 6 December 2026, 10:00 UTC. Review request engagement-KE-2026/9.',
    });
  });

  it('says an escalated review is overdue, with its deadline', () => {
    const { title, body } = text(sampleEvent('engagement.review-escalated', 'KE'));
    expect(title).toMatch(/^Review overdue: Kick-off milestone of engagement-KE-\d+$/);
    expect(body).toContain('was due by 6 December 2026, 10:00 UTC');
    expect(body).toContain('escalated to the programme managers');
  });

  it('leaves a suspension’s or cancellation’s free-text reason out (it may name people)', () => {
    for (const type of ['engagement.suspended', 'engagement.cancelled'] as const) {
      const event = sampleEvent(type, 'KE', {
        data: { by: 'manager-1', reason: 'Ms Example said so' },
      });
      const { title, body } = text(event);
      expect(`${title} ${body}`).not.toContain('Example');
      expect(body).toContain('by manager-1');
      expect(body).toContain("the reason is in the engagement's history");
    }
  });

  it('reports a stage signed off with the next stage’s deadline, or none', () => {
    const advanced = sampleEvent('engagement.stage-advanced', 'NG', {
      data: { fromStage: 'TAILORED_TRAINING', toStage: 'STRATEGY_ADOPTION', stageDueAt: null },
    });
    const { title, body } = text(advanced);
    expect(title).toMatch(
      /^Tailored training signed off: engagement-NG-\d+ moves to Strategy adoption$/,
    );
    expect(body).toMatch(/The engagement is now at Strategy adoption\.$/);
  });

  it('counts findings, trained investigators and recommendations in words', () => {
    expect(
      text(sampleEvent('engagement.changes-requested', 'KE', { data: { findingCount: 1 } })).body,
    ).toContain('1 finding to answer');
    expect(text(sampleEvent('engagement.completed', 'KE')).body).toContain(
      '42 investigators trained',
    );
    expect(text(sampleEvent('engagement.strategy-adopted', 'KE')).body).toContain(
      'adopted its action plan on 1 March 2027',
    );
  });
});
