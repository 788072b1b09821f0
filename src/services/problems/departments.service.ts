import { AppError } from '../../domain/app-error.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import {
  findDepartment,
  findDepartmentByName,
  findProblemCategory,
  insertDepartment,
  insertMissingCategories,
  listDepartments as selectDepartments,
  listProblemCategories,
  updateDepartmentRow,
  updateProblemCategoryRow,
} from '../../db/department.repository.ts';
import type {
  CreateDepartmentRequest,
  Department,
  ProblemCategory,
  UpdateDepartmentRequest,
  UpdateProblemCategoryRequest,
} from '../../shared/api/problems.ts';
import { presentCategory, presentDepartment } from './problem-presenter.ts';

/** The categories an installation starts with, and their SLA in working days. */
export const DEFAULT_PROBLEM_CATEGORIES = [
  { code: 'land', nameZh: '用地/厂房', nameEn: 'Land and premises', slaWorkingDays: 15 },
  { code: 'finance', nameZh: '融资', nameEn: 'Finance', slaWorkingDays: 10 },
  { code: 'talent', nameZh: '人才', nameEn: 'Talent', slaWorkingDays: 10 },
  {
    code: 'approval',
    nameZh: '审批/准入',
    nameEn: 'Approvals and market access',
    slaWorkingDays: 10,
  },
  { code: 'supply_chain', nameZh: '供应链/配套', nameEn: 'Supply chain', slaWorkingDays: 15 },
  { code: 'market', nameZh: '市场/订单', nameEn: 'Market and orders', slaWorkingDays: 15 },
  { code: 'policy', nameZh: '政策兑现', nameEn: 'Policy delivery', slaWorkingDays: 10 },
  { code: 'other', nameZh: '其他', nameEn: 'Other', slaWorkingDays: 10 },
] as const;

/**
 * Inserts the default categories the database does not hold yet; categories an admin changed
 * stay as they are. Returns the codes inserted.
 */
export async function seedProblemCategories(db: DbOrTx): Promise<string[]> {
  return insertMissingCategories(
    db,
    DEFAULT_PROBLEM_CATEGORIES.map((category, index) => ({ ...category, sortOrder: index * 10 })),
  );
}

/** Every department, by name (inactive ones too, flagged). */
export async function listDepartments(db: DbOrTx): Promise<Department[]> {
  return (await selectDepartments(db)).map(presentDepartment);
}

async function refuseTakenName(db: DbOrTx, name: string, exceptId?: number): Promise<void> {
  const existing = await findDepartmentByName(db, name);
  if (existing && existing.id !== exceptId) {
    throw new AppError(
      'DEPARTMENT_EXISTS',
      `A department is already named ${name} (id ${existing.id}).`,
      {
        field: 'name',
        id: existing.id,
      },
    );
  }
}

/** Creates a department. Throws DEPARTMENT_EXISTS (the name is taken). */
export async function createDepartment(
  db: Db,
  actor: Actor,
  input: CreateDepartmentRequest,
): Promise<Department> {
  return db.transaction(async (tx) => {
    await refuseTakenName(tx, input.name);
    const row = await insertDepartment(tx, {
      name: input.name,
      nameEn: input.nameEn ?? null,
      regionCode: input.regionCode ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'department.create',
      entityType: 'department',
      entityId: row.id,
      after: presentDepartment(row),
    });
    return presentDepartment(row);
  });
}

/** Renames, re-regions, or (de)activates a department. Throws DEPARTMENT_NOT_FOUND or DEPARTMENT_EXISTS. */
export async function updateDepartment(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateDepartmentRequest,
): Promise<Department> {
  return db.transaction(async (tx) => {
    const before = await findDepartment(tx, id);
    if (!before) throw new AppError('DEPARTMENT_NOT_FOUND', `No department has id ${id}.`, { id });
    if (input.name !== undefined) await refuseTakenName(tx, input.name, id);
    const changes = Object.fromEntries(
      Object.entries(input).filter(([, value]) => value !== undefined),
    );
    if (Object.keys(changes).length === 0) return presentDepartment(before);
    const after = await updateDepartmentRow(tx, id, changes);
    await recordAudit(tx, actor, {
      action: 'department.update',
      entityType: 'department',
      entityId: id,
      before: presentDepartment(before),
      after: presentDepartment(after),
    });
    return presentDepartment(after);
  });
}

/** Every problem category in display order (inactive ones too, flagged). */
export async function listCategories(db: DbOrTx): Promise<ProblemCategory[]> {
  return (await listProblemCategories(db)).map(presentCategory);
}

/**
 * Changes a category's names, SLA, order or whether it is offered. A new SLA applies to problems
 * received from now on; existing ones keep the SLA they were received with. Throws
 * CATEGORY_NOT_FOUND.
 */
export async function updateCategory(
  db: Db,
  actor: Actor,
  code: string,
  input: UpdateProblemCategoryRequest,
): Promise<ProblemCategory> {
  return db.transaction(async (tx) => {
    const before = await findProblemCategory(tx, code);
    if (!before) {
      throw new AppError('CATEGORY_NOT_FOUND', `No problem category has code "${code}".`, { code });
    }
    const changes = Object.fromEntries(
      Object.entries(input).filter(([, value]) => value !== undefined),
    );
    if (Object.keys(changes).length === 0) return presentCategory(before);
    const after = await updateProblemCategoryRow(tx, code, changes);
    await recordAudit(tx, actor, {
      action: 'problem_category.update',
      entityType: 'problem_category',
      entityId: code,
      before: presentCategory(before),
      after: presentCategory(after),
    });
    return presentCategory(after);
  });
}
