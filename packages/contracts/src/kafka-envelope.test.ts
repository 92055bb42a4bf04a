import { describe, expect, it } from '@jest/globals';
import {
  engagementEventTypes,
  fromKafkaRecord,
  toKafkaRecord,
  type EngagementEvent,
} from './index.ts';

const header = {
  engagementId: 'engagement-KE-2026',
  partnerState: 'KE',
  cycle: 2026,
  occurredAt: '2026-11-22T10:00:00.000Z',
};

const events = engagementEventTypes.map(
  (definition, index) =>
    ({
      ...header,
      id: `engagement-KE-2026/${index + 1}`,
      type: definition.type,
      version: definition.version,
      data: definition.example,
    }) as EngagementEvent,
);

const received = (record: ReturnType<typeof toKafkaRecord>) => ({
  key: Buffer.from(record.key),
  value: Buffer.from(record.value),
  headers: Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, Buffer.from(v)])),
});

describe('the Kafka envelope (CloudEvents binary mode)', () => {
  it.each(events.map((event) => ({ name: event.type, event })))(
    '$name survives the round trip through Kafka headers and a JSON value',
    ({ event }) => {
      expect(fromKafkaRecord(received(toKafkaRecord(event)))).toEqual({ ok: true, event });
    },
  );

  it('keys by engagement and names the CloudEvents attributes in ce_ headers', () => {
    const record = toKafkaRecord(events[0] as EngagementEvent);
    expect(record.key).toBe('engagement-KE-2026');
    expect(record.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: 'engagement-KE-2026/1',
      ce_type: 'engagement.opened',
      ce_subject: 'engagement-KE-2026',
      'content-type': 'application/json',
    });
    expect(JSON.parse(record.value)).toEqual((events[0] as EngagementEvent).data);
  });

  it('names the producing part of the system as the CloudEvents source', () => {
    const sourceOf = (type: string) =>
      toKafkaRecord(events.find((event) => event.type === type) as EngagementEvent).headers
        .ce_source;
    expect(sourceOf('engagement.opened')).toBe('/cttech/workflows/engagement');
    expect(sourceOf('training.course-status-changed')).toBe('/cttech/workflows/engagement');
    expect(sourceOf('compliance.milestone-decided')).toBe('/cttech/services/compliance');
    expect(sourceOf('activities.training-delivered')).toBe('/cttech/services/activities');
  });

  it('carries the W3C trace context', () => {
    const trace = {
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      tracestate: 'cttech=1',
    };
    const read = fromKafkaRecord(received(toKafkaRecord(events[0] as EngagementEvent, trace)));
    expect(read).toMatchObject({ ok: true, trace });
  });

  it('says which headers are missing', () => {
    const record = received(toKafkaRecord(events[0] as EngagementEvent));
    const { ce_id: _id, ce_type: _type, ...headers } = record.headers;
    expect(fromKafkaRecord({ ...record, headers })).toEqual({
      ok: false,
      reason: 'missing header ce_id, ce_type',
    });
  });

  it('refuses a value that is not JSON, a foreign CloudEvents version and a key that is not the engagement', () => {
    const record = received(toKafkaRecord(events[0] as EngagementEvent));
    expect(fromKafkaRecord({ ...record, value: Buffer.from('{not json') })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^data is not JSON/),
    });
    expect(
      fromKafkaRecord({
        ...record,
        headers: { ...record.headers, ce_specversion: Buffer.from('0.3') },
      }),
    ).toEqual({ ok: false, reason: 'unsupported CloudEvents version 0.3' });
    expect(fromKafkaRecord({ ...record, key: Buffer.from('engagement-GH-2026') })).toMatchObject({
      ok: false,
    });
  });

  it('refuses data that does not match its type, naming the field', () => {
    const record = received(toKafkaRecord(events[0] as EngagementEvent));
    const read = fromKafkaRecord({
      ...record,
      value: Buffer.from(JSON.stringify({ openedBy: '' })),
    });
    expect(read).toMatchObject({ ok: false, reason: expect.stringMatching(/openedBy/) });
  });
});
