// The NestJS wiring of the notifications service. In the background, while the application
// runs: the staff directory synchronised at start, the consumer of the events and dead
// letters, the delivery dispatcher and the digest schedule.
import type { ConsumerLogger, EventBroker, EventConsumer, RetryPolicy } from '@cttech/messaging';
import {
  AuthenticationGuard,
  HealthController,
  ProblemDetailsFilter,
  Readiness,
  RequestValidationPipe,
  ServiceName,
  ServiceReadiness,
  TokenVerifier,
} from '@cttech/service-http';
import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { NotificationsDatabase } from './database.ts';
import { DeliveriesController } from './deliveries/deliveries.controller.ts';
import { DeliveryDispatcher, type DispatcherLogger } from './deliveries/delivery-dispatcher.ts';
import { DeliveryQueue } from './deliveries/delivery-queue.ts';
import { DeliveryRepository } from './deliveries/delivery-repository.ts';
import type { DeliveryRetryPolicy } from './deliveries/retry-schedule.ts';
import { DailyDigest } from './digest/daily-digest.ts';
import { DigestSchedule } from './digest/digest-schedule.ts';
import { EmailChannel } from './email/email-channel.ts';
import { NotificationEventIntake } from './event-intake.ts';
import { InAppNotifications } from './in-app/in-app-notifications.ts';
import { NotificationFeed } from './in-app/notification-feed.ts';
import { NotificationsController } from './in-app/notifications.controller.ts';
import { NotificationIntake } from './notification-intake.ts';
import { PreferenceStore } from './preferences/preference-store.ts';
import { PreferencesController } from './preferences/preferences.controller.ts';
import { RecipientRepository } from './recipients/recipient-repository.ts';
import type { StaffMember } from './recipients/staff-directory.ts';
import { WebhookChannel } from './webhooks/webhook-channel.ts';
import { WebhookSubscriptions } from './webhooks/webhook-subscriptions.ts';
import { WebhooksController } from './webhooks/webhooks.controller.ts';

/** What the service runs on; the caller (main, or a test) opens these and closes them. */
export interface NotificationsRuntime {
  readonly database: NotificationsDatabase;
  readonly broker: EventBroker;
  readonly verifyToken: TokenVerifier;
  readonly engagementEventsTopic: string;
  readonly complianceEventsTopic: string;
  readonly activityEventsTopic: string;
  /** The consumer group, which also names the inbox consumers (see event-intake.ts). */
  readonly consumerGroup: string;
  /** The staff directory, synchronised into the recipients at start. */
  readonly staff: readonly StaffMember[];
  /** The e-mail channel's SMTP server and sender; without it, no e-mail is sent. */
  readonly email?: { readonly smtpUrl: string; readonly from: string } | undefined;
  readonly webhookTimeoutMs?: number | undefined;
  readonly deliveryRetry?: Partial<DeliveryRetryPolicy> | undefined;
  readonly dispatchPollMs?: number | undefined;
  readonly heartbeatMs?: number | undefined;
  /** When the digest runs (UTC); without it, only when `DailyDigest.run` is called. */
  readonly digestCron?: string | undefined;
  /** The consumer's retries of a failing event (tests shorten them). */
  readonly consumerRetry?: Partial<RetryPolicy> | undefined;
  readonly logger?: (ConsumerLogger & DispatcherLogger) | undefined;
}

const Runtime = Symbol('NotificationsRuntime');

/** The e-mail channel, when there is one (closed with the application). */
const Mail = Symbol('NotificationsMail');

