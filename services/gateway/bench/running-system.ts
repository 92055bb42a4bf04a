// What the gateway's benchmarks ask of the running system before and between their timed
// phases: that it answers (the gateway ready, a worker polling the task queue), how far the
// services' consumer groups trail, and waiting, off the clock, until a phase's work is done.
import type { KafkajsBroker } from '@cttech/messaging';
import type { Client } from '@temporalio/client';
import { setTimeout as delay } from 'node:timers/promises';
import type { GatewayConfig } from '../src/config.ts';
import type { BenchEngagement, BenchEngagements } from './bench-engagements.ts';
import type { GatewayApi } from './gateway-api.ts';

export interface RunningSystemOptions {
  readonly api: GatewayApi;
  readonly gatewayUrl: string;
  readonly client: Client;
  readonly broker: KafkajsBroker;
  readonly config: GatewayConfig;
  readonly engagements: BenchEngagements;
}

export class RunningSystem {
  private readonly options: RunningSystemOptions;

  constructor(options: RunningSystemOptions) {
    this.options = options;
  }

  /** The gateway ready with every service, a worker polling; resolves with Temporal's version. */
  async check(): Promise<string> {
    const { api, gatewayUrl, client, config } = this.options;
    const { address, namespace, taskQueue } = config.temporal;
    const ready = await api.call('GET', '/health/ready').catch((error: unknown) => {
      throw new Error(`no gateway answers at ${gatewayUrl} (bring the system up first)`, {
        cause: error,
      });
    });
    if (ready.status !== 200) {
      throw new Error(
        `the gateway's /health/ready answered ${ready.status} ${JSON.stringify(ready.body)}`,
      );
    }
    const { pollers } = await client.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: 1, // workflow tasks
    });
    if (!pollers?.length) {
      throw new Error(
        `no engagement worker polls task queue ${taskQueue} on ${address} (pnpm -s infra up engagement-worker)`,
      );
    }
    const { serverVersion } = await client.workflowService.getSystemInfo({});
    return serverVersion ?? 'unknown';
  }

  /** The messages the running services' consumer groups (those the gateway watches) trail by. */
  async consumerLag(): Promise<number> {
    const { broker, config } = this.options;
    const lags = await Promise.all(
      config.kafka.consumerGroups.map(({ groupId, topics }) => broker.consumerLag(groupId, topics)),
    );
    return lags.flat().reduce((sum, { lag }) => sum + lag, 0);
  }

  /**
   * Off the clock: the worker done with these engagements, then the consumer groups back to the
   * lag they had at the start (a group that is not running keeps its own), for a minute at most.
   */
  async settle(settling: readonly BenchEngagement[], lagAtStart: number): Promise<void> {
    await this.options.engagements.settle(settling);
    const until = Date.now() + 60_000;
    for (let lag = await this.consumerLag(); lag > lagAtStart; lag = await this.consumerLag()) {
      if (Date.now() > until) {
        console.log(`  (the consumer groups still trail by ${lag - lagAtStart} more messages)`);
        return;
      }
      await delay(200);
    }
  }
}
