import { aliasedTable, and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import {
  enterprise,
  innovationPlatform,
  park,
  platformNode,
  platformTarget,
  platformUser,
  region,
} from './schema.ts';

// Innovation platforms (创新平台): the platforms, their nodes, the firms using them and their
// targets. All SQL of the platforms lives here.

export type PlatformInsert = typeof innovationPlatform.$inferInsert;
export type PlatformUserInsert = typeof platformUser.$inferInsert;
export type PlatformTargetInsert = typeof platformTarget.$inferInsert;
export type PlatformTargetRow = typeof platformTarget.$inferSelect;

const host = aliasedTable(enterprise, 'host');

function platformSelect(db: DbOrTx) {
  return db
    .select({
      id: innovationPlatform.id,
      chainId: innovationPlatform.chainId,
      name: innovationPlatform.name,
      kind: innovationPlatform.kind,
      level: innovationPlatform.level,
      hostName: innovationPlatform.hostName,
      hostEnterpriseId: innovationPlatform.hostEnterpriseId,
      hostEnterpriseName: host.name,
      regionCode: innovationPlatform.regionCode,
      regionName: region.name,
      parkId: innovationPlatform.parkId,
      parkName: park.name,
      description: innovationPlatform.description,
      isDemo: innovationPlatform.isDemo,
      // The outer platform named by hand (${innovationPlatform}.id): were the joins dropped, drizzle
      // would render ${innovationPlatform.id} as a bare "id", which the subquery takes for its own.
      firmsUsing: sql<number>`(select count(*)::int from ${platformUser} u where u.platform_id = ${innovationPlatform}.id)`,
    })
    .from(innovationPlatform)
    .leftJoin(host, eq(host.id, innovationPlatform.hostEnterpriseId))
    .leftJoin(region, eq(region.code, innovationPlatform.regionCode))
    .leftJoin(park, eq(park.id, innovationPlatform.parkId));
}

/** A platform with its host's, region's and park's names and how many firms use it. */
export type PlatformRow = Awaited<ReturnType<ReturnType<typeof platformSelect>['where']>>[number];

/** Inserts a platform and returns its id. */
export async function insertPlatform(db: DbOrTx, values: PlatformInsert): Promise<number> {
  const [row] = await db
    .insert(innovationPlatform)
    .values(values)
    .returning({ id: innovationPlatform.id });
  return row?.id ?? 0;
}

/** Changes a platform. */
export async function updatePlatformRow(
  db: DbOrTx,
  id: number,
  patch: Partial<PlatformInsert>,
): Promise<void> {
  await db
    .update(innovationPlatform)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(innovationPlatform.id, id));
}

/** Sets the nodes a platform serves (replacing the ones it had). */
export async function replacePlatformNodes(
  db: DbOrTx,
  platformId: number,
  nodeIds: readonly number[],
): Promise<void> {
  await db.delete(platformNode).where(eq(platformNode.platformId, platformId));
  if (nodeIds.length > 0) {
    await db
      .insert(platformNode)
      .values([...new Set(nodeIds)].map((nodeId) => ({ platformId, nodeId })));
  }
}

/** The id of the chain's platform with this name, if any. */
export async function findPlatformIdByName(
  db: DbOrTx,
  chainId: number,
  name: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: innovationPlatform.id })
    .from(innovationPlatform)
    .where(and(eq(innovationPlatform.chainId, chainId), eq(innovationPlatform.name, name)));
  return row?.id;
}

/** One platform of a chain, or undefined. */
export async function findPlatform(
  db: DbOrTx,
  chainId: number,
  id: number,
): Promise<PlatformRow | undefined> {
  const [row] = await platformSelect(db).where(
    and(eq(innovationPlatform.id, id), eq(innovationPlatform.chainId, chainId)),
  );
  return row;
}

export interface PlatformFilter {
  chainId: number;
  kind?: string | undefined;
  level?: string | undefined;
  nodeId?: number | undefined;
  text?: string | undefined;
}

function platformWhere(filter: PlatformFilter): SQL | undefined {
  return and(
    eq(innovationPlatform.chainId, filter.chainId),
    filter.kind ? eq(innovationPlatform.kind, filter.kind) : undefined,
    filter.level ? eq(innovationPlatform.level, filter.level) : undefined,
    filter.nodeId
      ? sql`exists (select 1 from ${platformNode} pn where pn.platform_id = ${innovationPlatform.id} and pn.node_id = ${filter.nodeId})`
      : undefined,
    filter.text
      ? sql`(strpos(lower(${innovationPlatform.name}), lower(${filter.text})) > 0
          or strpos(lower(coalesce(${innovationPlatform.hostName}, '')), lower(${filter.text})) > 0)`
      : undefined,
  );
}

