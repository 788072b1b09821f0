import { and, asc, desc, eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import { nameNowOf } from './user.repository.ts';
import type { DbOrTx } from './connection.ts';
import {
  appUser,
  chain,
  chainNode,
  enterprise,
  park,
  project,
  projectAttachment,
  projectStageEvent,
  spaceReservation,
} from './schema.ts';

export type ProjectRow = typeof project.$inferSelect;
export type NewProjectRow = typeof project.$inferInsert;
export type ProjectEventRow = typeof projectStageEvent.$inferSelect;

export interface ProjectFilter {
  chainId?: number | undefined;
  /** Region code prefix. */
  regionCode?: string | undefined;
  stage?: string | undefined;
  /** active | dropped; all when omitted. */
  status?: string | undefined;
  nodeId?: number | undefined;
  parkId?: number | undefined;
  ownerId?: number | undefined;
  text?: string | undefined;
  ids?: number[] | undefined;
  /** Only projects matched to this park: aimed at it or holding space in it. */
  matchedToParkId?: number | undefined;
  /** Only projects whose first arrival at `stage` (Asia/Shanghai day) falls from `from` to `to`. */
  reached?: { stage: string; from?: string | undefined; to?: string | undefined } | undefined;
}

/**
 * The Asia/Shanghai day a project first arrived at a stage (created in it or moved to it), null
 * if it never did: the day the scorecard dates projects signed and started by.
 */
function firstArrivalDay(stage: string): SQL<string | null> {
  // The outer project named by hand (${project}.id): in the select list of a query without joins
  // drizzle renders ${project.id} as a bare "id", which the subquery would take for the event's.
  return sql<string | null>`(select to_char(min(e.at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')
    from ${projectStageEvent} e where e.project_id = ${project}.id
      and e.kind in ('create', 'stage') and e.to_stage = ${stage})`;
}

function conditions(filter: ProjectFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filter.chainId !== undefined) where.push(eq(project.chainId, filter.chainId));
  if (filter.regionCode) where.push(sql`${project.regionCode} like ${`${filter.regionCode}%`}`);
  if (filter.stage) where.push(eq(project.stage, filter.stage));
  if (filter.status) where.push(eq(project.status, filter.status));
  if (filter.nodeId !== undefined) where.push(eq(project.nodeId, filter.nodeId));
  if (filter.parkId !== undefined) where.push(eq(project.parkId, filter.parkId));
  if (filter.ownerId !== undefined) where.push(eq(project.ownerId, filter.ownerId));
  if (filter.ids) where.push(sql`${project.id} = any(${sql.param(filter.ids)}::integer[])`);
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(
      or(
        ilike(project.name, pattern),
        ilike(project.investor, pattern),
        ilike(project.notes, pattern),
      ),
    );
  }
  if (filter.reached) {
    const day = firstArrivalDay(filter.reached.stage);
    where.push(sql`${day} is not null`);
    if (filter.reached.from) where.push(sql`${day} >= ${filter.reached.from}`);
    if (filter.reached.to) where.push(sql`${day} <= ${filter.reached.to}`);
  }
  if (filter.matchedToParkId !== undefined) {
    where.push(
      or(
        eq(project.parkId, filter.matchedToParkId),
        sql`exists (select 1 from ${spaceReservation} r where r.project_id = ${project.id}
          and r.park_id = ${filter.matchedToParkId} and r.status = 'reserved')`,
      ),
    );
  }
  return and(...where);
}

// The outer project named by hand, as in firstArrivalDay: safe whether or not the query joins.
const reservedM2 = sql<number>`coalesce((select sum(r.area_m2) from ${spaceReservation} r
  where r.project_id = ${project}.id and r.status = 'reserved'), 0)::float8`;

/** Projects with what a list shows of their chain, node, enterprise, park and owner. */
export async function listProjectViews(db: DbOrTx, filter: ProjectFilter) {
  const rows = await db
    .select({
      project,
      chainCode: chain.code,
      node: { code: chainNode.code, nameZh: chainNode.nameZh, nameEn: chainNode.nameEn },
      enterprise: { id: enterprise.id, name: enterprise.name, regionCode: enterprise.regionCode },
      park: { id: park.id, name: park.name, nameEn: park.nameEn },
      owner: { id: appUser.id, username: appUser.username, displayName: appUser.displayName },
      reservedM2,
    })
    .from(project)
    .innerJoin(chain, eq(chain.id, project.chainId))
    .leftJoin(chainNode, eq(chainNode.id, project.nodeId))
    .leftJoin(enterprise, eq(enterprise.id, project.enterpriseId))
    .leftJoin(park, eq(park.id, project.parkId))
    .leftJoin(appUser, eq(appUser.id, project.ownerId))
    .where(conditions(filter))
    .orderBy(desc(project.updatedAt), asc(project.id));
  return rows.map((row) => ({ ...row, reservedM2: Number(row.reservedM2) }));
}
export type ProjectView = Awaited<ReturnType<typeof listProjectViews>>[number];

