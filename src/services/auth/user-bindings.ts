import { AppError } from '../../domain/app-error.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { findEnterpriseById } from '../../db/enterprise.repository.ts';
import { existingChainCodes, findDepartmentById } from '../../db/user.repository.ts';
import type { Role } from '../../shared/permissions.ts';
import { requirePark } from '../lookup/lookup.service.ts';

/** What a user is bound to: a park, a department, an enterprise, a set of chains. */
export interface UserBindings {
  parkId: number | null;
  departmentId: number | null;
  enterpriseId: number | null;
  chainCodes: string[] | null;
}

/** The roles a chain list narrows; the others see every chain (admin, investment) or none (firm). */
export const CHAIN_SCOPED_ROLES: readonly Role[] = [
  'office',
  'chain_leader',
  'analyst',
  'viewer',
  'department',
  'park',
];

const MAX_CHAIN_CODES = 100;

function refuse(message: string, field: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { field });
}

/** One binding that exactly one role carries (park → parkId, department → departmentId …). */
function bindingFor(
  role: Role,
  owner: Role,
  value: number | null | undefined,
  field: string,
  what: string,
  missing: string,
): number | null {
  if (role !== owner) {
    if (value != null) {
      throw refuse(
        `Only a ${owner} user is bound to ${what}; drop ${field} for role ${role}.`,
        field,
      );
    }
    return null;
  }
  if (value == null) throw refuse(missing, field);
  return value;
}

async function checkChainCodes(
  db: DbOrTx,
  role: Role,
  codes: readonly string[] | null | undefined,
): Promise<string[] | null> {
  if (codes == null) return null;
  if (!CHAIN_SCOPED_ROLES.includes(role)) {
    throw refuse(
      `Role ${role} is not narrowed to chains; drop chainCodes (it is for ${CHAIN_SCOPED_ROLES.join(', ')}).`,
      'chainCodes',
    );
  }
  const unique = [...new Set(codes.map((code) => code.trim()))];
  if (unique.length === 0 || unique.length > MAX_CHAIN_CODES) {
    throw refuse(
      `Name 1 to ${MAX_CHAIN_CODES} chains, or leave chainCodes null for every chain.`,
      'chainCodes',
    );
  }
  const known = new Set(await existingChainCodes(db, unique));
  const missing = unique.filter((code) => !known.has(code));
  if (missing.length > 0) {
    throw new AppError(
      'CHAIN_NOT_FOUND',
      `No chain has the code ${missing.map((code) => `"${code}"`).join(', ')}; GET /api/chains lists them.`,
      { field: 'chainCodes', chain: missing[0] },
    );
  }
  return unique.sort();
}

/**
 * Checks what a user of `role` is bound to: a park user to one existing park, a department user to
 * one existing department, a firm user to one existing enterprise, and a chain list (null = every
 * chain) only for the roles it narrows. Throws VALIDATION_FAILED (naming the field),
 * PARK_NOT_FOUND, DEPARTMENT_NOT_FOUND, ENTERPRISE_NOT_FOUND or CHAIN_NOT_FOUND.
 */
export async function checkUserBindings(
  db: DbOrTx,
  role: Role,
  input: {
    parkId?: number | null | undefined;
    departmentId?: number | null | undefined;
    enterpriseId?: number | null | undefined;
    chainCodes?: readonly string[] | null | undefined;
  },
): Promise<UserBindings> {
  const parkId = bindingFor(
    role,
    'park',
    input.parkId,
    'parkId',
    'a park',
    'A park user manages one park: name it (--park ID or CODE, or parkId).',
  );
  if (parkId !== null) await requirePark(db, parkId, 'parkId');
  const departmentId = bindingFor(
    role,
    'department',
    input.departmentId,
    'departmentId',
    'a department',
    'A department user works for one department: name it (--department ID, or departmentId).',
  );
  if (departmentId !== null && !(await findDepartmentById(db, departmentId))) {
    throw new AppError(
      'DEPARTMENT_NOT_FOUND',
      `No department has the id ${departmentId}; GET /api/departments lists them.`,
      { field: 'departmentId', departmentId },
    );
  }
  const enterpriseId = bindingFor(
    role,
    'firm',
    input.enterpriseId,
    'enterpriseId',
    'an enterprise',
    'A firm user speaks for one enterprise: name it (--enterprise ID, or enterpriseId).',
  );
  if (enterpriseId !== null && !(await findEnterpriseById(db, enterpriseId))) {
    throw new AppError(
      'ENTERPRISE_NOT_FOUND',
      `No enterprise has the id ${enterpriseId}; GET /api/enterprises finds it.`,
      { field: 'enterpriseId', enterpriseId },
    );
  }
  const chainCodes = await checkChainCodes(db, role, input.chainCodes);
  return { parkId, departmentId, enterpriseId, chainCodes };
}