/** A page of a chain's platforms by level (national first) and name, with the count of all. */
export async function listPlatforms(
  db: DbOrTx,
  filter: PlatformFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: PlatformRow[]; total: number }> {
  const where = platformWhere(filter);
  const rows = await platformSelect(db)
    .where(where)
    .orderBy(
      sql`array_position(array['national','provincial','municipal','district'], ${innovationPlatform.level})`,
      asc(innovationPlatform.name),
    )
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(innovationPlatform)
    .where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** The node ids each platform serves. */
export async function listPlatformNodeIds(
  db: DbOrTx,
  platformIds: readonly number[],
): Promise<Map<number, number[]>> {
  const byPlatform = new Map<number, number[]>();
  if (platformIds.length === 0) return byPlatform;
  const rows = await db
    .select()
    .from(platformNode)
    .where(inArray(platformNode.platformId, [...platformIds]));
  for (const row of rows) {
    const list = byPlatform.get(row.platformId) ?? [];
    list.push(row.nodeId);
    byPlatform.set(row.platformId, list);
  }
  return byPlatform;
}

/** The targets of some platforms, newest year first. */
export async function listPlatformTargets(
  db: DbOrTx,
  platformIds: readonly number[],
): Promise<PlatformTargetRow[]> {
  if (platformIds.length === 0) return [];
  return db
    .select()
    .from(platformTarget)
    .where(inArray(platformTarget.platformId, [...platformIds]))
    .orderBy(sql`${platformTarget.year} desc`, asc(platformTarget.id));
}

/** The firms using a platform (or only `enterpriseId`'s use), by name. */
export async function listPlatformUsers(db: DbOrTx, platformId: number, enterpriseId?: number) {
  return db
    .select({
      enterpriseId: platformUser.enterpriseId,
      enterpriseName: enterprise.name,
      regionCode: enterprise.regionCode,
      regionName: region.name,
      since: platformUser.since,
      service: platformUser.service,
      note: platformUser.note,
      isDemo: platformUser.isDemo,
    })
    .from(platformUser)
    .innerJoin(enterprise, eq(enterprise.id, platformUser.enterpriseId))
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .where(
      and(
        eq(platformUser.platformId, platformId),
        enterpriseId === undefined ? undefined : eq(platformUser.enterpriseId, enterpriseId),
      ),
    )
    .orderBy(asc(enterprise.name));
}

/** Records that a firm uses a platform, or changes how. */
export async function upsertPlatformUser(db: DbOrTx, values: PlatformUserInsert): Promise<void> {
  await db
    .insert(platformUser)
    .values(values)
    .onConflictDoUpdate({
      target: [platformUser.platformId, platformUser.enterpriseId],
      set: {
        since: values.since ?? null,
        service: values.service ?? null,
        note: values.note ?? null,
        recordedBy: values.recordedBy,
        updatedAt: new Date(),
      },
    });
}

/** Inserts many uses (the demo). */
export async function insertPlatformUsers(
  db: DbOrTx,
  values: readonly PlatformUserInsert[],
): Promise<void> {
  if (values.length > 0) await db.insert(platformUser).values([...values]);
}

/** Ends a firm's use of a platform; true when there was one. */
export async function deletePlatformUser(
  db: DbOrTx,
  platformId: number,
  enterpriseId: number,
): Promise<boolean> {
  const rows = await db
    .delete(platformUser)
    .where(
      and(eq(platformUser.platformId, platformId), eq(platformUser.enterpriseId, enterpriseId)),
    )
    .returning({ id: platformUser.id });
  return rows.length > 0;
}

/** Sets a platform's target (and actual) for a metric in a year. */
export async function upsertPlatformTarget(
  db: DbOrTx,
  values: PlatformTargetInsert,
): Promise<void> {
  await db
    .insert(platformTarget)
    .values(values)
    .onConflictDoUpdate({
      target: [platformTarget.platformId, platformTarget.year, platformTarget.metric],
      set: { target: values.target, actual: values.actual ?? null, updatedAt: new Date() },
    });
}

/** Inserts many targets (the demo). */
export async function insertPlatformTargets(
  db: DbOrTx,
  values: readonly PlatformTargetInsert[],
): Promise<void> {
  if (values.length > 0) await db.insert(platformTarget).values([...values]);
}
