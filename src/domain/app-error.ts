import type { ErrorCode } from '../shared/error-codes.ts';

/**
 * The one error type services throw. The message says what was wrong, where, and what to do;
 * `details` carries machine-readable specifics (file, row, column, field).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is an AppError carrying `code`. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** One refused field of a request, with its problem in words. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The one shape of a refused request (400): VALIDATION_FAILED whose message names each field and
 * its problem, and whose details list them. `(body)` names the body as a whole.
 */
export function invalidFields(problems: readonly FieldProblem[]): AppError {
  const summary = problems.map((p) => `${p.field || '(body)'}: ${p.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid request: ${summary}`, [...problems]);
}
