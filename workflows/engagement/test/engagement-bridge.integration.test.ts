import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deadLetterTopic, toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import { darknetDelivery, kickOffReport, trainingPlan } from '@cttech/domain/samples';
import { KafkajsBroker, listDeadLetters, type EventConsumer } from '@cttech/messaging';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { resumeUpdate, suspendUpdate } from '../src/contract.ts';
import { createEngagementBridge } from '../src/engagement-bridge.ts';
import {
  approval,
  engagementWorker,
  manager,
  officer,
  PublishedEvents,
  reviewer,
  useTimeSkippingServer,
} from './engagement-harness.ts';
import {
  openEngagement,
  pendingReviewOf,
  refusalOf,
  reachTailoredTraining,
  realTimeClient,
  record,
  status,
  submit,
  type EngagementHandle,
} from './engagement-steps.ts';

const quiet = { warn: () => {}, error: () => {} };
let sequence = 0;

/** The compliance service's decision event on a pending review, as it would publish it. */
function milestoneDecided(
  handle: EngagementHandle,
  reviewRequestId: string,
  decidedBy = reviewer,
): EngagementEvent<'compliance.milestone-decided'> {
  sequence += 1;
  const [, partnerState = 'KE', cycle = '2026'] = handle.workflowId.split('-');
  return {
    id: `compliance/decision-${sequence}`,
    type: 'compliance.milestone-decided',
    version: 1,
    engagementId: handle.workflowId,
    partnerState,
    cycle: Number(cycle),
    occurredAt: new Date().toISOString(),
    data: {
      reviewRequestId,
      stage: 'KICK_OFF',
      decidedBy,
      decision: approval('KICK_OFF', reviewRequestId).decision as never,
    },
  };
}

