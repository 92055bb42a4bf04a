// What a notification reports: an engagement event from one of the three topics, a message
// some consumer dead-lettered (both read from Kafka), or a workflow that failed (read from
// Temporal's visibility). None carries personal data.
import type { EngagementEvent } from '@cttech/contracts';
import { deadLetterHeader, type ReceivedMessage } from '@cttech/messaging';

/** A dead-lettered message as operators are told of it: where it failed, why; not its data. */
export interface DeadLetterReport {
  /** `dead-letter:<dead-letter topic>/<partition>/<offset>`: where the dead letter itself is. */
  readonly id: string;
  readonly deadLetterTopic: string;
  readonly partition: number;
  readonly offset: string;
  readonly original: {
    readonly topic: string;
    readonly partition: string;
    readonly offset: string;
  };
  readonly eventId: string | undefined;
  readonly eventType: string | undefined;
  readonly engagementId: string | undefined;
  readonly partnerState: string | undefined;
  readonly consumer: string;
  readonly attempts: number;
  readonly reason: string;
  /** ISO 8601. */
  readonly deadLetteredAt: string;
}

/** A workflow run that ended failed or timed out, as operators are told of it. */
export interface WorkflowFailureReport {
  /** `workflow-failure:<workflow id>/<run id>`: one report per run. */
  readonly id: string;
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: string;
  readonly status: 'FAILED' | 'TIMED_OUT';
  /** The engagement the run belongs to, when its id names one. */
  readonly engagementId: string | undefined;
  readonly partnerState: string | undefined;
  /** ISO 8601. */
  readonly closedAt: string;
}

export type Occurrence =
  | { readonly kind: 'event'; readonly event: EngagementEvent }
  | { readonly kind: 'dead-letter'; readonly deadLetter: DeadLetterReport }
  | { readonly kind: 'workflow-failure'; readonly failure: WorkflowFailureReport };

/** What every notification of an occurrence records beside its text. */
export interface OccurrenceHeader {
  readonly id: string;
  readonly type: string;
  readonly engagementId: string | undefined;
  readonly partnerState: string | undefined;
  readonly occurredAt: Date;
}

/** The event type a dead letter's notification is recorded under. */
export const deadLetterType = 'messaging.dead-lettered';

/** The event type a failed workflow's notification is recorded under. */
export const workflowFailureType = 'operations.workflow-failed';

export function occurrenceHeader(occurrence: Occurrence): OccurrenceHeader {
  if (occurrence.kind === 'event') {
    const { event } = occurrence;
    return {
      id: event.id,
      type: event.type,
      engagementId: event.engagementId,
      partnerState: event.partnerState,
      occurredAt: new Date(event.occurredAt),
    };
  }
  if (occurrence.kind === 'workflow-failure') {
    const { failure } = occurrence;
    return {
      id: failure.id,
      type: workflowFailureType,
      engagementId: failure.engagementId,
      partnerState: failure.partnerState,
      occurredAt: new Date(failure.closedAt),
    };
  }
  const { deadLetter } = occurrence;
  return {
    id: deadLetter.id,
    type: deadLetterType,
    engagementId: deadLetter.engagementId,
    partnerState: deadLetter.partnerState,
    occurredAt: new Date(deadLetter.deadLetteredAt),
  };
}

/**
 * A message on a dead-letter topic, read from the headers the consumer that gave up on it
 * added (see @cttech/messaging's dead letters); undefined when it has none of them.
 */
export function deadLetterReport(
  message: ReceivedMessage,
  now = new Date(),
): DeadLetterReport | undefined {
  const { headers } = message;
  const reason = headers[deadLetterHeader.reason];
  const topic = headers[deadLetterHeader.topic];
  if (reason === undefined || topic === undefined) return undefined;
  const at = headers[deadLetterHeader.at];
  const partnerState = headers.ce_partnerstate;
  return {
    id: `dead-letter:${message.topic}/${message.partition}/${message.offset}`,
    deadLetterTopic: message.topic,
    partition: message.partition,
    offset: message.offset,
    original: {
      topic,
      partition: headers[deadLetterHeader.partition] ?? '?',
      offset: headers[deadLetterHeader.offset] ?? '?',
    },
    eventId: headers.ce_id,
    eventType: headers.ce_type,
    engagementId: headers.ce_subject ?? (message.key || undefined),
    partnerState: partnerState && /^[A-Z]{2}$/.test(partnerState) ? partnerState : undefined,
    consumer: headers[deadLetterHeader.consumer] ?? 'an unnamed consumer',
    attempts: Number(headers[deadLetterHeader.attempts] ?? 0),
    reason,
    deadLetteredAt: at && !Number.isNaN(Date.parse(at)) ? at : now.toISOString(),
  };
}
