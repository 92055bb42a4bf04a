// NestJS wiring of the activities service: controllers, the global guard, pipe and problem
// filter, and the outbox relay and engagement-event consumer running with the application.
import {
  EventFlow,
  OutboxRelay,
  type EventBroker,
  type OutboxRelayOptions,
} from '@cttech/messaging';
import type { PersonalDataCipher } from '@cttech/personal-data';
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
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ActivitiesController } from './activities/activities.controller.ts';
import { ActivityAccess } from './activities/activity-access.ts';
import { ActivityPlanning } from './activities/activity-planning.ts';
import { ActivityRecords } from './activities/activity-records.ts';
import { ActivitySchedules } from './activities/activity-schedules.ts';
import { CourseClosing } from './closing/course-closing.ts';
import type { ActivitiesDatabase } from './database.ts';
import { ActivitiesEventIntake } from './event-intake.ts';
import type { ActivitiesLogger } from './logger.ts';
import { ParticipantRegistry } from './participants/participant-registry.ts';
import { ParticipantsController } from './participants/participants.controller.ts';
import { PersonalDetails } from './participants/personal-details.ts';
import { SessionAttendance } from './sessions/session-attendance.ts';
import { SessionsController } from './sessions/sessions.controller.ts';

/** What the service runs on; the caller (main, or a test) opens these and closes them. */
export interface ActivitiesRuntime {
  readonly database: ActivitiesDatabase;
  readonly broker: EventBroker;
  readonly verifyToken: TokenVerifier;
  /** Seals and opens participants' names and contact details (PERSONAL_DATA_KEYS). */
  readonly cipher: PersonalDataCipher;
  readonly engagementEventsTopic: string;
  readonly activityEventsTopic: string;
  /** The consumer group of the engagement events, which also names the inbox consumer. */
  readonly consumerGroup: string;
  readonly relay?: Pick<OutboxRelayOptions, 'idlePollMs' | 'batchSize'>;
  /** Where action lines, warnings and errors go; Nest's logger when not given. */
  readonly logger?: ActivitiesLogger;
}

@Module({})
export class ActivitiesModule {
  static register(runtime: ActivitiesRuntime): DynamicModule {
    const { database, broker } = runtime;
    const logger: ActivitiesLogger = runtime.logger ?? new Logger('activities');
    const access = new ActivityAccess(database);
    const records = new ActivityRecords(database, access);
    const relay = new OutboxRelay({ database, broker, ...runtime.relay, logger });
    return {
      module: ActivitiesModule,
      controllers: [
        ActivitiesController,
        SessionsController,
        ParticipantsController,
        HealthController,
      ],
      providers: [
        { provide: TokenVerifier, useValue: runtime.verifyToken },
        { provide: ServiceName, useValue: 'activities' },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
        {
          provide: BackgroundWork,
          useValue: new EventFlow({
            broker,
            topics: [runtime.engagementEventsTopic, runtime.activityEventsTopic],
            relay,
            consumer: new ActivitiesEventIntake(new ActivityPlanning(logger)).consumer({
              database,
              broker,
              engagementEventsTopic: runtime.engagementEventsTopic,
              groupId: runtime.consumerGroup,
              logger,
            }),
          }),
        },
        BackgroundWorkRunner,
        { provide: ActivityRecords, useValue: records },
        {
          provide: ActivitySchedules,
          useValue: new ActivitySchedules({ database, access, records, logger }),
        },
        {
          provide: CourseClosing,
          useValue: new CourseClosing({
            database,
            access,
            records,
            activityEventsTopic: runtime.activityEventsTopic,
            logger,
            closed: () => relay.wake(),
          }),
        },
        {
          provide: SessionAttendance,
          useValue: new SessionAttendance({ database, access, logger }),
        },
        {
          provide: ParticipantRegistry,
          useValue: new ParticipantRegistry({
            database,
            access,
            personalDetails: new PersonalDetails(runtime.cipher),
            logger,
          }),
        },
        {
          provide: Readiness,
          useValue: new ServiceReadiness({
            probes: {
              postgres: () => database.$queryRaw`SELECT 1`,
              // lists the topics: a metadata request to the brokers
              kafka: () => broker.ensureTopics([]),
            },
          }),
        },
      ],
    };
  }
}
