/** Roles a user can hold; later features add roles here and grant them permissions below. */
export const ROLES = ['admin', 'analyst', 'viewer', 'investment', 'park'] as const;
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'authenticated',
  'chain:read',
  'region:read',
  'enterprise:read',
  'park:read',
  'stats:read',
];

/**
 * `investment` manages leads and projects and reserves space for them; `park` manages the space of
 * the one park it is bound to (services refuse other parks) and sees the projects matched to it,
 * but not the whole pipeline.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  analyst: [
    ...READ,
    'project:read',
    'enterprise:write',
    'chain:write',
    'park:write',
    'stats:write',
  ],
  viewer: [...READ, 'project:read'],
  investment: [...READ, 'project:read', 'project:write', 'space:reserve'],
  park: [...READ, 'space:write', 'space:reserve'],
};

/** True when `role` carries `permission` (`public` is granted to everyone). */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  return permission === 'public' || ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
