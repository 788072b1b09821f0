import { and, asc, count, desc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { forgetEnterpriseUsccs, noteEnterpriseUsccs } from './uscc-lookup.repository.ts';
import { rowsOf, type DbOrTx } from './connection.ts';
import { isDistributed } from './distribution.repository.ts';
import {
  chainNode,
  chainPlacement,
  classification,
  enterprise,
  enterpriseYear,
  park,
  region,
} from './schema.ts';

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
  /**
   * A chain code: only enterprises placed on one of its nodes (with `decision`, or confirmed or
   * uncertain); the primary node listed is then the one on this chain.
   */
  chainCode?: string | undefined;
  /** The chain whose node the list shows, without filtering (chainCode or nodeCode's chain win). */
  nodeChainCode?: string | undefined;
  /** With nodeCode: one decision there (by default confirmed or uncertain); alone: on any node. */
  decision?: string | undefined;
  parkId?: number | undefined;
}

/** The SQL condition selecting enterprises that match `filter` (undefined: all of them). */
export function enterpriseFilterConditions(filter: EnterpriseFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.parkId !== undefined) conditions.push(eq(enterprise.parkId, filter.parkId));
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
  // A node (or stage) code, a chain code, or both: each is a prefix of the node codes it covers.
  const scopes = [filter.chainCode, filter.nodeCode].filter((s): s is string => Boolean(s));
  for (const scope of scopes) {
    const decisions = filter.decision ? [filter.decision] : ['confirmed', 'uncertain'];
    conditions.push(sql`exists (
      select 1 from ${classification} c join ${chainNode} n on n.id = c.node_id
      where c.enterprise_id = ${enterprise.id} and c.region_code = ${enterprise.regionCode}
        and (n.code = ${scope} or n.code like ${`${scope}.%`})
        and c.decision = any(${sql.param(decisions)}::text[]))`);
  }
  if (scopes.length === 0 && filter.decision) {
    conditions.push(sql`exists (
      select 1 from ${classification} c
      where c.enterprise_id = ${enterprise.id} and c.region_code = ${enterprise.regionCode}
        and c.decision = ${filter.decision})`);
  }
  return and(...conditions);
}

// The subqueries below name the outer enterprise by hand (${enterprise}.id, not ${enterprise.id}):
// in the select list of a query without joins drizzle renders ${enterprise.id} as a bare "id",
// which inside a subquery is the inner table's column when it has one (chain_node's here) and
// "region_code" is enterprise_year's own, so the match would silently go wrong. listEnterprises
// joins region today, which keeps the columns qualified; these must not depend on that.
const latestYear = sql<number | null>`(
  select max(${enterpriseYear.year}) from ${enterpriseYear}
  where ${enterpriseYear.enterpriseId} = ${enterprise}.id
    and ${enterpriseYear.regionCode} = ${enterprise}.region_code)`;
const latestOutput = sql<string | null>`(
  select ${enterpriseYear.outputYuan} from ${enterpriseYear}
  where ${enterpriseYear.enterpriseId} = ${enterprise}.id
    and ${enterpriseYear.regionCode} = ${enterprise}.region_code
  order by ${enterpriseYear.year} desc limit 1)`;
/**
 * The node an enterprise counts on: on the chain of `chainCode` when given (an enterprise may sit on
 * several chains, one primary placement on each), else on the first chain loaded.
 */
function primaryNode(chainCode: string | undefined) {
  const onChain = chainCode ? sql`and n.code like ${`${chainCode}.%`}` : sql``;
  return sql<{ code: string; zh: string; en: string } | null>`(
    select json_build_object('code', n.code, 'zh', n.name_zh, 'en', n.name_en)
    from ${chainPlacement} c join ${chainNode} n on n.id = c.node_id
    where c.enterprise_id = ${enterprise}.id and c.region_code = ${enterprise}.region_code ${onChain}
    order by n.chain_id, n.sort_order limit 1)`;
}

/** The codes of the chains an enterprise counts on (a primary placement on each), in code order. */
const chainsCountedOn = sql<string[]>`(
  select coalesce(json_agg(distinct split_part(n.code, '.', 1) order by split_part(n.code, '.', 1)), '[]'::json)
  from ${chainPlacement} c join ${chainNode} n on n.id = c.node_id
  where c.enterprise_id = ${enterprise}.id and c.region_code = ${enterprise}.region_code)`;

export type EnterpriseSortField = 'name' | 'foundedOn' | 'latestOutput' | 'region';