/** One project, or null. */
export async function findProjectById(db: DbOrTx, id: number): Promise<ProjectRow | null> {
  const rows = await db.select().from(project).where(eq(project.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One project locked for update until the transaction ends, or null. */
export async function lockProject(db: DbOrTx, id: number): Promise<ProjectRow | null> {
  const rows = await db.select().from(project).where(eq(project.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Inserts a project and returns it. */
export async function insertProject(db: DbOrTx, values: NewProjectRow): Promise<ProjectRow> {
  const [row] = await db.insert(project).values(values).returning();
  if (!row) throw new Error('project was not inserted');
  return row;
}

/** Updates a project (and its updated time) and returns it. */
export async function updateProject(
  db: DbOrTx,
  id: number,
  values: Partial<NewProjectRow>,
): Promise<ProjectRow> {
  const [row] = await db
    .update(project)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(project.id, id))
    .returning();
  if (!row) throw new Error(`project ${id} was not updated`);
  return row;
}

/** Marks a project as changed now (an attachment or reservation counts as activity). */
export async function touchProject(db: DbOrTx, id: number): Promise<void> {
  await db.update(project).set({ updatedAt: new Date() }).where(eq(project.id, id));
}

/** Records a stage change, drop, reopening or capital arrival. */
export async function insertProjectEvent(
  db: DbOrTx,
  values: typeof projectStageEvent.$inferInsert,
): Promise<void> {
  await db.insert(projectStageEvent).values(values);
}

/** A project's events, oldest first. */
export async function listProjectEvents(db: DbOrTx, projectId: number) {
  return db
    .select({
      ...getTableColumns(projectStageEvent),
      actorName: nameNowOf(projectStageEvent.actorName),
    })
    .from(projectStageEvent)
    .where(eq(projectStageEvent.projectId, projectId))
    .orderBy(asc(projectStageEvent.at), asc(projectStageEvent.id));
}

const attachmentMeta = {
  id: projectAttachment.id,
  projectId: projectAttachment.projectId,
  fileName: projectAttachment.fileName,
  contentType: projectAttachment.contentType,
  sizeBytes: projectAttachment.sizeBytes,
  sha256: projectAttachment.sha256,
  uploadedBy: projectAttachment.uploadedBy,
  uploadedAt: projectAttachment.uploadedAt,
};

/** A project's attachments without their bytes, oldest first. */
export async function listAttachments(db: DbOrTx, projectId: number) {
  return db
    .select(attachmentMeta)
    .from(projectAttachment)
    .where(eq(projectAttachment.projectId, projectId))
    .orderBy(asc(projectAttachment.id));
}

/** Stores an attachment and returns it without its bytes. */
export async function insertAttachment(db: DbOrTx, values: typeof projectAttachment.$inferInsert) {
  const [row] = await db.insert(projectAttachment).values(values).returning(attachmentMeta);
  if (!row) throw new Error('attachment was not inserted');
  return row;
}

/** One attachment of a project with its bytes, or null. */
export async function findAttachment(db: DbOrTx, projectId: number, id: number) {
  const rows = await db
    .select()
    .from(projectAttachment)
    .where(and(eq(projectAttachment.projectId, projectId), eq(projectAttachment.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Deletes one attachment of a project; true when it existed. */
export async function deleteAttachment(db: DbOrTx, projectId: number, id: number) {
  const rows = await db
    .delete(projectAttachment)
    .where(and(eq(projectAttachment.projectId, projectId), eq(projectAttachment.id, id)))
    .returning({ id: projectAttachment.id });
  return rows.length > 0;
}

/**
 * Active projects courting an enterprise for a chain in the same city (a project may name the city
 * or one of its counties; both are one courtship).
 */
export async function findActiveProjectsForEnterprise(
  db: DbOrTx,
  options: { chainId: number; regionCode: string; enterpriseId: number },
) {
  return db
    .select({ id: project.id, name: project.name })
    .from(project)
    .where(
      and(
        eq(project.chainId, options.chainId),
        eq(project.enterpriseId, options.enterpriseId),
        eq(project.status, 'active'),
        sql`${project.regionCode} like ${`${options.regionCode.slice(0, 4)}%`}`,
      ),
    );
}

/**
 * Projects of a chain whose name is one of `names`, oldest first: what an import matches a row
 * without an id to, so that a re-run updates instead of creating the project again.
 */
export async function findProjectsByNames(
  db: DbOrTx,
  chainId: number,
  names: string[],
): Promise<{ id: number; name: string; regionCode: string }[]> {
  if (names.length === 0) return [];
  return db
    .select({ id: project.id, name: project.name, regionCode: project.regionCode })
    .from(project)
    .where(
      and(eq(project.chainId, chainId), sql`${project.name} = any(${sql.param(names)}::text[])`),
    )
    .orderBy(asc(project.id));
}

/** Which of these enterprise ids exist: one query for an import's whole file. */
export async function existingEnterpriseIds(db: DbOrTx, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: enterprise.id })
    .from(enterprise)
    .where(sql`${enterprise.id} = any(${sql.param(ids)}::bigint[])`);
  return new Set(rows.map((row) => Number(row.id)));
}
