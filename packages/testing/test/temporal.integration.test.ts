import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  openTestSuite,
  quietTemporalRuntime,
  workflowBundle,
  type TestSuite,
} from '../src/index.ts';
import * as activities from './fixtures/proof-activities.ts';
import { kickOffProof } from './fixtures/proof-workflows.ts';

const workflowsPath = fileURLToPath(new URL('./fixtures/proof-workflows.ts', import.meta.url));
const PartnerState = defineSearchAttributeKey('PartnerState', SearchAttributeType.KEYWORD);

describe('Temporal dev server (real)', () => {
  let suite: TestSuite;
  let client: Client;

  beforeAll(async () => {
    quietTemporalRuntime();
    suite = openTestSuite('temporal proof');
    client = new Client({
      connection: await suite.temporalConnection(),
      namespace: suite.infrastructure.temporalNamespace,
    });
  });

  afterAll(() => suite.close());

  it('runs a workflow and its activity on a real worker, started through @temporalio/client', async () => {
    const connection = await NativeConnection.connect({
      address: suite.infrastructure.temporalAddress,
    });
    try {
      const worker = await Worker.create({
        connection,
        namespace: suite.infrastructure.temporalNamespace,
        taskQueue: suite.taskQueue(),
        workflowBundle: await workflowBundle(workflowsPath),
        activities,
      });
      const workflowId = `${suite.id}-kick-off-KE`;
      const result = await worker.runUntil(
        client.workflow.execute(kickOffProof, {
          taskQueue: suite.taskQueue(),
          workflowId,
          args: ['Kenya'],
          typedSearchAttributes: [{ key: PartnerState, value: 'KE' }],
        }),
      );
      expect(result).toBe(`${workflowId}: kick-off recorded for Kenya by pid ${process.pid}`);

      const description = await client.workflow.getHandle(workflowId).describe();
      expect(description.status.name).toBe('COMPLETED');
      // the project's search attributes are registered on the server
      expect(description.typedSearchAttributes.get(PartnerState)).toBe('KE');
    } finally {
      await connection.close();
    }
  });
});
