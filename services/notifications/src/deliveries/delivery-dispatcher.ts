// The dispatcher: claims the e-mail and webhook deliveries that are due, sends each on its
// channel, marks it SENT or records the failure (tried again with exponential backoff, dead
// after the last attempt). It polls while idle and is woken when a commit made deliveries.
// Several instances may run side by side: claims skip what another has locked or leased.
import type { DeliveryRepository } from './delivery-repository.ts';
import { failureText } from './failure-text.ts';
import type { DeliveryChannelSender, OutgoingDelivery } from './outgoing-delivery.ts';
import { afterFailure, defaultDeliveryRetry, type DeliveryRetryPolicy } from './retry-schedule.ts';

export interface DispatcherLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface DeliveryDispatcherOptions {
  readonly deliveries: DeliveryRepository;
  /** The channels this instance can send on; deliveries of others wait. */
  readonly channels: {
    readonly EMAIL?: DeliveryChannelSender;
    readonly WEBHOOK?: DeliveryChannelSender;
  };
  readonly retry?: Partial<DeliveryRetryPolicy> | undefined;
  /** How often an idle dispatcher looks for deliveries that are due. */
  readonly pollMs?: number | undefined;
  /** Deliveries claimed and sent at once. */
  readonly batchSize?: number | undefined;
  /** How long a claim holds: longer than any send may take. */
  readonly leaseMs?: number | undefined;
  readonly logger?: DispatcherLogger | undefined;
}

export class DeliveryDispatcher {
  private readonly options: DeliveryDispatcherOptions;
  private readonly retry: DeliveryRetryPolicy;
  private readonly logger: DispatcherLogger;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wakeRequested = false;
  private wakeUp: (() => void) | undefined;

  constructor(options: DeliveryDispatcherOptions) {
    this.options = options;
    this.retry = { ...defaultDeliveryRetry, ...options.retry };
    this.logger = options.logger ?? console;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Lets the round in hand finish, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
    this.running = undefined;
  }

  /** Looks for due deliveries now rather than at the next poll. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** One round: claims the due deliveries and attempts each; returns how many it attempted. */
  async dispatchDue(): Promise<number> {
    const { deliveries, channels, batchSize = 20, leaseMs = 300_000 } = this.options;
    const available = (['EMAIL', 'WEBHOOK'] as const).filter((channel) => channels[channel]);
    const claimed = await deliveries.claimDue(available, { limit: batchSize, leaseMs });
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    return claimed.length;
  }

  private async attempt(delivery: OutgoingDelivery): Promise<void> {
    const { deliveries, channels } = this.options;
    if (delivery.channel === 'WEBHOOK' && delivery.webhook === null) {
      await deliveries.cancel(delivery.id, 'the webhook was removed');
      return;
    }
    const sender = channels[delivery.channel] as DeliveryChannelSender;
    try {
      await sender.send(delivery);
    } catch (error) {
      const reason = failureText(error);
      const after = afterFailure(delivery.attempts + 1, this.retry);
      await deliveries.markFailed(delivery.id, reason, after);
      const what = `${delivery.channel} delivery ${delivery.id} to ${delivery.recipient.userId}`;
      if (after.status === 'DEAD') {
        this.logger.error(
          `notifications: ${what} is dead after ${delivery.attempts + 1} attempt(s): ${reason}`,
        );
      } else {
        this.logger.warn(
          `notifications: ${what} failed (attempt ${delivery.attempts + 1}): ${reason}; next in ${after.delayMs} ms`,
        );
      }
      return;
    }
    await deliveries.markSent(delivery.id);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      this.wakeRequested = false;
      let attempted = 0;
      try {
        attempted = await this.dispatchDue();
      } catch (error) {
        this.logger.warn(`notifications: dispatching failed (${failureText(error)}); trying again`);
      }
      if (attempted === 0 && !this.stopping && !this.wakeRequested) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollMs ?? 1_000);
      this.wakeUp = done;
    });
  }
}
