import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { enterprise, expert, expertAdvice, expertNode, project } from './schema.ts';

// Experts (专家库): the experts of a chain, the nodes they cover and whom they advised.

export type ExpertInsert = typeof expert.$inferInsert;
export type ExpertRow = typeof expert.$inferSelect;

/** Inserts an expert and returns its id. */
export async function insertExpert(db: DbOrTx, values: ExpertInsert): Promise<number> {
  const [row] = await db.insert(expert).values(values).returning({ id: expert.id });
  return row?.id ?? 0;
}

/** Inserts many experts (the demo), returning their ids in order. */
export async function insertExperts(db: DbOrTx, values: ExpertInsert[]): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await db.insert(expert).values(values).returning({ id: expert.id });
  return rows.map((r) => r.id);
}

/** Changes an expert's own fields. */
export async function updateExpertRow(
  db: DbOrTx,
  id: number,
  patch: Partial<ExpertInsert>,
): Promise<void> {
  await db
    .update(expert)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(expert.id, id));
}

/** Replaces the nodes an expert covers. */
export async function setExpertNodes(
  db: DbOrTx,
  expertId: number,
  nodeIds: number[],
): Promise<void> {
  await db.delete(expertNode).where(eq(expertNode.expertId, expertId));
  if (nodeIds.length > 0) {
    await db
      .insert(expertNode)
      .values([...new Set(nodeIds)].map((nodeId) => ({ expertId, nodeId })));
  }
}

/** Inserts expert–node pairs (the demo). */
export async function insertExpertNodes(
  db: DbOrTx,
  rows: { expertId: number; nodeId: number }[],
): Promise<void> {
  if (rows.length > 0) await db.insert(expertNode).values(rows).onConflictDoNothing();
}

/** One expert of a chain, or undefined. */
export async function findExpert(
  db: DbOrTx,
  chainId: number,
  id: number,
): Promise<ExpertRow | undefined> {
  const [row] = await db
    .select()
    .from(expert)
    .where(and(eq(expert.id, id), eq(expert.chainId, chainId)));
  return row;
}

export interface ExpertFilter {
  chainId: number;
  nodeId?: number | undefined;
  text?: string | undefined;
}

function expertWhere(filter: ExpertFilter): SQL | undefined {
  return and(
    eq(expert.chainId, filter.chainId),
    filter.nodeId
      ? sql`exists (select 1 from ${expertNode} where ${expertNode.expertId} = "expert"."id" and ${expertNode.nodeId} = ${filter.nodeId})`
      : undefined,
    filter.text
      ? sql`(strpos(lower(${expert.name}), lower(${filter.text})) > 0
          or strpos(lower(coalesce(${expert.institution}, '')), lower(${filter.text})) > 0
          or strpos(lower(array_to_string(${expert.fields}, ' ')), lower(${filter.text})) > 0)`
      : undefined,
  );
}

/** A page of a chain's experts by name, with the count of all that match. */
export async function listExperts(
  db: DbOrTx,
  filter: ExpertFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ExpertRow[]; total: number }> {
  const where = expertWhere(filter);
  const rows = await db
    .select()
    .from(expert)
    .where(where)
    .orderBy(asc(expert.name), asc(expert.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(expert)
    .where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** The node ids of each of these experts. */
export async function listNodesOfExperts(
  db: DbOrTx,
  expertIds: number[],
): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>();
  if (expertIds.length === 0) return result;
  const rows = await db.select().from(expertNode).where(inArray(expertNode.expertId, expertIds));
  for (const row of rows) {
    const list = result.get(row.expertId) ?? [];
    list.push(row.nodeId);
    result.set(row.expertId, list);
  }
  return result;
}

/** Inserts an advice record and returns its id. */
export async function insertExpertAdvice(
  db: DbOrTx,
  values: typeof expertAdvice.$inferInsert,
): Promise<number> {
  const [row] = await db.insert(expertAdvice).values(values).returning({ id: expertAdvice.id });
  return row?.id ?? 0;
}

/** Inserts advice records (the demo). */
export async function insertExpertAdviceRows(
  db: DbOrTx,
  values: (typeof expertAdvice.$inferInsert)[],
): Promise<void> {
  if (values.length > 0) await db.insert(expertAdvice).values(values);
}

/** Whom an expert advised, newest first, with the enterprise's or project's name. */
export async function listExpertAdvice(db: DbOrTx, expertId: number) {
  return db
    .select({
      id: expertAdvice.id,
      enterpriseId: expertAdvice.enterpriseId,
      enterpriseName: enterprise.name,
      projectId: expertAdvice.projectId,
      projectName: project.name,
      advisedOn: expertAdvice.advisedOn,
      note: expertAdvice.note,
    })
    .from(expertAdvice)
    .leftJoin(enterprise, eq(enterprise.id, expertAdvice.enterpriseId))
    .leftJoin(project, eq(project.id, expertAdvice.projectId))
    .where(eq(expertAdvice.expertId, expertId))
    .orderBy(sql`${expertAdvice.advisedOn} desc`, sql`${expertAdvice.id} desc`);
}

/** Which of these ids are experts of the chain. */
export async function existingExpertIds(
  db: DbOrTx,
  chainId: number,
  ids: number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: expert.id })
    .from(expert)
    .where(and(eq(expert.chainId, chainId), inArray(expert.id, ids)));
  return new Set(rows.map((r) => r.id));
}
