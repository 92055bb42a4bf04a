import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fromKafkaRecord } from '@cttech/contracts';
import { kickOffReport } from '@cttech/domain/samples';
import { openTestSuite, waitFor, type TestSuite } from '@cttech/testing';
import { Client } from '@temporalio/client';
import { engagementStatusQuery, recordWorkUpdate, submitMilestoneUpdate } from '../src/contract.ts';
import { engagementWorkflow } from '../src/engagement-workflow.ts';
import { manager, officer } from './engagement-harness.ts';

const workerMain = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** The real worker process (src/main.ts), on this suite's task queue and topic. */
function startWorker(
  suite: TestSuite,
  topic: string,
): { process: ChildProcess; ready: Promise<void> } {
  const child = spawn(
    process.execPath,
    ['--conditions=@cttech/source', '--disable-warning=TimeoutNegativeWarning', workerMain],
    {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        TEMPORAL_ADDRESS: suite.infrastructure.temporalAddress,
        TEMPORAL_NAMESPACE: suite.infrastructure.temporalNamespace,
        TEMPORAL_TASK_QUEUE: suite.taskQueue(),
        KAFKA_BROKERS: suite.infrastructure.kafkaBrokers.join(','),
        ENGAGEMENT_EVENTS_TOPIC: topic,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('engagement worker: polling')) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}) before polling:\n${output}`)),
    );
  });
  return { process: child, ready };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('the engagement worker, killed mid-stage and restarted (real Temporal and Kafka)', () => {
  let suite: TestSuite;
  let client: Client;
  let topic: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    suite = openTestSuite('worker restart');
    client = new Client({
      connection: await suite.temporalConnection(),
      namespace: suite.infrastructure.temporalNamespace,
    });
    [topic = ''] = await suite.createTopics(['engagement-events'], 3);
  });

  afterAll(async () => {
    await Promise.all(workers.map(killed));
    await suite.close();
  });

  it('loses nothing: the recorded work is there, and every event reaches Kafka once, in order', async () => {
    const first = startWorker(suite, topic);
    workers.push(first.process);
    await first.ready;

    const workflowId = `${suite.id}-engagement-UZ-2026`;
    const handle = await client.workflow.start(engagementWorkflow, {
      taskQueue: suite.taskQueue(),
      workflowId,
      args: [{ partnerState: 'UZ', cycle: 2026, openedBy: manager }],
    });
    await handle.executeUpdate(recordWorkUpdate, {
      args: [{ kind: 'KICK_OFF_REPORT', submission: kickOffReport, by: officer }],
    });

    // the worker dies without any chance to clean up
    await killed(first.process);

    const second = startWorker(suite, topic);
    workers.push(second.process);
    await second.ready;

    const submitted = await handle.executeUpdate(submitMilestoneUpdate, {
      args: [{ by: officer }],
    });
    expect(submitted.state).toBe('AWAITING_REVIEW');
    expect(submitted.record.kickOffReport).toEqual(kickOffReport);
    expect(submitted.history.map((entry) => entry.action)).toEqual([
      'OPEN',
      'RECORD_WORK',
      'SUBMIT_MILESTONE',
    ]);
    expect((await handle.query(engagementStatusQuery)).pendingReview?.submittedBy).toBe(officer);

    const consumer = suite
      .kafka()
      .consumer({ groupId: suite.topic('reader'), maxWaitTimeInMs: 200 });
    const received: { id: string; type: string }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: ({ message }) => {
          // every record on the topic must be a readable event in the shared envelope
          const read = fromKafkaRecord(message);
          if (!read.ok) throw new Error(`unreadable event on ${topic}: ${read.reason}`);
          if (read.event.engagementId === workflowId) {
            received.push({ id: read.event.id, type: read.event.type });
          }
          return Promise.resolve();
        },
      });
      await waitFor(() => received.length >= 3, { what: 'three engagement events on Kafka' });
    } finally {
      await consumer.disconnect();
    }
    expect(received).toEqual([
      { id: `${workflowId}/1`, type: 'engagement.opened' },
      { id: `${workflowId}/2`, type: 'engagement.work-recorded' },
      { id: `${workflowId}/3`, type: 'engagement.milestone-submitted' },
    ]);
  });
});
