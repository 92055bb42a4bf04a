import { describe, expect, it } from '@jest/globals';
import { engagementEventTypes, parseEngagementEvent, type EngagementEventType } from './index.ts';

const header = {
  engagementId: 'engagement-KE-2026',
  partnerState: 'KE',
  cycle: 2026,
  occurredAt: '2026-11-22T10:00:00.000Z',
};

describe('engagement events', () => {
  it.each(engagementEventTypes.map((definition) => ({ name: definition.type, definition })))(
    '$name: its example parses',
    ({ definition }) => {
      const event = {
        ...header,
        id: 'engagement-KE-2026/1',
        type: definition.type,
        version: definition.version,
        data: definition.example,
      };
      expect(parseEngagementEvent(event)).toEqual({ ok: true, event });
    },
  );

  it('still parses a milestone submission written before it named the stage editors', () => {
    const written = {
      ...header,
      id: 'engagement-KE-2026/3',
      type: 'engagement.milestone-submitted',
      version: 1,
      data: {
        reviewRequestId: 'engagement-KE-2026/3',
        stage: 'KICK_OFF',
        submittedBy: 'officer-ke-1',
        reviewDueAt: '2026-12-06T10:00:00.000Z',
        checklist: ['HRDD_RISK_ASSESSMENT', 'STAKEHOLDER_MAPPING_GENDER'],
      },
    };
    expect(parseEngagementEvent(written)).toEqual({ ok: true, event: written });
  });

  it('still parses a course scheduled before the event carried its schedule', () => {
    const written = {
      ...header,
      id: 'engagement-KE-2026/9',
      type: 'training.course-status-changed',
      version: 1,
      data: { courseId: 'osint-nairobi-1', course: 'OSINT', status: 'SCHEDULED' },
    };
    expect(parseEngagementEvent(written)).toEqual({ ok: true, event: written });
  });

  it('names one type per version', () => {
    const keys = engagementEventTypes.map(
      (definition) => `${definition.type}@${definition.version}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses an unknown type or version, saying which', () => {
    expect(
      parseEngagementEvent({
        ...header,
        id: 'x/1',
        type: 'engagement.opened',
        version: 9,
        data: {},
      }),
    ).toEqual({
      ok: false,
      reason: 'unknown event type engagement.opened version 9',
    });
  });

  it('refuses data that does not match its type, naming the field', () => {
    const result = parseEngagementEvent({
      ...header,
      id: 'x/1',
      type: 'engagement.suspended',
      version: 1,
      data: { by: 'manager-1', reason: '', trainee: 'A. Person' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/reason/);
      expect(result.reason).toMatch(/trainee/);
    }
  });

  it('refuses a partner state that is not an ISO code', () => {
    const result = parseEngagementEvent({
      ...header,
      partnerState: 'Kenya',
      id: 'x/1',
      type: 'engagement.resumed',
      version: 1,
      data: { by: 'm' },
    });
    expect(result).toMatchObject({ ok: false });
  });
});

// compile-time: the union of event types is literal, not string
const knownType: EngagementEventType = 'engagement.stage-advanced';
void knownType;
