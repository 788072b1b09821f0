import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, invalidFields } from '../domain/app-error.ts';
import { sqlStateOf } from '../domain/sql-state.ts';
import type { ErrorCode } from '../shared/error-codes.ts';
import type { z } from 'zod';
import { issueWording, type IssueSource } from '../shared/api/issue-wording.ts';

type SchemaIssue = z.core.$ZodIssue;

/**
 * A request that fits none of a union's shapes (a unit, or an area in a park) is told what is
 * wrong with the shape it came closest to — the fewest problems — field by field, rather than
 * "Invalid input" for the whole body.
 */
function closestAlternative(issue: SchemaIssue): readonly SchemaIssue[] | null {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return null;
  const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
  if (closest.length === 0) return null;
  return closest.flatMap((inner) => {
    const located = { ...inner, path: [...issue.path, ...inner.path] } as SchemaIssue;
    return closestAlternative(located) ?? [located];
  });
}

/**
 * What a failed schema check of a request part says: each field with its problem, in words
 * (`issueWording`). `source` is the part checked (a repeated query parameter is a list).
 */
export function invalidRequest(issues: readonly SchemaIssue[], source?: IssueSource): AppError {
  const details = issues
    .flatMap((issue) => closestAlternative(issue) ?? [issue])
    .flatMap((issue) =>
      // An unknown field is named itself, not the object that holds it.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            field: [...issue.path.map(String), key].join('.'),
            message: 'is not a field of this request',
          }))
        : [{ field: issue.path.map(String).join('.'), message: issueWording(issue, source) }],
    );
  return invalidFields(details);
}

/** The HTTP status for each error code; the switch is exhaustive so a new code must be mapped. */
export function httpStatusFor(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'TEMPLATE_INVALID':
    case 'PASSWORD_TOO_WEAK':
    case 'BACKUP_INVALID':
      return 400;
    case 'REQUEST_TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
      return 429;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'SESSION_EXPIRED':
      return 401;
    case 'FORBIDDEN':
    case 'ORIGIN_REFUSED':
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
    case 'JOB_NOT_FOUND':
    case 'PLATFORM_NOT_FOUND':
    case 'LINK_NOT_FOUND':
    case 'NEED_NOT_FOUND':
    case 'OFFER_NOT_FOUND':
    case 'EXPERT_NOT_FOUND':
    case 'EVENT_NOT_FOUND':
      return 404;
    case 'USER_EXISTS':
    case 'PROJECT_EXISTS':
    case 'STAGE_MOVE_INVALID':
    case 'SPACE_UNAVAILABLE':
    case 'PROBLEM_TRANSITION_INVALID':
    case 'PROBLEM_CLOSED':
    case 'DEPARTMENT_EXISTS':
    case 'CONFLICT':
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

/**
 * A database refusal the request's own values caused (a value out of a column's range, a date or
 * number PostgreSQL cannot read, a reference to nothing, a duplicate), as the 4xx it is; null for
 * anything else. Validation at the edge should catch these first: this keeps a gap in it from
 * ever answering 500.
 */
export function inputErrorFromDatabase(error: unknown): AppError | null {
  const state = sqlStateOf(error);
  if (state === null) return null;
  if (state.startsWith('22') || state === '23502' || state === '23514') {
    return new AppError(
      'VALIDATION_FAILED',
      `Invalid request: a value is malformed or out of range for where it is stored (SQLSTATE ${state}).`,
      { sqlState: state },
    );
  }
  if (state === '23503') {
    return new AppError(
      'VALIDATION_FAILED',
      'Invalid request: it refers to a record that does not exist (or one still in use).',
      { sqlState: state },
    );
  }
  if (state === '23505' || state === '23P01') {
    return new AppError('CONFLICT', 'A record with these values exists already.', {
      sqlState: state,
    });
  }
  return null;
}

/**
 * The one log line of a server error: request id, method, route pattern, error name, SQLSTATE and
 * stack frames, but no message from the database or query builder (they carry the query's
 * parameter values: passwords, hashes, personal data).
 */
export function serverErrorLogLine(
  error: unknown,
  request: { requestId: string; method: string; route: string },
): string {
  const state = sqlStateOf(error);
  const name = error instanceof Error ? error.name : typeof error;
  const stack =
    error instanceof Error && error.stack
      ? error.stack
          .split('\n')
          .filter((line) => line.trimStart().startsWith('at '))
          .slice(0, 8)
      : [];
  const message =
    state === null && error instanceof Error ? error.message.slice(0, 300) : undefined;
  return JSON.stringify({
    level: 'error',
    at: new Date().toISOString(),
    ...request,
    error: name,
    ...(state !== null && { sqlState: state }),
    ...(message !== undefined && { message }),
    stack,
  });
}
