import {
  parseEngagementEvent,
  type EngagementEvent,
  type EventParseResult,
} from './engagement-events.ts';

/** The Kafka topics services share, one per producer. Dead letters go to `<topic>.dead-letter`. */
export const topics = {
  /** The engagement workflow's events (`engagement.*`, `training.*`). */
  engagementEvents: 'cttech.engagement-events',
  /** The compliance service's events (`compliance.*`). */
  complianceEvents: 'cttech.compliance-events',
  /** The activities service's events (`activities.*`). */
  activityEvents: 'cttech.activity-events',
} as const;

export function deadLetterTopic(topic: string): string {
  return `${topic}.dead-letter`;
}

/** W3C trace context, carried so one trace spans producer and consumer. */
export interface TraceContext {
  readonly traceparent: string;
  readonly tracestate?: string | undefined;
}

/** A Kafka record as the envelope sees it; header values as kafkajs delivers them. */
export interface KafkaRecord {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type ReceivedHeaders = Readonly<
  Record<string, Buffer | string | (Buffer | string)[] | undefined>
>;

/** Where the engagement workflow's events come from, as a CloudEvents `source`. */
export const engagementEventSource = '/cttech/workflows/engagement';

/** The CloudEvents `source` of an event: the part of the system that produces its type. */
export function eventSource(type: string): string {
  if (type.startsWith('compliance.')) return '/cttech/services/compliance';
  if (type.startsWith('activities.')) return '/cttech/services/activities';
  return engagementEventSource;
}

/**
 * An engagement event as a Kafka record in the CloudEvents 1.0 Kafka binding's binary mode:
 * the attributes in `ce_*` headers, the data as JSON in the value, keyed by the engagement so
 * one engagement's events stay in order.
 */
export function toKafkaRecord(event: EngagementEvent, trace?: TraceContext): KafkaRecord {
  return {
    key: event.engagementId,
    value: JSON.stringify(event.data),
    headers: {
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: eventSource(event.type),
      ce_type: event.type,
      ce_subject: event.engagementId,
      ce_time: event.occurredAt,
      ce_dataversion: String(event.version),
      ce_partnerstate: event.partnerState,
      ce_cycle: String(event.cycle),
      'content-type': 'application/json',
      ...(trace ? { traceparent: trace.traceparent } : {}),
      ...(trace?.tracestate ? { tracestate: trace.tracestate } : {}),
    },
  };
}

function header(headers: ReceivedHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

const requiredHeaders = [
  'ce_specversion',
  'ce_id',
  'ce_type',
  'ce_subject',
  'ce_time',
  'ce_dataversion',
  'ce_partnerstate',
  'ce_cycle',
] as const;

/**
 * Reads an engagement event back from a Kafka record: the event, or why it cannot be read
 * (a missing header, a CloudEvents version we do not speak, data that is not JSON, or an event
 * that does not match its type's schema). Never throws: a consumer dead-letters the reason.
 */
export function fromKafkaRecord(record: {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: ReceivedHeaders | undefined;
}): EventParseResult & { trace?: TraceContext } {
  const headers = record.headers ?? {};
  const missing = requiredHeaders.filter((name) => header(headers, name) === undefined);
  if (missing.length > 0) return { ok: false, reason: `missing header ${missing.join(', ')}` };
  if (header(headers, 'ce_specversion') !== '1.0') {
    return {
      ok: false,
      reason: `unsupported CloudEvents version ${header(headers, 'ce_specversion')}`,
    };
  }
  const contentType = header(headers, 'content-type') ?? 'application/json';
  if (!contentType.startsWith('application/json')) {
    return { ok: false, reason: `unsupported content-type ${contentType}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(record.value === null ? 'null' : record.value.toString());
  } catch (error) {
    return { ok: false, reason: `data is not JSON: ${(error as Error).message}` };
  }
  const parsed = parseEngagementEvent({
    id: header(headers, 'ce_id'),
    type: header(headers, 'ce_type'),
    version: Number(header(headers, 'ce_dataversion')),
    engagementId: header(headers, 'ce_subject'),
    partnerState: header(headers, 'ce_partnerstate'),
    cycle: Number(header(headers, 'ce_cycle')),
    occurredAt: header(headers, 'ce_time'),
    data,
  });
  if (!parsed.ok) return parsed;
  const key = record.key?.toString();
  if (key !== undefined && key !== parsed.event.engagementId) {
    return {
      ok: false,
      reason: `key ${key} is not the event's engagement ${parsed.event.engagementId}`,
    };
  }
  const traceparent = header(headers, 'traceparent');
  const tracestate = header(headers, 'tracestate');
  return traceparent ? { ...parsed, trace: { traceparent, tracestate } } : parsed;
}
