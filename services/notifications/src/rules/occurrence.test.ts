// Dead letters read from their headers, as operators are told of them.
import { describe, expect, it } from '@jest/globals';
import { deadLetterHeader, type ReceivedMessage } from '@cttech/messaging';
import { deadLetterReport, occurrenceHeader } from './occurrence.ts';

const deadLetter = (headers: Record<string, string>): ReceivedMessage => ({
  topic: 'cttech.compliance-events.dead-letter',
  partition: 0,
  offset: '41',
  key: 'engagement-NG-2027',
  value: 'not json',
  headers,
});

describe('a dead letter as operators are told of it', () => {
  it('reads where it failed, why and which consumer gave up, from the dead-letter headers', () => {
    const report = deadLetterReport(
      deadLetter({
        ce_id: 'decision-1',
        ce_type: 'compliance.milestone-decided',
        ce_subject: 'engagement-NG-2027',
        ce_partnerstate: 'NG',
        [deadLetterHeader.reason]: 'data is not JSON',
        [deadLetterHeader.consumer]: 'engagement-bridge',
        [deadLetterHeader.attempts]: '1',
        [deadLetterHeader.at]: '2026-11-22T10:00:00.000Z',
        [deadLetterHeader.topic]: 'cttech.compliance-events',
        [deadLetterHeader.partition]: '2',
        [deadLetterHeader.offset]: '17',
      }),
    );
    expect(report).toEqual({
      id: 'dead-letter:cttech.compliance-events.dead-letter/0/41',
      deadLetterTopic: 'cttech.compliance-events.dead-letter',
      partition: 0,
      offset: '41',
      original: { topic: 'cttech.compliance-events', partition: '2', offset: '17' },
      eventId: 'decision-1',
      eventType: 'compliance.milestone-decided',
      engagementId: 'engagement-NG-2027',
      partnerState: 'NG',
      consumer: 'engagement-bridge',
      attempts: 1,
      reason: 'data is not JSON',
      deadLetteredAt: '2026-11-22T10:00:00.000Z',
    });
    if (!report) return;
    expect(occurrenceHeader({ kind: 'dead-letter', deadLetter: report })).toEqual({
      id: report.id,
      type: 'messaging.dead-lettered',
      engagementId: 'engagement-NG-2027',
      partnerState: 'NG',
      occurredAt: new Date('2026-11-22T10:00:00.000Z'),
    });
  });

  it('is no dead letter without the reason and original topic headers', () => {
    expect(deadLetterReport(deadLetter({ ce_id: 'x' }))).toBeUndefined();
  });

  it('takes the time it was read when the dead letter does not say when it was written', () => {
    const now = new Date('2026-11-23T08:00:00.000Z');
    const report = deadLetterReport(
      deadLetter({
        [deadLetterHeader.reason]: 'boom',
        [deadLetterHeader.topic]: 'cttech.compliance-events',
        ce_partnerstate: 'not a state',
      }),
      now,
    );
    expect(report).toMatchObject({
      deadLetteredAt: now.toISOString(),
      partnerState: undefined,
      eventId: undefined,
      consumer: 'an unnamed consumer',
    });
  });
});
