// What the engagement workflow tests share: the time-skipping environment, a worker with a
// real activities implementation over an in-memory event port, the people, and decisions.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from '@jest/globals';
import type { EngagementEvent, EngagementEventType } from '@cttech/contracts';
import { complianceChecklist, type MilestoneStage } from '@cttech/domain';
import { localInfrastructure, quietTemporalRuntime, workflowBundle } from '@cttech/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { createEngagementActivities, type EngagementEventPublisher } from '../src/activities.ts';
import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { engagementSearchAttributes, type DecideMilestone } from '../src/contract.ts';

export const officer = 'officer-ke-1';
export const secondOfficer = 'officer-ke-2';
export const reviewer = 'reviewer-1';
export const manager = 'manager-1';

/** The event port as the worker sees it, keeping what was published (once per id). */
export class PublishedEvents implements EngagementEventPublisher {
  readonly events: EngagementEvent[] = [];

  async publish(event: EngagementEvent): Promise<void> {
    if (!this.events.some((published) => published.id === event.id)) this.events.push(event);
  }

  types(): EngagementEventType[] {
    return this.events.map((event) => event.type);
  }

  ofType<Type extends EngagementEventType>(type: Type): Extract<EngagementEvent, { type: Type }>[] {
    return this.events.filter(
      (event): event is Extract<EngagementEvent, { type: Type }> => event.type === type,
    );
  }
}

const workflowsPath = fileURLToPath(new URL('../src/workflows.ts', import.meta.url));
let bundle: Promise<WorkflowBundle> | undefined;

/** The workflow code, bundled once per test file. */
export function engagementBundle(): Promise<WorkflowBundle> {
  bundle ??= workflowBundle(workflowsPath);
  return bundle;
}

function indexedValueType(type: SearchAttributeType): temporal.api.enums.v1.IndexedValueType {
  const { IndexedValueType } = temporal.api.enums.v1;
  if (type === SearchAttributeType.KEYWORD) return IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  if (type === SearchAttributeType.BOOL) return IndexedValueType.INDEXED_VALUE_TYPE_BOOL;
  throw new Error(`no indexed value type for search attribute type ${type}`);
}

/** A time-skipping test server with the engagement's search attributes registered. */
export async function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: { type: 'existing-path', path: localInfrastructure().temporalTestServerPath },
    },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      Object.values(engagementSearchAttributes).map((key) => [
        key.name,
        indexedValueType(key.type),
      ]),
    ),
  });
  return env;
}

/**
 * Gives the enclosing describe block its own time-skipping server (started, with the workflow
 * bundled, before its tests; torn down after them) and hands it over through `ready`.
 */
export function useTimeSkippingServer(ready: (env: TestWorkflowEnvironment) => void): void {
  let env: TestWorkflowEnvironment | undefined;
  beforeAll(async () => {
    env = await timeSkippingEnvironment();
    await engagementBundle();
    ready(env);
  });
  afterAll(() => env?.teardown());
}

export async function engagementWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  events: PublishedEvents,
): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await engagementBundle(),
    activities: createEngagementActivities({ events }),
  });
}

let decisionCount = 0;

/** A reviewer's approval of a milestone: every criterion of the stage's checklist met. */
export function approval(
  stage: MilestoneStage,
  reviewRequestId: string,
  decidedBy = reviewer,
): DecideMilestone {
  decisionCount += 1;
  return {
    decisionId: `decision-${decisionCount}`,
    reviewRequestId,
    decidedBy,
    decision: {
      outcome: 'APPROVED',
      answers: complianceChecklist(stage).map((criterion) => ({
        criterionId: criterion.id,
        verdict: 'MET',
      })),
      findings: [],
    },
  };
}

/** A reviewer's request for changes: the first criterion not met, with a finding on it. */
export function changesRequested(
  stage: MilestoneStage,
  reviewRequestId: string,
  finding: string,
  decidedBy = reviewer,
): DecideMilestone {
  decisionCount += 1;
  const [first, ...rest] = complianceChecklist(stage);
  if (!first) throw new Error(`stage ${stage} has no checklist`);
  return {
    decisionId: `decision-${decisionCount}`,
    reviewRequestId,
    decidedBy,
    decision: {
      outcome: 'CHANGES_REQUESTED',
      answers: [
        { criterionId: first.id, verdict: 'NOT_MET', comment: finding },
        ...rest.map((criterion) => ({ criterionId: criterion.id, verdict: 'MET' })),
      ],
      findings: [{ criterionId: first.id, text: finding }],
    },
  };
}
