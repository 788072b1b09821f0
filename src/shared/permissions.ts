/** Roles a user can hold; later features add roles here and grant them permissions below. */
export const ROLES = ['admin', 'analyst', 'viewer'] as const;
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

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  analyst: [...READ, 'enterprise:write', 'chain:write', 'park:write', 'stats:write'],
  viewer: READ,
};

/** True when `role` carries `permission` (`public` is granted to everyone). */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  return permission === 'public' || ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
