// Dead letters and consumer lag through the event broker (@cttech/messaging). No dead letter
// at that place is a 404; a broker that does not answer is a 503 naming Kafka.
import { deadLetterTopic } from '@cttech/contracts';
import {
  DeadLetterNotFoundError,
  listDeadLetters,
  replayDeadLetter,
  type DeadLetter,
  type EventBroker,
} from '@cttech/messaging';
import { GatewayError } from '../problem.ts';
import type {
  ConsumerGroup,
  ConsumerGroupLag,
  DeadLetterSummary,
  MessageOperations,
} from './operations.ts';

function summaryOf({ message: _message, ...letter }: DeadLetter): DeadLetterSummary {
  return letter;
}

async function onKafka<Value>(work: () => Promise<Value>): Promise<Value> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    if (error instanceof DeadLetterNotFoundError) {
      throw new GatewayError('NOT_FOUND', error.message, [], { cause: error });
    }
    throw new GatewayError('DEPENDENCY_UNAVAILABLE', 'Kafka did not answer; try again later', [], {
      cause: error,
    });
  }
}

export class BrokerMessageOperations implements MessageOperations {
  private readonly broker: EventBroker;
  private readonly groups: readonly ConsumerGroup[];

  constructor(broker: EventBroker, groups: readonly ConsumerGroup[]) {
    this.broker = broker;
    this.groups = groups;
  }

  deadLetters(topic: string): Promise<DeadLetterSummary[]> {
    return onKafka(async () =>
      (await listDeadLetters(this.broker, deadLetterTopic(topic))).map(summaryOf),
    );
  }

  replayDeadLetter(
    topic: string,
    at: { readonly partition: number; readonly offset: string },
  ): Promise<DeadLetterSummary> {
    return onKafka(async () =>
      summaryOf(await replayDeadLetter(this.broker, deadLetterTopic(topic), at)),
    );
  }

  consumerLag(): Promise<ConsumerGroupLag[]> {
    return onKafka(() =>
      Promise.all(
        this.groups.map(async ({ groupId, topics }) => {
          const partitions = await this.broker.consumerLag(groupId, topics);
          return {
            groupId,
            topics,
            lag: partitions.reduce((sum, { lag }) => sum + lag, 0),
            partitions,
          };
        }),
      ),
    );
  }
}
