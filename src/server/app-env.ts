import type { Database } from '../db/connection.ts';
import type { UserView } from '../services/auth/users.service.ts';

/** What the app is built from; tests pass their own database. */
export interface AppDeps {
  database: Database;
  version: string;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies?: boolean;
}

/** Hono's per-request variables. */
export interface AppEnv {
  Variables: {
    user: UserView | null;
    sessionToken: string | null;
  };
}
