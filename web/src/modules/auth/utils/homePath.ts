import type { Role } from '@shared/permissions.ts';

/** Where a role lands after signing in: an enterprise on its service page, a department on its workbench. */
export function homePath(role: Role): string {
  switch (role) {
    case 'firm':
      return '/service';
    case 'department':
      return '/workbench';
    case 'admin':
    case 'analyst':
    case 'viewer':
    case 'investment':
    case 'park':
    case 'office':
    case 'chain_leader':
      return '/';
  }
}
