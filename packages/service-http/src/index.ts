export {
  type AuthenticatedRequest,
  Caller,
  Roles,
  rolesKey,
  WithoutAuthentication,
  withoutAuthenticationKey,
} from './access.ts';
export { AuthenticationGuard, TokenVerifier } from './authentication.guard.ts';
export { BackgroundWork, BackgroundWorkRunner } from './background-work.ts';
export { HealthController } from './health.controller.ts';
export { ProblemDetailsFilter, ServiceName } from './problem-details.filter.ts';
export { RequestValidationPipe } from './request-validation.pipe.ts';
export {
  ServiceError,
  serviceError,
  serviceErrorCodes,
  type ServiceErrorCode,
  type ServiceErrorDetails,
} from './service-error.ts';
export {
  Readiness,
  ServiceReadiness,
  type DependencyProbe,
  type DependencyStatus,
  type ReadyReport,
  type ServiceReadinessOptions,
} from './service-readiness.ts';
