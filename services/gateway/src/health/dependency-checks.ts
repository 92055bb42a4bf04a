import type { EventBroker } from '@cttech/messaging';
import type { Client } from '@temporalio/client';
import type { ServiceClient } from '../services/service-client.ts';
import type { DependencyCheck } from './health.controller.ts';

/** Temporal answers for the gateway's namespace: a real call to the frontend. */
export function temporalCheck(client: Client): DependencyCheck {
  return {
    name: 'temporal',
    check: async () => {
      await client.workflowService.describeNamespace({ namespace: client.options.namespace });
    },
  };
}

/** Kafka answers a metadata request (the operators' dead letters and lag are read there). */
export function kafkaCheck(broker: EventBroker): DependencyCheck {
  return { name: 'kafka', check: () => broker.ensureTopics([]) };
}

/** A service behind the gateway says it is ready itself (its database and Kafka answer it). */
export function serviceCheck(service: ServiceClient): DependencyCheck {
  return { name: service.service, check: () => service.ready() };
}
