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
