import type { EventBroker, ReceivedMessage } from './broker.ts';

/** Headers a dead letter carries beside the original message's own. */
export const deadLetterHeader = {
  reason: 'cttech_dead_letter_reason',
  consumer: 'cttech_dead_letter_consumer',
  attempts: 'cttech_dead_letter_attempts',
  at: 'cttech_dead_letter_at',
  topic: 'cttech_dead_letter_topic',
  partition: 'cttech_dead_letter_partition',
  offset: 'cttech_dead_letter_offset',
  /** On a replayed message: the dead letter it came from (`topic/partition/offset`). */
  replayedFrom: 'cttech_replayed_from',
} as const;

const ownHeaders = new Set<string>(Object.values(deadLetterHeader));

export function deadLetterHeaders({
  message,
  reason,
  consumer,
  attempts,
}: {
  message: ReceivedMessage;
  reason: string;
  consumer: string;
  attempts: number;
}): Record<string, string> {
  return {
    [deadLetterHeader.reason]: reason,
    [deadLetterHeader.consumer]: consumer,
    [deadLetterHeader.attempts]: String(attempts),
    [deadLetterHeader.at]: new Date().toISOString(),
    [deadLetterHeader.topic]: message.topic,
    [deadLetterHeader.partition]: String(message.partition),
    [deadLetterHeader.offset]: message.offset,
  };
}

/** A message a consumer gave up on, as operators see it. */
export interface DeadLetter {
  /** Where the dead letter itself is: what {@link replayDeadLetter} takes. */
  readonly deadLetterTopic: string;
  readonly partition: number;
  readonly offset: string;
  /** Where the message was when it failed. */
  readonly original: {
    readonly topic: string;
    readonly partition: number;
    readonly offset: string;
  };
  readonly eventId: string | undefined;
  readonly eventType: string | undefined;
  readonly reason: string;
  readonly consumer: string;
  readonly attempts: number;
  readonly deadLetteredAt: string;
  readonly message: ReceivedMessage;
}

export class DeadLetterNotFoundError extends Error {
  constructor(topic: string, partition: number, offset: string) {
    super(`no dead letter at ${topic} partition ${partition} offset ${offset}`);
    this.name = 'DeadLetterNotFoundError';
  }
}

function asDeadLetter(message: ReceivedMessage): DeadLetter | undefined {
  const headers = message.headers;
  const topic = headers[deadLetterHeader.topic];
  const reason = headers[deadLetterHeader.reason];
  if (topic === undefined || reason === undefined) return undefined;
  return {
    deadLetterTopic: message.topic,
    partition: message.partition,
    offset: message.offset,
    original: {
      topic,
      partition: Number(headers[deadLetterHeader.partition]),
      offset: headers[deadLetterHeader.offset] ?? '',
    },
    eventId: headers.ce_id,
    eventType: headers.ce_type,
    reason,
    consumer: headers[deadLetterHeader.consumer] ?? '',
    attempts: Number(headers[deadLetterHeader.attempts] ?? 0),
    deadLetteredAt: headers[deadLetterHeader.at] ?? '',
    message,
  };
}

/** The dead letters on a dead-letter topic, oldest first per partition. */
export async function listDeadLetters(
  broker: EventBroker,
  deadLetterTopic: string,
): Promise<DeadLetter[]> {
  const messages = await broker.readTopic(deadLetterTopic);
  return messages.flatMap((message) => asDeadLetter(message) ?? []);
}

/**
 * Publishes a dead letter again to the topic it failed on, with its original key, value and
 * headers (and where it was replayed from), so the consumer tries it afresh. Replaying is
 * safe to repeat: consumers apply an event id once.
 */
export async function replayDeadLetter(
  broker: EventBroker,
  deadLetterTopic: string,
  at: { readonly partition: number; readonly offset: string },
): Promise<DeadLetter> {
  const deadLetter = (await listDeadLetters(broker, deadLetterTopic)).find(
    (candidate) => candidate.partition === at.partition && candidate.offset === at.offset,
  );
  if (!deadLetter) throw new DeadLetterNotFoundError(deadLetterTopic, at.partition, at.offset);
  const headers = Object.fromEntries(
    Object.entries(deadLetter.message.headers).filter(([name]) => !ownHeaders.has(name)),
  );
  await broker.publish([
    {
      topic: deadLetter.original.topic,
      messages: [
        {
          key: deadLetter.message.key ?? '',
          value: deadLetter.message.value ?? '',
          headers: {
            ...headers,
            [deadLetterHeader.replayedFrom]: `${deadLetterTopic}/${at.partition}/${at.offset}`,
          },
        },
      ],
    },
  ]);
  return deadLetter;
}