function orderBy(field: EnterpriseSortField, direction: 'asc' | 'desc'): SQL[] {
  const dir = direction === 'asc' ? asc : desc;
  // Empty values go last whichever way the list runs: a sort shows what is known first.
  const nullsLast = (expression: SQL) => sql`${expression} ${sql.raw(direction)} nulls last`;
  switch (field) {
    case 'name':
      return [dir(enterprise.name), asc(enterprise.id)];
    case 'foundedOn':
      return [nullsLast(sql`${enterprise.foundedOn}`), asc(enterprise.id)];
    case 'latestOutput':
      return [nullsLast(sql`${latestOutput}::numeric`), asc(enterprise.id)];
    case 'region':
      return [dir(enterprise.regionCode), asc(enterprise.name), asc(enterprise.id)];
  }
}

/** One page of enterprises matching `filter` with region name, latest output and primary node. */
export async function listEnterprises(
  db: DbOrTx,
  filter: EnterpriseFilter,
  page: { offset: number; limit: number },
  sort: { field: EnterpriseSortField; direction: 'asc' | 'desc' } = {
    field: 'name',
    direction: 'asc',
  },
) {
  const where = enterpriseFilterConditions(filter);
  const rows = await db
    .select({
      enterprise,
      regionName: region.name,
      latestYear,
      latestOutput,
      // The chain the list is filtered by (a chain code, or the first segment of a node code),
      // else the chain the reader asked to see the nodes of.
      primaryNode: primaryNode(
        filter.chainCode ?? filter.nodeCode?.split('.')[0] ?? filter.nodeChainCode,
      ),
      chains: chainsCountedOn,
    })
    .from(enterprise)
    .leftJoin(region, eq(region.code, enterprise.regionCode))
    .where(where)
    .orderBy(...orderBy(sort.field, sort.direction))
    .offset(page.offset)
    .limit(page.limit);
  return rows.map((row) => ({
    ...row,
    latestOutput: row.latestOutput === null ? null : Number(row.latestOutput),
  }));
}

/** How many enterprises match `filter`. */
export async function countEnterprises(db: DbOrTx, filter: EnterpriseFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(enterprise)
    .where(enterpriseFilterConditions(filter));
  return row?.n ?? 0;
}

