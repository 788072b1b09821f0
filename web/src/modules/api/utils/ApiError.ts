import type { ErrorCode } from '@shared/error-codes.ts';

/** A failed API call: the HTTP status (0 when the server was not reached) and the stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