/** Runs in the background while the application does; stopped before its connections close. */
@Injectable()
class NotificationFlow implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runtime: NotificationsRuntime;
  private readonly consumer: EventConsumer;
  private readonly dispatcher: DeliveryDispatcher;
  private readonly feed: NotificationFeed;
  private readonly email: EmailChannel | undefined;
  private readonly schedule: DigestSchedule | undefined;

  constructor(
    @Inject(Runtime) runtime: NotificationsRuntime,
    @Inject(NotificationEventIntake) intake: NotificationEventIntake,
    @Inject(DeliveryDispatcher) dispatcher: DeliveryDispatcher,
    @Inject(NotificationFeed) feed: NotificationFeed,
    @Inject(DailyDigest) digest: DailyDigest,
    @Inject(Mail) mail: { readonly channel: EmailChannel | undefined },
  ) {
    this.runtime = runtime;
    this.consumer = intake.consumer();
    this.dispatcher = dispatcher;
    this.feed = feed;
    this.email = mail.channel;
    this.schedule = runtime.digestCron
      ? new DigestSchedule({
          pattern: runtime.digestCron,
          run: (day) => digest.run(day),
          logger: runtime.logger,
        })
      : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { broker, database, staff } = this.runtime;
    await new RecipientRepository(database).synchronise(staff);
    await broker.ensureTopics(
      [
        this.runtime.engagementEventsTopic,
        this.runtime.complianceEventsTopic,
        this.runtime.activityEventsTopic,
      ].map((topic) => ({ topic, partitions: 3 })),
    );
    this.dispatcher.start();
    await this.consumer.start();
    this.schedule?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.feed.close();
    await this.schedule?.stop();
    await this.consumer.stop();
    await this.dispatcher.stop();
    this.email?.close();
  }
}

@Module({})
export class NotificationsModule {
  static register(runtime: NotificationsRuntime): DynamicModule {
    const { database } = runtime;
    const email = runtime.email ? new EmailChannel(runtime.email) : undefined;
    const emailChannelOn = email !== undefined;
    const feed = new NotificationFeed({ heartbeatMs: runtime.heartbeatMs });
    const dispatcher = new DeliveryDispatcher({
      deliveries: new DeliveryRepository(database),
      channels: {
        ...(email ? { EMAIL: email } : {}),
        WEBHOOK: new WebhookChannel({ timeoutMs: runtime.webhookTimeoutMs }),
      },
      retry: runtime.deliveryRetry,
      pollMs: runtime.dispatchPollMs,
      logger: runtime.logger,
    });
    return {
      module: NotificationsModule,
      controllers: [
        NotificationsController,
        PreferencesController,
        WebhooksController,
        DeliveriesController,
        HealthController,
      ],
      providers: [
        { provide: Runtime, useValue: runtime },
        { provide: TokenVerifier, useValue: runtime.verifyToken },
        { provide: ServiceName, useValue: 'notifications' },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
        { provide: NotificationFeed, useValue: feed },
        { provide: DeliveryDispatcher, useValue: dispatcher },
        { provide: Mail, useValue: { channel: email } },
        {
          provide: NotificationEventIntake,
          useValue: new NotificationEventIntake(new NotificationIntake({ emailChannelOn }), {
            database,
            broker: runtime.broker,
            topics: {
              engagement: runtime.engagementEventsTopic,
              compliance: runtime.complianceEventsTopic,
              activity: runtime.activityEventsTopic,
            },
            groupId: runtime.consumerGroup,
            logger: runtime.logger,
            retry: runtime.consumerRetry,
            committed: (notifications) => {
              feed.publish(notifications);
              dispatcher.wake();
            },
          }),
        },
        { provide: InAppNotifications, useValue: new InAppNotifications(database) },
        { provide: PreferenceStore, useValue: new PreferenceStore(database) },
        { provide: WebhookSubscriptions, useValue: new WebhookSubscriptions(database) },
        {
          provide: DeliveryQueue,
          useValue: new DeliveryQueue(database, { retried: () => dispatcher.wake() }),
        },
        {
          provide: DailyDigest,
          useValue: new DailyDigest(database, { emailChannelOn, made: () => dispatcher.wake() }),
        },
        {
          provide: Readiness,
          useValue: new ServiceReadiness({
            probes: {
              postgres: () => database.$queryRawUnsafe('SELECT 1'),
              // lists the topics: a metadata request to the brokers
              kafka: () => runtime.broker.ensureTopics([]),
            },
          }),
        },
        NotificationFlow,
      ],
    };
  }
}
