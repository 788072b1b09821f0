/** Field names that hold a credential (as text): a password, its hash, a session token, a secret. */
const SECRET_KEY = /password|secret|token/i;

/** What a credential reads as where it was redacted. */
export const REDACTED = '[redacted]';

/**
 * A copy of a JSON value with every credential field's value replaced by REDACTED, at any depth:
 * the audit log keeps what changed, and never a password (the demo's load once listed its users'
 * passwords there, shown to every admin).
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) && typeof inner === 'string' ? REDACTED : redactSecrets(inner);
  }
  return copy;
}
