export {
  defineEventType,
  engagementEventHeader,
  type EngagementEventHeader,
  type EventTypeVersion,
} from './event-type.ts';
export {
  engagementEventTypes,
  parseEngagementEvent,
  type EngagementEvent,
  type EngagementEventData,
  type EngagementEventType,
  type EventParseResult,
} from './engagement-events.ts';
export {
  deadLetterTopic,
  engagementEventSource,
  eventSource,
  fromKafkaRecord,
  toKafkaRecord,
  topics,
  type KafkaRecord,
  type ReceivedHeaders,
  type TraceContext,
} from './kafka-envelope.ts';