/** One enterprise with its region and park names, or null. */
export async function findEnterpriseById(db: DbOrTx, id: number) {
  const rows = await db
    .select({
      enterprise,
      regionName: region.name,
      parkName: park.name,
      parkNameEn: park.nameEn,
    })
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

// Columns a bulk insert writes: [row key, column, SQL type]. Arrays travel as JSON arrays.
const BULK_COLUMNS = [
  ['regionCode', 'region_code', 'text'],
  ['uscc', 'uscc', 'text'],
  ['name', 'name', 'text'],
  ['nameEn', 'name_en', 'text'],
  ['address', 'address', 'text'],
  ['foundedOn', 'founded_on', 'date'],
  ['registeredCapitalYuan', 'registered_capital_yuan', 'numeric'],
  ['industryCode', 'industry_code', 'text'],
  ['businessScope', 'business_scope', 'text'],
  ['parkId', 'park_id', 'integer'],
  ['source', 'source', 'text'],
  ['status', 'status', 'text'],
  ['isDemo', 'is_demo', 'boolean'],
  ['nameKey', 'name_key', 'text'],
  ['provenance', 'provenance', 'jsonb'],
  ['aliases', 'aliases', 'text[]'],
  ['products', 'products', 'text[]'],
  ['tags', 'tags', 'text[]'],
  ['matchKeys', 'match_keys', 'text[]'],
] as const;

const DEFAULTS: Partial<NewEnterpriseRow> = {
  status: 'active',
  isDemo: false,
  provenance: [],
  aliases: [],
  products: [],
  tags: [],
  matchKeys: [],
};

/**
 * Inserts enterprises; returns their ids in input order. A batch travels as one JSON parameter
 * (jsonb_to_recordset) with ids drawn from the sequence first, so the order is certain and the
 * statement stays small however many columns and rows it carries.
 */
export async function insertEnterprises(db: DbOrTx, rows: NewEnterpriseRow[]): Promise<number[]> {
  const ids: number[] = [];
  const recordType = [
    'id bigint',
    ...BULK_COLUMNS.map(([, column, type]) => `${column} ${type.endsWith('[]') ? 'jsonb' : type}`),
  ].join(', ');
  const selectList = [
    'r.id',
    ...BULK_COLUMNS.map(([, column, type]) =>
      type.endsWith('[]')
        ? `array(select jsonb_array_elements_text(coalesce(r.${column}, '[]'::jsonb)))`
        : `r.${column}`,
    ),
  ].join(', ');
  const columnList = ['id', ...BULK_COLUMNS.map(([, column]) => column)].join(', ');
  for (let start = 0; start < rows.length; start += 5_000) {
    const batch = rows.slice(start, start + 5_000);
    const allocated = await db.execute(
      sql`select nextval('enterprise_id_seq') as id from generate_series(1, ${batch.length})`,
    );
    const batchIds = (allocated as { rows: { id: string | number }[] }).rows.map((row) =>
      Number(row.id),
    );
    const records = batch.map((row, index) => {
      const full = { ...DEFAULTS, ...row };
      const record: Record<string, unknown> = { id: batchIds[index] };
      for (const [key, column] of BULK_COLUMNS) record[column] = full[key] ?? null;
      return record;
    });
    await db.execute(sql`
      insert into enterprise (${sql.raw(columnList)})
      select ${sql.raw(selectList)}
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(${sql.raw(recordType)})`);
    ids.push(...batchIds);
  }
  await noteEnterpriseUsccs(db, ids);
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

/**
 * A page of enterprises matching `filter` after `afterId` (keyset paging by id), each with its
 * latest yearly figures as JSON (snake_case keys), or null.
 */
export async function listEnterprisesWithLatestYear(
  db: DbOrTx,
  options: { afterId: number; filter: EnterpriseFilter; limit: number },
) {
  // The outer enterprise named by hand, as in latestYear above: this query has no joins.
  const latest = sql`(select row_to_json(y) from ${enterpriseYear} y
    where y.enterprise_id = ${enterprise}.id and y.region_code = ${enterprise}.region_code
    order by y.year desc limit 1)`;
  return db
    .select({ e: enterprise, latest: sql<Record<string, unknown> | null>`${latest}` })
    .from(enterprise)
    .where(and(gt(enterprise.id, options.afterId), enterpriseFilterConditions(options.filter)))
    .orderBy(asc(enterprise.id))
    .limit(options.limit);
}

/** Deletes an enterprise (its remaining figures and placements go with it). */
export async function deleteEnterprise(db: DbOrTx, id: number): Promise<void> {
  await forgetEnterpriseUsccs(db, [id]);
  await followEnterpriseReferences(db, id);
  await db.delete(enterprise).where(eq(enterprise.id, id));
}

/** A rule a coordinator table's foreign key to the registry had (scripts/citus/distribute.sql). */
interface EnterpriseReference {
  tableName: string;
  columnName: string;
  /** pg_constraint.confdeltype: c cascade, n set null, r or a refuse. */
  onDelete: string;
}

/**
 * What the foreign keys to `enterprise` do on one server when a firm is deleted, done by hand on
 * Citus, where those keys are gone (a coordinator table may not reference a distributed one) and
 * `enterprise_reference` keeps their rules: a row that refuses the deletion stops it with the
 * foreign-key violation PostgreSQL would raise; then rows are deleted or their reference cleared.
 */
async function followEnterpriseReferences(db: DbOrTx, id: number): Promise<void> {
  if (!(await isDistributed(db))) return;
  const references = rowsOf<EnterpriseReference>(
    await db.execute(
      sql`select table_name as "tableName", column_name as "columnName", on_delete::text as "onDelete"
          from enterprise_reference order by table_name, column_name`,
    ),
  );
  for (const ref of references.filter((r) => r.onDelete === 'r' || r.onDelete === 'a')) {
    const holding = rowsOf(
      await db.execute(
        sql`select 1 from ${sql.identifier(ref.tableName)} where ${sql.identifier(ref.columnName)} = ${id} limit 1`,
      ),
    );
    if (holding.length > 0) {
      throw Object.assign(
        new Error(
          `update or delete on table "enterprise" violates foreign key constraint on table "${ref.tableName}" (${ref.columnName})`,
        ),
        { code: '23503' },
      );
    }
  }
  for (const ref of references) {
    const table = sql.identifier(ref.tableName);
    const column = sql.identifier(ref.columnName);
    if (ref.onDelete === 'c') await db.execute(sql`delete from ${table} where ${column} = ${id}`);
    if (ref.onDelete === 'n') {
      await db.execute(sql`update ${table} set ${column} = null where ${column} = ${id}`);
    }
  }
}

/** The enterprises among `ids` that exist, with their names and regions, by id. */
export async function findEnterpriseNames(
  db: DbOrTx,
  ids: readonly number[],
): Promise<Map<number, { id: number; name: string; regionCode: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: enterprise.id, name: enterprise.name, regionCode: enterprise.regionCode })
    .from(enterprise)
    .where(inArray(enterprise.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
