import type { Database } from '../db/connection.ts';
import type { UserView } from '../services/auth/users.service.ts';
import type { SecuritySettings } from './security-settings.ts';

/** What the app is built from; tests pass their own database. */
export interface AppDeps {
  database: Database;
  version: string;
  /** The built web app (Vite's output folder) to serve at `/`; without it `/` says how to build. */
  webDist?: string | null;
  /**
   * The region the chain office works for (serve --home-region, CHAINLEAD_HOME_REGION); when
   * nothing sets it, the demo's region (3202, Wuxi). The web app reads it from the session state.
   */
  homeRegion?: string | undefined;
  /**
   * The chain the web app opens on (serve --default-chain, CHAINLEAD_DEFAULT_CHAIN); unset or not
   * loaded, the first loaded chain by code.
   */
  defaultChain?: string | undefined;
  /** Mark the session cookie Secure (behind HTTPS) whatever the request says. */
  secureCookies?: boolean;
  /** Proxy trust, public URL, cookie and idle-timeout settings; unset ones keep their defaults. */
  security?: Partial<SecuritySettings>;
}

/** Hono's per-request variables. */
export interface AppEnv {
  Variables: {
    user: UserView | null;
    sessionToken: string | null;
    /** The cookie named a session that ended unused (answered 401 SESSION_EXPIRED). */
    sessionExpired: boolean;
    /** A short id for the request, in the `X-Request-Id` header and any 500's log line. */
    requestId: string;
  };
}
