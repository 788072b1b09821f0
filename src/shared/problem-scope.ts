// Which problems a user may see, and how much of them, without I/O, so the server and the web app
// apply the same rule (docs/problems.md, "Who sees what").
import type { Role } from './permissions.ts';

/**
 * - `chains`: every problem of the chains named (null: every chain); `redacted` hides attachments,
 *   contact details and the enterprise's own words beyond the title (analyst, viewer).
 * - `department`: only the problems assigned to that department (now or before, by its events).
 * - `enterprise`: only that enterprise's problems (a `firm` user).
 * - `park`: the problems of the park's tenants.
 * - `none`: nothing (investment).
 * A binding that was lost (null id) sees nothing.
 */
export type ProblemScope =
  | { kind: 'chains'; chainCodes: readonly string[] | null; redacted: boolean }
  | { kind: 'department'; departmentId: number | null; chainCodes: readonly string[] | null }
  | { kind: 'enterprise'; enterpriseId: number | null }
  | { kind: 'park'; parkId: number | null; chainCodes: readonly string[] | null }
  | { kind: 'none' };

export interface ScopedUser {
  role: Role;
  parkId: number | null;
  departmentId: number | null;
  enterpriseId: number | null;
  chainCodes: readonly string[] | null;
}

/** The problem scope of a signed-in user. */
export function problemScopeFor(user: ScopedUser): ProblemScope {
  switch (user.role) {
    case 'admin':
      return { kind: 'chains', chainCodes: null, redacted: false };
    case 'office':
    case 'chain_leader':
      return { kind: 'chains', chainCodes: user.chainCodes, redacted: false };
    case 'analyst':
    case 'viewer':
      return { kind: 'chains', chainCodes: user.chainCodes, redacted: true };
    case 'department':
      return { kind: 'department', departmentId: user.departmentId, chainCodes: user.chainCodes };
    case 'firm':
      return { kind: 'enterprise', enterpriseId: user.enterpriseId };
    case 'park':
      return { kind: 'park', parkId: user.parkId, chainCodes: user.chainCodes };
    case 'investment':
      return { kind: 'none' };
  }
}

/** Whether a user of this scope may see a chain at all. */
export function isChainInScope(chainCodes: readonly string[] | null, chainCode: string): boolean {
  return chainCodes === null || chainCodes.includes(chainCode);
}
