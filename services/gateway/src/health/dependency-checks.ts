import type { EventBroker } from '@cttech/messaging';
import type { Client } from '@temporalio/client';
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

/** The compliance service says it is ready itself (its database and Kafka answer it). */
export function complianceCheck(baseUrl: string): DependencyCheck {
  const url = `${baseUrl.replace(/\/+$/, '')}/health/ready`;
  return {
    name: 'compliance',
    check: async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { detail?: unknown };
        const detail = typeof problem.detail === 'string' ? `: ${problem.detail}` : '';
        throw new Error(`answered ${response.status}${detail}`);
      }
    },
  };
}
