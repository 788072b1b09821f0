import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../domain/app-error.ts';
import type { ErrorCode } from '../shared/error-codes.ts';

/** What a failed schema check of a request part says: each field with its problem. */
export function invalidRequest(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): AppError {
  const details = issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = details.map((d) => `${d.field || '(body)'}: ${d.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid request: ${summary}`, details);
}

/** The HTTP status for each error code; the switch is exhaustive so a new code must be mapped. */
export function httpStatusFor(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'TEMPLATE_INVALID':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
    case 'PASSWORD_CHANGE_REQUIRED':
      return 403;
    case 'ROUTE_NOT_FOUND':
    case 'CHAIN_NOT_FOUND':
    case 'ENTERPRISE_NOT_FOUND':
    case 'PARK_NOT_FOUND':
    case 'REGION_NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'DUPLICATE_NOT_FOUND':
    case 'IMPORT_NOT_FOUND':
    case 'STATS_NOT_FOUND':
    case 'PROJECT_NOT_FOUND':
    case 'SPACE_NOT_FOUND':
    case 'RESERVATION_NOT_FOUND':
    case 'ATTACHMENT_NOT_FOUND':
    case 'PROBLEM_NOT_FOUND':
    case 'DEPARTMENT_NOT_FOUND':
    case 'CATEGORY_NOT_FOUND':
    case 'ACTIVITY_NOT_FOUND':
    case 'SUPERVISION_NOT_FOUND':
    case 'NOTIFICATION_NOT_FOUND':
      return 404;
    case 'USER_EXISTS':
    case 'PROJECT_EXISTS':
    case 'STAGE_MOVE_INVALID':
    case 'SPACE_UNAVAILABLE':
    case 'PROBLEM_TRANSITION_INVALID':
    case 'PROBLEM_CLOSED':
    case 'DEPARTMENT_EXISTS':
      return 409;
    case 'PDF_UNAVAILABLE':
      return 501;
    case 'DB_UNREACHABLE':
      return 503;
    case 'DB_MIGRATION_FAILED':
    case 'INTERNAL':
      return 500;
  }
}
