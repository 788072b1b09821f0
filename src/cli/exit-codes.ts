import type { ErrorCode } from '../shared/error-codes.ts';

/** Process exit codes, documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  database: 3,
  notFound: 4,
  conflict: 5,
  auth: 6,
} as const;

/** The exit code for an error code; the switch is exhaustive so a new code must be mapped. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'TEMPLATE_INVALID':
    case 'REQUEST_TOO_LARGE':
    case 'PASSWORD_TOO_WEAK':
    case 'BACKUP_INVALID':
    case 'PDF_UNAVAILABLE': // ask for another format, or point CHROMIUM_PATH at a browser
      return EXIT.usage;
    case 'DB_UNREACHABLE':
    case 'DB_MIGRATION_FAILED':
      return EXIT.database;
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
    case 'JOB_NOT_FOUND':
    case 'PLATFORM_NOT_FOUND':
    case 'LINK_NOT_FOUND':
    case 'NEED_NOT_FOUND':
    case 'OFFER_NOT_FOUND':
    case 'EXPERT_NOT_FOUND':
    case 'EVENT_NOT_FOUND':
      return EXIT.notFound;
    case 'USER_EXISTS':
    case 'PROJECT_EXISTS':
    case 'STAGE_MOVE_INVALID':
    case 'SPACE_UNAVAILABLE':
    case 'PROBLEM_TRANSITION_INVALID':
    case 'PROBLEM_CLOSED':
    case 'DEPARTMENT_EXISTS':
    case 'CONFLICT':
      return EXIT.conflict;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'SESSION_EXPIRED':
    case 'RATE_LIMITED':
    case 'ORIGIN_REFUSED':
    case 'FORBIDDEN':
    case 'PASSWORD_CHANGE_REQUIRED':
      return EXIT.auth;
    case 'INTERNAL':
      return EXIT.internal;
  }
}
