import { eq } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import {
  appUser,
  chainLeadership,
  department,
  leaderActivity,
  leaderActivityEnterprise,
  leaderActivityNode,
  problem,
  problemEvent,
  sharedProblem,
  supervisionItem,
  supervisionNote,
} from './schema.ts';

// Bulk writes of the chain office's records, for loading a prepared history (the demo) in one
// transaction without replaying every step through the services.

export type NewDepartment = typeof department.$inferInsert;
export type NewProblem = typeof problem.$inferInsert;
export type NewProblemEvent = typeof problemEvent.$inferInsert;
export type NewActivity = typeof leaderActivity.$inferInsert;
export type NewSupervisionItem = typeof supervisionItem.$inferInsert;

const CHUNK = 500;

async function insertChunked<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Inserts departments; returns their ids in order. */
export async function insertDepartments(db: DbOrTx, rows: NewDepartment[]): Promise<number[]> {
  const inserted = await db.insert(department).values(rows).returning({ id: department.id });
  return inserted.map((row) => row.id);
}

/** Inserts problems; returns their ids in order. */
export async function insertProblems(db: DbOrTx, rows: NewProblem[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await db
      .insert(problem)
      .values(rows.slice(i, i + CHUNK))
      .returning({ id: problem.id });
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

export async function insertProblemEvents(db: DbOrTx, rows: NewProblemEvent[]): Promise<void> {
  await insertChunked(rows, (chunk) => db.insert(problemEvent).values(chunk));
}

/** Inserts a shared problem; returns its id. */
export async function insertSharedProblem(
  db: DbOrTx,
  row: typeof sharedProblem.$inferInsert,
): Promise<number> {
  const [inserted] = await db.insert(sharedProblem).values(row).returning({ id: sharedProblem.id });
  if (!inserted) throw new Error('shared problem was not inserted');
  return inserted.id;
}

export async function insertChainLeadership(
  db: DbOrTx,
  rows: (typeof chainLeadership.$inferInsert)[],
): Promise<void> {
  await db.insert(chainLeadership).values(rows);
}

/** Inserts activities with their enterprises and nodes; returns their ids in order. */
export async function insertActivities(
  db: DbOrTx,
  rows: { activity: NewActivity; enterpriseIds: number[]; nodeIds: number[] }[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(leaderActivity)
    .values(rows.map((row) => row.activity))
    .returning({ id: leaderActivity.id });
  const ids = inserted.map((row) => row.id);
  const enterprises = rows.flatMap((row, i) =>
    [...new Set(row.enterpriseIds)].map((enterpriseId) => ({ activityId: ids[i]!, enterpriseId })),
  );
  const nodes = rows.flatMap((row, i) =>
    [...new Set(row.nodeIds)].map((nodeId) => ({ activityId: ids[i]!, nodeId })),
  );
  if (enterprises.length > 0) await db.insert(leaderActivityEnterprise).values(enterprises);
  if (nodes.length > 0) await db.insert(leaderActivityNode).values(nodes);
  return ids;
}

/** Inserts 督办 items with their progress notes; returns their ids in order. */
export async function insertSupervisionItems(
  db: DbOrTx,
  rows: { item: NewSupervisionItem; notes: { note: string; authorName: string; at: Date }[] }[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(supervisionItem)
    .values(rows.map((row) => row.item))
    .returning({ id: supervisionItem.id });
  const ids = inserted.map((row) => row.id);
  const notes = rows.flatMap((row, i) => row.notes.map((n) => ({ ...n, itemId: ids[i]! })));
  if (notes.length > 0) await db.insert(supervisionNote).values(notes);
  return ids;
}

/** Binds a user to its department or enterprise (the scope of `department` and `firm` users). */
export async function bindUserScope(
  db: DbOrTx,
  userId: number,
  scope: { departmentId?: number | null; enterpriseId?: number | null },
): Promise<void> {
  await db.update(appUser).set(scope).where(eq(appUser.id, userId));
}
