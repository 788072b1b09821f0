/** Roles a user can hold; later features add roles here and grant them permissions below. */
export const ROLES = [
  'admin',
  'analyst',
  'viewer',
  'investment',
  'park',
  'office',
  'chain_leader',
  'department',
  'firm',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a route may require. `public` needs no session; `authenticated` any signed-in user.
 * Every route declares exactly one of these.
 */
export const PERMISSIONS = [
  'public',
  'authenticated',
  'chain:read',
  'chain:write',
  'region:read',
  /** Upload a region's district boundaries (admins: the office's approved map data). */
  'region:write',
  'enterprise:read',
  'enterprise:write',
  'park:read',
  'park:write',
  'project:read',
  'project:write',
  'space:write',
  'space:reserve',
  'user:manage',
  'audit:read',
  'stats:read',
  'stats:write',
  'problem:read',
  'problem:raise',
  'problem:act',
  'problem:manage',
  'leader:read',
  'leader:write',
  'supervision:progress',
  'department:manage',
  'calendar:manage',
  'firm-account:create',
  // Admins only: chain templates (upload, revision).
  'template:manage',
  // Admins only: installation settings (home region, default chain).
  'settings:manage',
  'link:read',
  'link:write',
  'link:import',
  // 供需对接: read needs and offers (firms: the public part of others'), publish them, record outcomes.
  'need:read',
  'need:write',
  'match:record',
  // Experts (专家库) and events (活动): read (firms: experts' public part), record (office).
  'expert:read',
  'expert:write',
  'event:read',
  'event:write',
  // 创新平台: every role reads innovation platforms (a firm sees only its own use of them); the
  // office and admins record them, a park user those of its own park (services apply it).
  'platform:read',
  'platform:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'authenticated',
  'chain:read',
  'region:read',
  'enterprise:read',
  'park:read',
  'stats:read',
  'link:read',
  'expert:read',
  'event:read',
  'platform:read',
];

/**
 * The chain office (`office`, 链办) runs the problem loop and the chain leader's records within its
 * chains; `chain_leader` sees all of its chains, comments, escalates and assigns 督办; `department`
 * works only the problems assigned to its department; `firm` raises, follows and rates its own
 * enterprise's problems and sees nothing else. Services apply the scopes (`problem-scope`).
 * `investment` manages leads and projects and reserves space for them; `park` manages the space of
 * the one park it is bound to (services refuse other parks) and sees the projects matched to it,
 * but not the whole pipeline. Links between enterprises (企业关系): every reading role sees them;
 * the office records and imports them; a `firm` declares and sees only its own enterprise's, and
 * never another's share or amount (services apply it). Experts and events: every reading role
 * reads them, a `firm` only experts' public part (no contact, note or advice) and no events; the
 * office records them.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  analyst: [
    ...READ,
    'project:read',
    'problem:read',
    'leader:read',
    'enterprise:write',
    'chain:write',
    'park:write',
    'stats:write',
    'need:read',
  ],
  viewer: [...READ, 'project:read', 'problem:read', 'leader:read', 'need:read'],
  investment: [...READ, 'project:read', 'project:write', 'space:reserve', 'need:read'],
  park: [...READ, 'space:write', 'space:reserve', 'problem:read', 'platform:write'],
  office: [
    ...READ,
    'project:read',
    'problem:read',
    'problem:raise',
    'problem:act',
    'problem:manage',
    'leader:read',
    'leader:write',
    'supervision:progress',
    'department:manage',
    'firm-account:create',
    'link:write',
    'link:import',
    'need:read',
    'need:write',
    'match:record',
    'expert:write',
    'event:write',
    'platform:write',
  ],
  chain_leader: [
    ...READ,
    'project:read',
    'problem:read',
    'problem:act',
    'leader:read',
    'leader:write',
    'supervision:progress',
    'need:read',
  ],
  department: [...READ, 'problem:read', 'problem:act', 'leader:read', 'supervision:progress'],
  firm: [
    'authenticated',
    'problem:read',
    'problem:raise',
    'problem:act',
    'link:read',
    'link:write',
    'need:read',
    'need:write',
    'expert:read',
    'platform:read',
  ],
};

/** True when `role` carries `permission` (`public` is granted to everyone). */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  return permission === 'public' || ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
