export type {
  BatchProgress,
  EventBroker,
  OutgoingMessage,
  PartitionLag,
  ReceivedMessage,
  Subscription,
  SubscriptionOptions,
  TopicMessages,
  TopicSpec,
} from './broker.ts';
export {
  deadLetterHeader,
  DeadLetterNotFoundError,
  listDeadLetters,
  replayDeadLetter,
  type DeadLetter,
} from './dead-letters.ts';
export {
  EventConsumer,
  UnprocessableEventError,
  type ConsumerCounts,
  type ConsumerLogger,
  type EventConsumerOptions,
  type EventHandler,
  type RetryPolicy,
} from './event-consumer.ts';
export { EventFlow, type EventFlowOptions } from './event-flow.ts';
export { Inbox, type InboxOptions } from './inbox.ts';
export { KafkajsBroker, type KafkajsBrokerOptions } from './kafkajs-broker.ts';
export {
  appendToOutbox,
  outboxMessage,
  OutboxRelay,
  type OutboxMessage,
  type OutboxRelayOptions,
  type RelayLogger,
} from './outbox.ts';
export type { SqlDatabase, SqlTransaction, TransactionOptions } from './sql.ts';
