// Personal data (a reporter's contact name and phone number) and who may see it: the one rule,
// without I/O, used by every read path and export (docs/security.md, "Personal data").
import type { Role } from './permissions.ts';

/**
 * How much of a contact a role sees: `full`, `masked` (张** / 138****5678) or `hidden` (null).
 * Only the roles that call the reporter back see it whole; the others in the loop see that a
 * contact exists without learning it. Each role's problem scope still limits which problems it sees.
 */
export type PersonalDataAccess = 'full' | 'masked' | 'hidden';

export const PERSONAL_DATA_ACCESS: Readonly<Record<Role, PersonalDataAccess>> = {
  // Administers the installation: everything.
  admin: 'full',
  // The chain office runs the loop and calls the reporter back.
  office: 'full',
  // Works the problems assigned to it (its scope) and calls the reporter back.
  department: 'full',
  // Its own enterprise's problems only (its scope): the contact is its own staff.
  firm: 'full',
  // Oversees and escalates; the office does the calling.
  chain_leader: 'masked',
  // Sees its tenants' problems; knows its tenants, but not through the petitions.
  park: 'masked',
  // Read the problems redacted (no attachments, no contacts).
  analyst: 'hidden',
  viewer: 'hidden',
  // Sees no problems at all.
  investment: 'hidden',
};

/** The contact fields that carry personal data. */
export interface ContactDetails {
  contactName: string | null;
  contactPhone: string | null;
}

/** 张三丰 → 张**: the first character, a star for each other one. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars.length === 1 ? '*' : `${chars[0] ?? ''}${'*'.repeat(chars.length - 1)}`;
}

/** 13812345678 → 138****5678: the first three and last four characters of eight or more. */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length < 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 3).join('')}****${chars.slice(-4).join('')}`;
}

/**
 * What a reader of `role` may see of a contact. `includePersonalData` is an export's explicit
 * option: exports mask by default, even for roles with full access, and include the contact whole
 * only when asked (and the caller records that in the audit log).
 */
export function personalDataAccessFor(
  role: Role,
  options: { export?: boolean; includePersonalData?: boolean } = {},
): PersonalDataAccess {
  const access = PERSONAL_DATA_ACCESS[role];
  if (access !== 'full' || !options.export) return access;
  return options.includePersonalData ? 'full' : 'masked';
}

/** Whether `role` may ask an export to include personal data unmasked. */
export function mayIncludePersonalData(role: Role): boolean {
  return PERSONAL_DATA_ACCESS[role] === 'full';
}

/** The contact as `access` allows: whole, masked or null. */
export function maskPersonalData<T extends ContactDetails>(access: PersonalDataAccess, item: T): T {
  switch (access) {
    case 'full':
      return item;
    case 'masked':
      return {
        ...item,
        contactName: item.contactName === null ? null : maskName(item.contactName),
        contactPhone: item.contactPhone === null ? null : maskPhone(item.contactPhone),
      };
    case 'hidden':
      return { ...item, contactName: null, contactPhone: null };
  }
}
