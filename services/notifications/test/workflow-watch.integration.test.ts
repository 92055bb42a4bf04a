// Failing workflows notify the operators: a workflow run that times out on the real Temporal
// server is found by the watch, told to every operator and nobody else, and told once however
// often the watch looks again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import { Client } from '@temporalio/client';
import type { NotificationView } from '../src/in-app/notification-views.ts';
import { NotificationIntake } from '../src/notification-intake.ts';
import { WorkflowWatch } from '../src/operations/workflow-watch.ts';
import { openNotificationsHarness, type NotificationsHarness } from './notifications-harness.ts';

describe('the workflow watch (real Temporal)', () => {
  let suite: TestSuite;
  let service: NotificationsHarness;
  let client: Client;

  beforeAll(async () => {
    suite = openTestSuite('notifications workflow watch');
    service = await openNotificationsHarness(suite);
    client = new Client({
      connection: await suite.temporalConnection(),
      namespace: suite.infrastructure.temporalNamespace,
    });
  });

  afterAll(async () => {
    await service?.close();
    await suite.close();
  });

  it("tells every operator, once, of an engagement's workflow run that timed out", async () => {
    // no worker polls this task queue: the run times out after a second, as a stuck one would
    const workflowId = `engagement-KE-2031-course-${suite.id}`;
    const started = await client.workflow.start('trainingCourseWorkflow', {
      workflowId,
      taskQueue: `${suite.id}-nobody-polls`,
      workflowExecutionTimeout: '1s',
      args: [],
    });
    await waitFor(async () => (await started.describe()).status.name === 'TIMED_OUT', {
      what: `${workflowId} timed out`,
    });

    const published: NotificationView[] = [];
    const watch = new WorkflowWatch({
      client,
      database: service.database,
      intake: new NotificationIntake({ emailChannelOn: false }),
      committed: (notifications) => published.push(...notifications),
    });
    // visibility is eventually consistent: look until the run is listed
    const made = await waitFor(
      async () => {
        const look = await watch.look();
        return look.some((notification) => notification.eventId.includes(workflowId))
          ? look.filter((notification) => notification.eventId.includes(workflowId))
          : undefined;
      },
      { what: `the watch finding ${workflowId}`, timeoutMs: 30_000 },
    );
    const operators = (await service.database.recipient.findMany())
      .filter(({ roles }) => roles.includes('OPERATOR'))
      .map(({ userId }) => userId);
    expect(operators.length).toBeGreaterThan(0);
    expect(made.map(({ recipientId }) => recipientId).sort()).toEqual(operators.sort());
    expect(made[0]).toMatchObject({
      eventId: `workflow-failure:${workflowId}/${started.firstExecutionRunId}`,
      eventType: 'operations.workflow-failed',
      engagementId: 'engagement-KE-2031',
      partnerState: 'KE',
      title: `Workflow timed out: ${workflowId}`,
    });
    expect(published).toEqual(expect.arrayContaining(made));

    // looking again finds the run again and tells nobody a second time
    const again = await watch.look();
    expect(again.filter((notification) => notification.eventId.includes(workflowId))).toEqual([]);
    const listed = await service.request<NotificationView[]>('GET', '/notifications', {
      as: operators[0] ?? '',
    });
    expect(listed.body.filter(({ eventId }) => eventId.includes(workflowId))).toHaveLength(1);
  });
});
