// A real engagement worker for the gateway's tests: the worker program of workflows/engagement,
// run as its own process on the suite's task queue and topics (the gateway talks to it only
// through Temporal, as in production).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { repositoryRoot, waitFor, type TestSuite } from '@cttech/testing';

export interface EngagementWorkerProcess {
  readonly taskQueue: string;
  /** SIGTERM, then waits for the process to exit; deletes the suite's topics. */
  stop(): Promise<void>;
}

export async function startEngagementWorker(suite: TestSuite): Promise<EngagementWorkerProcess> {
  const root = repositoryRoot();
  if (!root) throw new Error('the repository root was not found from the working directory');
  const taskQueue = suite.taskQueue('engagements');
  const topics = {
    ENGAGEMENT_EVENTS_TOPIC: suite.topic('engagement-events'),
    COMPLIANCE_EVENTS_TOPIC: suite.topic('compliance-events'),
    ACTIVITY_EVENTS_TOPIC: suite.topic('activity-events'),
  };
  // not Jest's options, and no trace export from this worker
  const {
    NODE_OPTIONS: _jestOptions,
    OTEL_EXPORTER_OTLP_ENDPOINT: _otlp,
    ...inherited
  } = process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--conditions=@cttech/source',
      '--disable-warning=TimeoutNegativeWarning',
      join(root, 'workflows', 'engagement', 'src', 'main.ts'),
    ],
    {
      env: {
        ...inherited,
        TEMPORAL_ADDRESS: suite.infrastructure.temporalAddress,
        TEMPORAL_NAMESPACE: suite.infrastructure.temporalNamespace,
        TEMPORAL_TASK_QUEUE: taskQueue,
        KAFKA_BROKERS: suite.infrastructure.kafkaBrokers.join(','),
        ...topics,
        BRIDGE_CONSUMER_GROUP: suite.topic('bridge'),
        SHUTDOWN_GRACE_SECONDS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = once(child, 'exit').then(() => {
    exited = true;
  });

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await exit;
    }
    const admin = suite.kafka().admin();
    await admin.connect();
    try {
      await admin.deleteGroups([suite.topic('bridge')]).catch(() => undefined);
      const existing = await admin.listTopics();
      const ours = Object.values(topics).filter((topic) => existing.includes(topic));
      if (ours.length > 0) await admin.deleteTopics({ topics: ours });
    } finally {
      await admin.disconnect();
    }
  };

  try {
    const exitedEarly = exit.then(() => {
      throw new Error(`the engagement worker exited while starting:\n${output}`);
    });
    // once started, a later exit is reported by stop(), not here
    exitedEarly.catch(() => undefined);
    await Promise.race([
      waitFor(() => output.includes('engagement worker: polling'), {
        what: `the engagement worker polling ${taskQueue}`,
        timeoutMs: 90_000,
        intervalMs: 100,
      }),
      exitedEarly,
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { taskQueue, stop };
}
