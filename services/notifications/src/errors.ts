// Why the notifications service refused or failed a request: one exception type whose code
// decides the HTTP status, the problem's title and its type.
import type { Problem } from '@cttech/domain';
import { ServiceError } from '@cttech/service-http';

export const notificationsErrorCodes = {
  INVALID_REQUEST: 400,
  AUTHENTICATION_REQUIRED: 401,
  ROLE_NOT_ALLOWED: 403,
  NOTIFICATION_NOT_FOUND: 404,
  WEBHOOK_NOT_FOUND: 404,
  DELIVERY_NOT_FOUND: 404,
  RECIPIENT_NOT_FOUND: 404,
  DELIVERY_NOT_DEAD: 409,
  TOO_MANY_WEBHOOKS: 409,
} as const;

export type NotificationsErrorCode = keyof typeof notificationsErrorCodes;

/** Each code's problem title. */
export const notificationsErrorTitles: Record<NotificationsErrorCode, string> = {
  INVALID_REQUEST: 'The request is not valid',
  AUTHENTICATION_REQUIRED: 'Authentication is required',
  ROLE_NOT_ALLOWED: "The caller's role may not do this",
  NOTIFICATION_NOT_FOUND: 'No such notification',
  WEBHOOK_NOT_FOUND: 'No such webhook',
  DELIVERY_NOT_FOUND: 'No such delivery',
  RECIPIENT_NOT_FOUND: 'The caller is not in the staff directory',
  DELIVERY_NOT_DEAD: 'Only a dead delivery can be retried',
  TOO_MANY_WEBHOOKS: 'The caller has as many webhooks as allowed',
};

/**
 * The notifications service's one exception type: a code, a message safe to show the caller,
 * and the fields at fault if any.
 */
export class NotificationsError extends ServiceError {
  declare readonly code: NotificationsErrorCode;

  constructor(code: NotificationsErrorCode, message: string, problems: readonly Problem[] = []) {
    super({
      code,
      status: notificationsErrorCodes[code],
      title: notificationsErrorTitles[code],
      message,
      problems,
    });
    this.name = 'NotificationsError';
  }
}
