// The rules: who is notified of each event, of dead letters and of failed workflows.
import { describe, expect, it } from '@jest/globals';
import type { EngagementEvent } from '@cttech/contracts';
import { deadLetterHeader, type ReceivedMessage } from '@cttech/messaging';
import { sampleEvent, sampleStaff } from '../../test/sample-events.ts';
import { recipientsOf } from './notification-rules.ts';
import { workflowFailureReport } from '../operations/workflow-watch.ts';
import { deadLetterReport, type Occurrence } from './occurrence.ts';

const event = (engagementEvent: EngagementEvent): Occurrence => ({
  kind: 'event',
  event: engagementEvent,
});

describe('who is notified of what', () => {
  it('asks the reviewers assigned to Kenya (or to every state) to review a Kenyan milestone, no one else', () => {
    const submitted = sampleEvent('engagement.milestone-submitted', 'KE', {
      data: { submittedBy: 'officer-ke-1', editedBy: ['officer-ke-1'] },
    });
    expect(recipientsOf(event(submitted), sampleStaff)).toEqual([
      'reviewer-1',
      'reviewer-2',
      'reviewer-all',
    ]);
  });

  it('leaves out the submitter and the stage’s editors, who may not decide it', () => {
    const submitted = sampleEvent('engagement.milestone-submitted', 'KE', {
      data: { submittedBy: 'reviewer-2', editedBy: ['officer-ke-1', 'reviewer-all'] },
    });
    expect(recipientsOf(event(submitted), sampleStaff)).toEqual(['reviewer-1']);
  });

  it('sends a Nigerian review’s reminder to Nigeria’s reviewers, not Kenya-only ones', () => {
    const reminder = sampleEvent('engagement.review-reminder', 'NG');
    expect(recipientsOf(event(reminder), sampleStaff)).toEqual([
      'reviewer-1',
      'reviewer-all',
      'reviewer-ng',
    ]);
  });

  it('escalates an overdue review to the programme managers only', () => {
    const escalated = sampleEvent('engagement.review-escalated', 'KE');
    expect(recipientsOf(event(escalated), sampleStaff)).toEqual(['manager-1', 'manager-2']);
  });

  it('tells the partner state’s officers of changes requested and of a stage signed off', () => {
    for (const type of ['engagement.changes-requested', 'engagement.stage-advanced'] as const) {
      expect(recipientsOf(event(sampleEvent(type, 'KE')), sampleStaff)).toEqual(['officer-ke-1']);
    }
  });

  it('tells the officers and the managers of an overdue stage, a suspension, a hold and a completion', () => {
    for (const type of [
      'engagement.stage-overdue',
      'engagement.suspended',
      'engagement.resumed',
      'engagement.cancelled',
      'compliance.human-rights-hold-placed',
      'compliance.human-rights-hold-lifted',
      'engagement.completed',
      'engagement.strategy-adopted',
    ] as const) {
      // the contract examples' actors (manager-1 suspends, reviewers hold) are not told
      const actors = ['manager-1', 'reviewer-1', 'reviewer-2'];
      const staff = sampleStaff.filter((member) => !actors.includes(member.userId));
      expect([type, recipientsOf(event(sampleEvent(type, 'NG')), staff)]).toEqual([
        type,
        ['manager-2', 'officer-ng-1'],
      ]);
    }
  });

  it('does not tell whoever did it: the manager who suspended, the reviewer who placed a hold', () => {
    const suspended = sampleEvent('engagement.suspended', 'KE', { data: { by: 'manager-1' } });
    expect(recipientsOf(event(suspended), sampleStaff)).toEqual(['manager-2', 'officer-ke-1']);
    const multiRole = [
      ...sampleStaff,
      {
        userId: 'officer-reviewer',
        roles: ['PROGRAMME_OFFICER', 'COMPLIANCE_REVIEWER'],
        partnerStates: ['KE'],
      },
    ];
    const hold = sampleEvent('compliance.human-rights-hold-placed', 'KE', {
      data: { placedBy: 'officer-reviewer' },
    });
    expect(recipientsOf(event(hold), multiRole)).not.toContain('officer-reviewer');
  });

  it('notifies a member of staff with two roles once', () => {
    const both = [
      { userId: 'both', roles: ['PROGRAMME_OFFICER', 'PROGRAMME_MANAGER'], partnerStates: ['KE'] },
    ];
    expect(recipientsOf(event(sampleEvent('engagement.stage-overdue', 'KE')), both)).toEqual([
      'both',
    ]);
  });

  it('notifies nobody of the event types no rule names', () => {
    for (const type of [
      'engagement.opened',
      'engagement.work-recorded',
      'training.course-status-changed',
      'training.course-delivered',
      'compliance.milestone-decided',
      'activities.training-delivered',
    ] as const) {
      expect(recipientsOf(event(sampleEvent(type, 'KE')), sampleStaff)).toEqual([]);
    }
  });

  it('tells every operator, whatever their partner states, of a dead letter', () => {
    const message: ReceivedMessage = {
      topic: 'cttech.engagement-events.dead-letter',
      partition: 0,
      offset: '7',
      key: 'engagement-KE-2026',
      value: '{}',
      headers: {
        ce_id: 'engagement-KE-2026/3',
        ce_type: 'engagement.milestone-submitted',
        ce_partnerstate: 'KE',
        [deadLetterHeader.reason]: 'unknown event type',
        [deadLetterHeader.topic]: 'cttech.engagement-events',
        [deadLetterHeader.consumer]: 'compliance',
      },
    };
    const deadLetter = deadLetterReport(message);
    if (!deadLetter) throw new Error('expected a dead letter');
    const staff = [
      ...sampleStaff,
      { userId: 'operator-ng', roles: ['OPERATOR'], partnerStates: ['NG'] },
    ];
    expect(recipientsOf({ kind: 'dead-letter', deadLetter }, staff)).toEqual([
      'operator-1',
      'operator-ng',
    ]);
  });

  it('tells every operator, and nobody else, of a failed workflow, even a Kenyan engagement’s', () => {
    const failure = workflowFailureReport({
      workflowId: 'engagement-KE-2026-course-osint-1',
      runId: 'run-1',
      type: 'trainingCourseWorkflow',
      status: { code: 3, name: 'FAILED' },
      closeTime: new Date('2026-11-22T10:00:00.000Z'),
    });
    if (!failure) throw new Error('expected a failed run');
    expect(failure).toMatchObject({
      id: 'workflow-failure:engagement-KE-2026-course-osint-1/run-1',
      engagementId: 'engagement-KE-2026',
      partnerState: 'KE',
    });
    expect(recipientsOf({ kind: 'workflow-failure', failure }, sampleStaff)).toEqual([
      'operator-1',
    ]);
  });

  it('reports failed and timed-out runs only: a terminated run was ended by someone on purpose', () => {
    const run = (name: string) =>
      workflowFailureReport({
        workflowId: 'probe',
        runId: 'run-1',
        type: 'engagementWorkflow',
        status: { code: 0, name } as Parameters<typeof workflowFailureReport>[0]['status'],
        closeTime: undefined,
      });
    expect(run('TIMED_OUT')).toMatchObject({ status: 'TIMED_OUT', engagementId: undefined });
    expect(run('TERMINATED')).toBeUndefined();
    expect(run('COMPLETED')).toBeUndefined();
  });
});
