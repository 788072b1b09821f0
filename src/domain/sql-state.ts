/** The SQLSTATE of a database error, looking through the query builder's wrapper; else null. */
export function sqlStateOf(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * What may be said of an error outside the process (a stored message, a log line): a database
 * error by its SQLSTATE only (its text can quote the statement and the row's values), anything
 * else by its message.
 */
export function safeErrorMessage(error: unknown): string {
  const state = sqlStateOf(error);
  if (state !== null) return `the database refused the write (SQLSTATE ${state})`;
  return error instanceof Error ? error.message : String(error);
}
