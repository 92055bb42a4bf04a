// Why the activities service refuses or fails a request: one ServiceError subclass with its codes.
import type { Problem } from '@cttech/domain';
import { ServiceError } from '@cttech/service-http';

/** Each code with its HTTP status. */
export const activitiesErrorCodes = {
  INVALID_REQUEST: 400,
  AUTHENTICATION_REQUIRED: 401,
  ROLE_NOT_ALLOWED: 403,
  PARTNER_STATE_NOT_ALLOWED: 403,
  ENGAGEMENT_NOT_FOUND: 404,
  ACTIVITY_NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  PARTICIPANT_NOT_FOUND: 404,
  ACTIVITY_CLOSED: 409,
  ACTIVITY_CANCELLED: 409,
  NOT_A_COURSE: 422,
  PARTICIPANT_NOT_REGISTERED: 422,
  SEATS_UNKNOWN: 422,
  NO_ATTENDANCE: 422,
  ATTENDANCE_OVER_SEATS: 422,
  PERSONAL_DATA_UNREADABLE: 500,
} as const;

export type ActivitiesErrorCode = keyof typeof activitiesErrorCodes;

/** Each code's problem title. */
export const activitiesErrorTitles: Record<ActivitiesErrorCode, string> = {
  INVALID_REQUEST: 'The request is not valid',
  AUTHENTICATION_REQUIRED: 'Authentication is required',
  ROLE_NOT_ALLOWED: "The caller's role may not do this",
  PARTNER_STATE_NOT_ALLOWED: 'The caller is not assigned to this partner state',
  ENGAGEMENT_NOT_FOUND: 'No such engagement',
  ACTIVITY_NOT_FOUND: 'No such activity',
  SESSION_NOT_FOUND: 'No such session',
  PARTICIPANT_NOT_FOUND: 'No such participant',
  ACTIVITY_CLOSED: 'The activity is closed',
  ACTIVITY_CANCELLED: 'The activity is cancelled',
  NOT_A_COURSE: 'The activity is not a course',
  PARTICIPANT_NOT_REGISTERED: 'The participant is not registered on the activity',
  SEATS_UNKNOWN: "The course's seats are not set",
  NO_ATTENDANCE: 'No participant attended',
  ATTENDANCE_OVER_SEATS: 'More participants than seats',
  PERSONAL_DATA_UNREADABLE: "The participant's personal data cannot be opened",
};

/**
 * The activities service's one exception type: a code (which decides the HTTP status, the title
 * and the problem type), a message safe to show the caller (ids and counts, never a
 * participant's name or contact), and the fields at fault if any.
 */
export class ActivitiesError extends ServiceError {
  declare readonly code: ActivitiesErrorCode;

  constructor(code: ActivitiesErrorCode, message: string, problems: readonly Problem[] = []) {
    super({
      code,
      status: activitiesErrorCodes[code],
      title: activitiesErrorTitles[code],
      message,
      problems,
    });
    this.name = 'ActivitiesError';
  }
}
