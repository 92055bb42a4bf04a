import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { DevelopmentIssuer } from '@cttech/auth';
import { TOKEN_VERIFIER, type TokenVerifier } from './access/access-rules.ts';
import { AccessGuard } from './access/access.guard.ts';
import { ActivitiesController } from './activities/activities.controller.ts';
import {
  COMPLIANCE_MONITORING,
  type ComplianceMonitoring,
} from './compliance/compliance-monitoring.ts';
import { HoldsController } from './compliance/holds.controller.ts';
import { IndicatorsController } from './compliance/indicators.controller.ts';
import { MonitoringPlansController } from './compliance/monitoring-plans.controller.ts';
import { AuditController, ReviewsController } from './compliance/reviews.controller.ts';
import { ReviewsService } from './compliance/reviews.service.ts';
import {
  DEVELOPMENT_ISSUER,
  DevelopmentIssuerController,
} from './development/development-issuer.controller.ts';
import {
  ENGAGEMENT_WORKFLOWS,
  type EngagementWorkflows,
} from './engagements/engagement-workflows.ts';
import { EngagementsController } from './engagements/engagements.controller.ts';
import { EngagementsService } from './engagements/engagements.service.ts';
import {
  DEPENDENCY_CHECKS,
  HealthController,
  type DependencyCheck,
} from './health/health.controller.ts';
import { NotificationsController } from './notifications/notifications.controller.ts';
import { OperationsController } from './operations/operations.controller.ts';
import { OperationsService } from './operations/operations.service.ts';
import {
  MESSAGE_OPERATIONS,
  WORKFLOW_OPERATIONS,
  type MessageOperations,
  type WorkflowOperations,
} from './operations/operations.ts';
import { ProblemFilter } from './problem.filter.ts';
import { SchemaValidationPipe } from './schema-validation.pipe.ts';
import {
  ACTIVITIES_SERVICE,
  NOTIFICATIONS_SERVICE,
  type ServiceRelay,
} from './services/service-client.ts';

/** What the gateway talks to, built by main.ts (real) or a test. */
export interface GatewayPorts {
  readonly verifyToken: TokenVerifier;
  readonly engagements: EngagementWorkflows;
  /** Reviews, holds, the audit trail and the indicators, answered by the compliance service. */
  readonly compliance: ComplianceMonitoring;
  /** Activities, participants and attendance, answered by the activities service. */
  readonly activities: ServiceRelay;
  /** Each user's notifications, live stream and preferences, answered by that service. */
  readonly notifications: ServiceRelay;
  /** Operators' tools: dead letters and consumer lag, the workflows' overview. */
  readonly operations: {
    readonly messages: MessageOperations;
    readonly workflows: WorkflowOperations;
  };
  readonly dependencies: readonly DependencyCheck[];
  /** Only with AUTH_DEV_ISSUER: serves /dev/jwks.json and /dev/tokens. */
  readonly developmentIssuer?: DevelopmentIssuer | undefined;
}

@Module({})
export class GatewayModule {
  static with(ports: GatewayPorts): DynamicModule {
    const development: Provider[] = ports.developmentIssuer
      ? [{ provide: DEVELOPMENT_ISSUER, useValue: ports.developmentIssuer }]
      : [];
    return {
      module: GatewayModule,
      controllers: [
        HealthController,
        EngagementsController,
        ReviewsController,
        HoldsController,
        ActivitiesController,
        NotificationsController,
        AuditController,
        IndicatorsController,
        MonitoringPlansController,
        OperationsController,
        ...(ports.developmentIssuer ? [DevelopmentIssuerController] : []),
      ],
      providers: [
        { provide: TOKEN_VERIFIER, useValue: ports.verifyToken },
        { provide: ENGAGEMENT_WORKFLOWS, useValue: ports.engagements },
        { provide: COMPLIANCE_MONITORING, useValue: ports.compliance },
        { provide: ACTIVITIES_SERVICE, useValue: ports.activities },
        { provide: NOTIFICATIONS_SERVICE, useValue: ports.notifications },
        { provide: MESSAGE_OPERATIONS, useValue: ports.operations.messages },
        { provide: WORKFLOW_OPERATIONS, useValue: ports.operations.workflows },
        { provide: DEPENDENCY_CHECKS, useValue: ports.dependencies },
        ...development,
        EngagementsService,
        ReviewsService,
        OperationsService,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: SchemaValidationPipe },
      ],
    };
  }
}
