import {
  EventFlow,
  OutboxRelay,
  type ConsumerLogger,
  type EventBroker,
  type OutboxRelayOptions,
  type RelayLogger,
} from '@cttech/messaging';
import {
  AuthenticationGuard,
  BackgroundWork,
  BackgroundWorkRunner,
  HealthController,
  ProblemDetailsFilter,
  Readiness,
  RequestValidationPipe,
  ServiceName,
  ServiceReadiness,
  TokenVerifier,
} from '@cttech/service-http';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuditController } from './audit/audit.controller.ts';
import { AuditQueries } from './audit/audit-queries.ts';
import { AuditTrail } from './audit/audit-trail.ts';
import type { ComplianceDatabase } from './database.ts';
import { ComplianceEventIntake } from './event-intake.ts';
import { HoldsController } from './holds/holds.controller.ts';
import { HumanRightsHolds } from './holds/human-rights-holds.ts';
import { IndicatorFacts } from './indicators/indicator-facts.ts';
import { IndicatorsController } from './indicators/indicators.controller.ts';
import { ProgrammeDashboard } from './indicators/programme-dashboard.ts';
import { ReviewDecisions } from './reviews/review-decisions.ts';
import { ReviewIntake } from './reviews/review-intake.ts';
import { ReviewQueue } from './reviews/review-queue.ts';
import { ReviewRepository } from './reviews/review-repository.ts';
import { ReviewsController } from './reviews/reviews.controller.ts';

/** What the service runs on; the caller (main, or a test) opens these and closes them. */
export interface ComplianceRuntime {
  readonly database: ComplianceDatabase;
  readonly broker: EventBroker;
  readonly verifyToken: TokenVerifier;
  readonly engagementEventsTopic: string;
  readonly complianceEventsTopic: string;
  /** The activities service's events (training deliveries, for the indicators). */
  readonly activityEventsTopic: string;
  /**
   * The consumer group of the engagement and activity events, which also names the inbox
   * consumers (the activity events' with `.activities` appended).
   */
  readonly consumerGroup: string;
  readonly relay?: Pick<OutboxRelayOptions, 'idlePollMs' | 'batchSize'>;
  readonly logger?: ConsumerLogger & RelayLogger;
}

@Module({})
export class ComplianceModule {
  static register(runtime: ComplianceRuntime): DynamicModule {
    const { database, broker } = runtime;
    return {
      module: ComplianceModule,
      controllers: [
        ReviewsController,
        HoldsController,
        AuditController,
        IndicatorsController,
        HealthController,
      ],
      providers: [
        { provide: TokenVerifier, useValue: runtime.verifyToken },
        { provide: ServiceName, useValue: 'compliance' },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
        { provide: ReviewRepository, useValue: new ReviewRepository(database) },
        { provide: AuditTrail, useValue: new AuditTrail(database) },
        {
          provide: OutboxRelay,
          useValue: new OutboxRelay({
            database,
            broker,
            ...runtime.relay,
            ...(runtime.logger ? { logger: runtime.logger } : {}),
          }),
        },
        {
          provide: ReviewIntake,
          inject: [ReviewRepository, AuditTrail],
          useFactory: (reviews: ReviewRepository, auditTrail: AuditTrail) =>
            new ReviewIntake(reviews, auditTrail),
        },
        { provide: IndicatorFacts, useValue: new IndicatorFacts(database) },
        {
          provide: BackgroundWork,
          inject: [ReviewIntake, IndicatorFacts, OutboxRelay],
          useFactory: (intake: ReviewIntake, facts: IndicatorFacts, relay: OutboxRelay) =>
            new EventFlow({
              broker,
              topics: [
                runtime.engagementEventsTopic,
                runtime.complianceEventsTopic,
                runtime.activityEventsTopic,
              ],
              relay,
              consumer: new ComplianceEventIntake(intake, facts).consumer({
                database,
                broker,
                engagementEventsTopic: runtime.engagementEventsTopic,
                activityEventsTopic: runtime.activityEventsTopic,
                groupId: runtime.consumerGroup,
                logger: runtime.logger,
              }),
            }),
        },
        BackgroundWorkRunner,
        {
          provide: ProgrammeDashboard,
          inject: [IndicatorFacts],
          useFactory: (facts: IndicatorFacts) => new ProgrammeDashboard(facts),
        },
        {
          provide: ReviewDecisions,
          inject: [ReviewRepository, AuditTrail, OutboxRelay],
          useFactory: (reviews: ReviewRepository, auditTrail: AuditTrail, relay: OutboxRelay) =>
            new ReviewDecisions({
              database,
              reviews,
              auditTrail,
              complianceEventsTopic: runtime.complianceEventsTopic,
              decided: () => relay.wake(),
            }),
        },
        {
          provide: HumanRightsHolds,
          inject: [AuditTrail, OutboxRelay],
          useFactory: (auditTrail: AuditTrail, relay: OutboxRelay) =>
            new HumanRightsHolds({
              database,
              auditTrail,
              complianceEventsTopic: runtime.complianceEventsTopic,
              written: () => relay.wake(),
            }),
        },
        {
          provide: ReviewQueue,
          inject: [ReviewRepository],
          useFactory: (reviews: ReviewRepository) => new ReviewQueue(reviews),
        },
        {
          provide: AuditQueries,
          inject: [AuditTrail, ReviewRepository],
          useFactory: (auditTrail: AuditTrail, reviews: ReviewRepository) =>
            new AuditQueries(auditTrail, reviews),
        },
        {
          provide: Readiness,
          useValue: new ServiceReadiness({
            probes: {
              postgres: () => database.$queryRawUnsafe('SELECT 1'),
              // lists the topics: a metadata request to the brokers
              kafka: () => broker.ensureTopics([]),
            },
          }),
        },
      ],
    };
  }
}
