import { AppError } from '../domain/app-error.ts';

/** How the server meets browsers and proxies: each a documented setting (README, Configuration). */
export interface SecuritySettings {
  /**
   * The server is behind a reverse proxy it trusts (CHAINLEAD_TRUST_PROXY=1, serve --trust-proxy):
   * the client address is the last X-Forwarded-For entry and X-Forwarded-Proto says whether the
   * browser used HTTPS. Off, both headers are ignored (any client could send them).
   */
  trustProxy: boolean;
  /**
   * The address browsers use, such as https://chain.example.gov.cn (CHAINLEAD_PUBLIC_URL,
   * serve --public-url): an Origin equal to it is accepted besides the request's own host.
   */
  publicOrigin: string | null;
  /** Always mark the session cookie Secure (CHAINLEAD_SECURE_COOKIES=always); else only over HTTPS. */
  alwaysSecureCookies: boolean;
  /** A session unused this long ends (CHAINLEAD_IDLE_TIMEOUT_MINUTES; default 8 hours). */
  idleTimeoutMs: number;
}

export const DEFAULT_IDLE_TIMEOUT_MINUTES = 8 * 60;

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  trustProxy: false,
  publicOrigin: null,
  alwaysSecureCookies: false,
  idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MINUTES * 60_000,
};

const invalid = (name: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${name} ${message}`, { field: name });

/** The origin (scheme://host[:port]) of a public URL setting. Throws VALIDATION_FAILED. */
export function parsePublicOrigin(value: string, name = 'CHAINLEAD_PUBLIC_URL'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(name, `must be a URL such as https://chain.example.gov.cn, not "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(name, `must be an http:// or https:// URL, not "${value}".`);
  }
  return url.origin;
}

const isOn = (value: string | undefined) => /^(1|true|yes|on)$/i.test(value?.trim() ?? '');

/**
 * The settings from the environment (CHAINLEAD_TRUST_PROXY, CHAINLEAD_PUBLIC_URL,
 * CHAINLEAD_SECURE_COOKIES, CHAINLEAD_IDLE_TIMEOUT_MINUTES); what is unset keeps its default.
 * Throws VALIDATION_FAILED naming the variable that does not parse.
 */
export function securitySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SecuritySettings {
  const settings = { ...DEFAULT_SECURITY_SETTINGS };
  settings.trustProxy = isOn(env.CHAINLEAD_TRUST_PROXY);
  const publicUrl = env.CHAINLEAD_PUBLIC_URL?.trim();
  if (publicUrl) settings.publicOrigin = parsePublicOrigin(publicUrl);
  const secure = env.CHAINLEAD_SECURE_COOKIES?.trim().toLowerCase();
  if (secure && secure !== 'auto' && secure !== 'always') {
    throw invalid('CHAINLEAD_SECURE_COOKIES', `must be "auto" or "always", not "${secure}".`);
  }
  settings.alwaysSecureCookies = secure === 'always';
  const idle = env.CHAINLEAD_IDLE_TIMEOUT_MINUTES?.trim();
  if (idle) settings.idleTimeoutMs = parseIdleMinutes(idle, 'CHAINLEAD_IDLE_TIMEOUT_MINUTES');
  return settings;
}

/** Minutes from 5 to 7 days as milliseconds. Throws VALIDATION_FAILED. */
export function parseIdleMinutes(value: string, name: string): number {
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 7 * 24 * 60) {
    throw invalid(name, `must be whole minutes from 5 to 10080 (7 days), not "${value}".`);
  }
  return minutes * 60_000;
}