describe('the bridge from Kafka into engagement workflows (real Kafka, time-skipping Temporal)', () => {
  let env: TestWorkflowEnvironment;
  let suite: TestSuite;
  let broker: KafkajsBroker;
  let bridge: EventConsumer;
  let worker: Worker;
  let running: Promise<void>;
  let complianceTopic: string;
  let activityTopic: string;
  const taskQueue = 'engagement-bridge';

  // declared before the test server's own clean-up so that it runs first: the bridge stops,
  // then the worker, then the server
  afterAll(async () => {
    await bridge.stop();
    await broker.disconnect();
    worker.shutdown();
    await running;
    await suite.close();
  });

  useTimeSkippingServer((started) => {
    env = started;
  });

  beforeAll(async () => {
    suite = openTestSuite('engagement bridge');
    [complianceTopic = '', activityTopic = ''] = await suite.createTopics(
      ['compliance-events', 'activity-events'],
      2,
    );
    await suite.createTopics(['compliance-events.dead-letter', 'activity-events.dead-letter']);
    broker = new KafkajsBroker({ brokers: suite.infrastructure.kafkaBrokers, clientId: suite.id });
    bridge = createEngagementBridge({
      broker,
      client: realTimeClient(env),
      topics: [complianceTopic, activityTopic],
      groupId: `${suite.id}.bridge`,
      logger: quiet,
    });
    await bridge.start();
    // one worker for the whole file: the bridge may still be delivering between tests
    worker = await engagementWorker(env, taskQueue, new PublishedEvents());
    running = worker.run();
  });

  async function awaitingKickOffReview(partnerState: string): Promise<{
    handle: EngagementHandle;
    reviewRequestId: string;
  }> {
    const handle = await openEngagement(env, taskQueue, partnerState, 2026);
    await record(handle, 'KICK_OFF_REPORT', kickOffReport);
    return { handle, reviewRequestId: pendingReviewOf(await submit(handle)).reviewRequestId };
  }

  it('advances the engagement on a decision from Kafka, once though it arrives twice', async () => {
    const { handle, reviewRequestId } = await awaitingKickOffReview('KE');
    const decided = toKafkaRecord(milestoneDecided(handle, reviewRequestId));
    await broker.publish([{ topic: complianceTopic, messages: [decided] }]);
    await broker.publish([{ topic: complianceTopic, messages: [decided] }]);

    const advanced = await waitFor(
      async () => {
        const current = await status(handle);
        return current.stage === 'NEEDS_ASSESSMENT' && current;
      },
      { what: 'the engagement advanced to the needs assessment' },
    );
    await waitFor(() => bridge.counts.handled >= 2, { what: 'both deliveries handled' });
    expect(advanced.history.filter((entry) => entry.by === reviewer)).toHaveLength(1);
    expect((await status(handle)).history).toEqual(advanced.history);
  });

  it('records a delivered training course from the activities service', async () => {
    const handle = await openEngagement(env, taskQueue, 'UG', 2026);
    await reachTailoredTraining(handle);
    await record(handle, 'TRAINING_PLAN', trainingPlan);
    const delivered: EngagementEvent<'activities.training-delivered'> = {
      id: 'activities/delivery-1',
      type: 'activities.training-delivered',
      version: 1,
      engagementId: handle.workflowId,
      partnerState: 'UG',
      cycle: 2026,
      occurredAt: new Date().toISOString(),
      data: { deliveredBy: officer, delivery: darknetDelivery },
    };
    await broker.publish([{ topic: activityTopic, messages: [toKafkaRecord(delivered)] }]);
    const current = await waitFor(
      async () => {
        const found = await status(handle);
        return found.record.trainingDeliveries.length > 0 && found;
      },
      { what: 'the delivery recorded in the engagement' },
    );
    expect(current.record.trainingDeliveries).toEqual([darknetDelivery]);
  });

  it('suspends the engagement on a human-rights hold, which only its lifting resumes', async () => {
    const { handle } = await awaitingKickOffReview('NG');
    const holdEvent = <Type extends 'placed' | 'lifted'>(kind: Type, id: string) => {
      const [, partnerState = 'NG', cycle = '2026'] = handle.workflowId.split('-');
      const header = {
        id,
        version: 1 as const,
        engagementId: handle.workflowId,
        partnerState,
        cycle: Number(cycle),
        occurredAt: new Date().toISOString(),
      };
      return kind === 'placed'
        ? ({
            ...header,
            type: 'compliance.human-rights-hold-placed',
            data: { holdId: 'hold-1', placedBy: reviewer },
          } satisfies EngagementEvent<'compliance.human-rights-hold-placed'>)
        : ({
            ...header,
            type: 'compliance.human-rights-hold-lifted',
            data: { holdId: 'hold-1', liftedBy: 'reviewer-2' },
          } satisfies EngagementEvent<'compliance.human-rights-hold-lifted'>);
    };
    const placed = toKafkaRecord(holdEvent('placed', 'compliance/hold-1-placed'));
    await broker.publish([{ topic: complianceTopic, messages: [placed, placed] }]);
    const held = await waitFor(
      async () => {
        const current = await status(handle);
        return current.state === 'SUSPENDED' && current;
      },
      { what: 'the engagement suspended by the hold' },
    );
    expect(held.humanRightsHold).toMatchObject({ holdId: 'hold-1', placedBy: reviewer });
    expect(held.pending).toMatchObject({ on: 'COMPLIANCE_REVIEWER' });
    expect(held.history.at(-1)).toMatchObject({ action: 'SUSPEND', by: reviewer });

    // the programme manager's resume does not override the hold, nor does a second hold stack
    const resume = await refusalOf(handle.executeUpdate(resumeUpdate, { args: [{ by: manager }] }));
    expect(resume.type).toBe('HUMAN_RIGHTS_HOLD');
    expect(resume.message).toContain('hold-1');
    const second = await refusalOf(
      handle.executeUpdate(suspendUpdate, {
        args: [{ by: reviewer, reason: 'another concern', holdId: 'hold-2' }],
      }),
    );
    expect(second.type).toBe('HUMAN_RIGHTS_HOLD');

    const lifted = toKafkaRecord(holdEvent('lifted', 'compliance/hold-1-lifted'));
    await broker.publish([{ topic: complianceTopic, messages: [lifted] }]);
    const resumed = await waitFor(
      async () => {
        const current = await status(handle);
        return current.state === 'AWAITING_REVIEW' && current;
      },
      { what: 'the engagement resumed where it was when the hold is lifted' },
    );
    expect(resumed.humanRightsHold).toBeNull();
    expect(resumed.history.at(-1)).toMatchObject({
      action: 'RESUME',
      by: 'reviewer-2',
      note: 'human-rights hold hold-1 lifted',
    });
    expect(resumed.history.filter((entry) => entry.action === 'SUSPEND')).toHaveLength(1);
  });

  it('keeps an engagement the manager suspended on hold until the hold is lifted', async () => {
    const { handle } = await awaitingKickOffReview('TJ');
    await handle.executeUpdate(suspendUpdate, {
      args: [{ by: manager, reason: 'elections in the partner state' }],
    });
    const held = await handle.executeUpdate(suspendUpdate, {
      args: [{ by: reviewer, reason: 'human-rights concern', holdId: 'hold-tj' }],
    });
    expect(held.state).toBe('SUSPENDED');
    expect(held.humanRightsHold?.holdId).toBe('hold-tj');
    expect(
      (await refusalOf(handle.executeUpdate(resumeUpdate, { args: [{ by: manager }] }))).type,
    ).toBe('HUMAN_RIGHTS_HOLD');
    const resumed = await handle.executeUpdate(resumeUpdate, {
      args: [{ by: 'reviewer-2', holdId: 'hold-tj' }],
    });
    expect(resumed.state).toBe('AWAITING_REVIEW');
  });

  it('dead-letters what no engagement can take, with the reason, and goes on', async () => {
    const { handle, reviewRequestId } = await awaitingKickOffReview('GH');
    const ghost = {
      ...milestoneDecided(handle, reviewRequestId),
      engagementId: 'engagement-ZZ-2026',
      partnerState: 'ZZ',
    };
    // the officer who submitted the milestone cannot sign it off: four eyes
    const ownWork = milestoneDecided(handle, reviewRequestId, officer);
    const proper = milestoneDecided(handle, reviewRequestId);
    await broker.publish([
      {
        topic: complianceTopic,
        messages: [toKafkaRecord(ghost), toKafkaRecord(ownWork), toKafkaRecord(proper)],
      },
    ]);

    await waitFor(
      async () => ((await status(handle)).stage === 'NEEDS_ASSESSMENT' ? true : undefined),
      { what: 'the proper decision applied after the refused ones', timeoutMs: 60_000 },
    );
    const letters = await waitFor(
      async () => {
        const found = await listDeadLetters(broker, deadLetterTopic(complianceTopic));
        return found.length >= 2 ? found : undefined;
      },
      { what: 'two dead letters' },
    );
    expect(
      letters.map(({ eventId, consumer, attempts }) => ({ eventId, consumer, attempts })),
    ).toEqual([
      { eventId: ghost.id, consumer: `${suite.id}.bridge`, attempts: 1 },
      { eventId: ownWork.id, consumer: `${suite.id}.bridge`, attempts: 1 },
    ]);
    expect(letters[0]?.reason).toBe(
      `no open engagement engagement-ZZ-2026 for compliance.milestone-decided ${ghost.id}`,
    );
    expect(letters[1]?.reason).toMatch(
      new RegExp(
        `^engagement ${handle.workflowId} refused compliance.milestone-decided ${ownWork.id}: .*`,
      ),
    );
    expect(letters[1]?.reason).toContain('cannot sign it off');
  });
});
