import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { department, problemCategory } from './schema.ts';

// Departments problems are assigned to, and the problem categories with their SLA.

export type DepartmentRow = typeof department.$inferSelect;
export type ProblemCategoryRow = typeof problemCategory.$inferSelect;

export async function listDepartments(db: DbOrTx): Promise<DepartmentRow[]> {
  return db.select().from(department).orderBy(asc(department.name));
}

export async function findDepartment(db: DbOrTx, id: number): Promise<DepartmentRow | null> {
  const rows = await db.select().from(department).where(eq(department.id, id));
  return rows[0] ?? null;
}

export async function findDepartmentByName(
  db: DbOrTx,
  name: string,
): Promise<DepartmentRow | null> {
  const rows = await db.select().from(department).where(eq(department.name, name));
  return rows[0] ?? null;
}

export async function insertDepartment(
  db: DbOrTx,
  values: typeof department.$inferInsert,
): Promise<DepartmentRow> {
  const [row] = await db.insert(department).values(values).returning();
  if (!row) throw new Error('department was not inserted');
  return row;
}

export async function updateDepartmentRow(
  db: DbOrTx,
  id: number,
  values: Partial<typeof department.$inferInsert>,
): Promise<DepartmentRow> {
  const [row] = await db.update(department).set(values).where(eq(department.id, id)).returning();
  if (!row) throw new Error(`department ${id} was not updated`);
  return row;
}

export async function listProblemCategories(db: DbOrTx): Promise<ProblemCategoryRow[]> {
  return db
    .select()
    .from(problemCategory)
    .orderBy(asc(problemCategory.sortOrder), asc(problemCategory.code));
}

export async function findProblemCategory(
  db: DbOrTx,
  code: string,
): Promise<ProblemCategoryRow | null> {
  const rows = await db.select().from(problemCategory).where(eq(problemCategory.code, code));
  return rows[0] ?? null;
}

/** Inserts categories whose code is not there yet; returns the codes inserted. */
export async function insertMissingCategories(
  db: DbOrTx,
  rows: (typeof problemCategory.$inferInsert)[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(problemCategory)
    .values(rows)
    .onConflictDoNothing()
    .returning({ code: problemCategory.code });
  return inserted.map((row) => row.code);
}

export async function updateProblemCategoryRow(
  db: DbOrTx,
  code: string,
  values: Partial<typeof problemCategory.$inferInsert>,
): Promise<ProblemCategoryRow> {
  const [row] = await db
    .update(problemCategory)
    .set(values)
    .where(eq(problemCategory.code, code))
    .returning();
  if (!row) throw new Error(`category ${code} was not updated`);
  return row;
}
