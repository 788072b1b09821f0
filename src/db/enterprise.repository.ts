import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { chainNode, classification, enterprise, enterpriseYear, park, region } from './schema.ts';

export type EnterpriseRow = typeof enterprise.$inferSelect;
export type NewEnterpriseRow = typeof enterprise.$inferInsert;
export type EnterpriseYearRow = typeof enterpriseYear.$inferSelect;

export interface EnterpriseFilter {
  /** Region code prefix: 32 (Jiangsu) includes 3202 (Wuxi) includes 320214. */
  regionCode?: string | undefined;
  tag?: string | undefined;
  text?: string | undefined;
  /** A node code, or a stage code (all nodes beneath it). */
  nodeCode?: string | undefined;
  /** With nodeCode: one decision; by default confirmed or uncertain. */
  decision?: string | undefined;
}

function filterConditions(filter: EnterpriseFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.regionCode)
    conditions.push(sql`${enterprise.regionCode} like ${`${filter.regionCode}%`}`);
  if (filter.tag) conditions.push(sql`${filter.tag} = any(${enterprise.tags})`);
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const textMatch = or(
      ilike(enterprise.name, pattern),
      ilike(enterprise.nameEn, pattern),
      eq(enterprise.uscc, filter.text.toUpperCase()),
    );
    if (textMatch) conditions.push(textMatch);
  }
  if (filter.nodeCode) {
    const decisions = filter.decision ? [filter.decision] : ['confirmed', 'uncertain'];
    conditions.push(sql`exists (
      select 1 from ${classification} c join ${chainNode} n on n.id = c.node_id
      where c.enterprise_id = ${enterprise.id}
        and (n.code = ${filter.nodeCode} or n.code like ${`${filter.nodeCode}.%`})
        and c.decision = any(${sql.param(decisions)}::text[]))`);
  }
  return and(...conditions);
}

const latestYear = sql<number | null>`(
  select max(${enterpriseYear.year}) from ${enterpriseYear}
  where ${enterpriseYear.enterpriseId} = ${enterprise.id})`;
const latestOutput = sql<string | null>`(
  select ${enterpriseYear.outputYuan} from ${enterpriseYear}
  where ${enterpriseYear.enterpriseId} = ${enterprise.id}
  order by ${enterpriseYear.year} desc limit 1)`;

/** One page of enterprises matching `filter`, by name, with region name and latest output. */
export async function listEnterprises(
  db: DbOrTx,
  filter: EnterpriseFilter,
  page: { offset: number; limit: number },
) {
  const where = filterConditions(filter);
  const rows = await db
    .select({
      enterprise,
      regionName: region.name,
      latestYear,
      latestOutput,
    })
    .from(enterprise)
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .where(where)
    .orderBy(asc(enterprise.name), asc(enterprise.id))
    .offset(page.offset)
    .limit(page.limit);
  return rows.map((row) => ({
    ...row,
    latestOutput: row.latestOutput === null ? null : Number(row.latestOutput),
  }));
}

/** How many enterprises match `filter`. */
export async function countEnterprises(db: DbOrTx, filter: EnterpriseFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(enterprise).where(filterConditions(filter));
  return row?.n ?? 0;
}

/** One enterprise with its region and park names, or null. */
export async function findEnterpriseById(db: DbOrTx, id: number) {
  const rows = await db
    .select({ enterprise, regionName: region.name, parkName: park.name })
    .from(enterprise)
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .leftJoin(park, eq(park.id, enterprise.parkId))
    .where(eq(enterprise.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** An enterprise's yearly figures, oldest first. */
export async function listEnterpriseYears(db: DbOrTx, id: number): Promise<EnterpriseYearRow[]> {
  return db
    .select()
    .from(enterpriseYear)
    .where(eq(enterpriseYear.enterpriseId, id))
    .orderBy(asc(enterpriseYear.year));
}

/** Inserts enterprises in batches; returns their ids in input order. */
export async function insertEnterprises(db: DbOrTx, rows: NewEnterpriseRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += 2_000) {
    const inserted = await db
      .insert(enterprise)
      .values(rows.slice(start, start + 2_000))
      .returning({ id: enterprise.id });
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

/**
 * Inserts yearly figures. Rows travel as one array per column through unnest(): one statement and
 * ten parameters however many rows, which is far faster than multi-row VALUES on PGlite.
 */
export async function insertEnterpriseYears(
  db: DbOrTx,
  rows: (typeof enterpriseYear.$inferInsert)[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 20_000) {
    const batch = rows.slice(start, start + 20_000);
    const column = <K extends keyof (typeof batch)[number]>(key: K) =>
      sql.param(batch.map((row) => row[key] ?? null));
    await db.execute(sql`
      insert into enterprise_year (enterprise_id, region_code, year, revenue_yuan, output_yuan,
        tax_yuan, rd_spend_yuan, exports_yuan, employees)
      select * from unnest(
        ${column('enterpriseId')}::bigint[], ${column('regionCode')}::text[],
        ${column('year')}::smallint[], ${column('revenueYuan')}::numeric[],
        ${column('outputYuan')}::numeric[], ${column('taxYuan')}::numeric[],
        ${column('rdSpendYuan')}::numeric[], ${column('exportsYuan')}::numeric[],
        ${column('employees')}::integer[])`);
  }
}
