import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type pg from 'pg';
import { noteEnterpriseUsccs } from './uscc-lookup.repository.ts';
import { isDistributed } from './distribution.repository.ts';
import { AppError } from '../domain/app-error.ts';
import { rowsOf, type DbOrTx } from './connection.ts';
import { ENTERPRISE_YEAR_KEY, enterprise, enterpriseYear, importBatch } from './schema.ts';

export type ImportBatchRow = typeof importBatch.$inferSelect;

/** Starts the record of an import. */
export async function insertImportBatch(
  db: DbOrTx,
  values: { kind: string; fileName: string; source: string; options: unknown; actorName: string },
): Promise<ImportBatchRow> {
  const [row] = await db
    .insert(importBatch)
    .values({ ...values, status: 'running' })
    .returning();
  if (!row) throw new Error('import batch was not inserted');
  return row;
}

/** Updates an import's progress or outcome. */
export async function updateImportBatch(
  db: DbOrTx,
  id: number,
  values: Partial<
    Pick<
      ImportBatchRow,
      'status' | 'rowsRead' | 'counts' | 'errors' | 'message' | 'options' | 'finishedAt'
    >
  >,
): Promise<void> {
  await db.update(importBatch).set(values).where(eq(importBatch.id, id));
}

/** Imports recorded as running: at start-up, the ones a stopped process left behind. */
export async function listRunningImportBatches(db: DbOrTx): Promise<ImportBatchRow[]> {
  return db.select().from(importBatch).where(eq(importBatch.status, 'running'));
}

/** One import by id, or null. */
export async function findImportBatch(db: DbOrTx, id: number): Promise<ImportBatchRow | null> {
  const rows = await db.select().from(importBatch).where(eq(importBatch.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The latest imports of one kind, newest first. */
export async function listImportBatches(
  db: DbOrTx,
  kind: string,
  limit: number,
): Promise<ImportBatchRow[]> {
  return db
    .select()
    .from(importBatch)
    .where(eq(importBatch.kind, kind))
    .orderBy(desc(importBatch.id))
    .limit(limit);
}

export type MatchableEnterprise = Pick<
  typeof enterprise.$inferSelect,
  | 'id'
  | 'uscc'
  | 'name'
  | 'nameEn'
  | 'regionCode'
  | 'address'
  | 'nameKey'
  | 'foundedOn'
  | 'registeredCapitalYuan'
  | 'industryCode'
  | 'businessScope'
  | 'products'
  | 'tags'
  | 'provenance'
  | 'matchKeys'
  | 'aliases'
  | 'source'
>;

const matchable = {
  id: enterprise.id,
  uscc: enterprise.uscc,
  name: enterprise.name,
  nameEn: enterprise.nameEn,
  regionCode: enterprise.regionCode,
  address: enterprise.address,
  nameKey: enterprise.nameKey,
  foundedOn: enterprise.foundedOn,
  registeredCapitalYuan: enterprise.registeredCapitalYuan,
  industryCode: enterprise.industryCode,
  businessScope: enterprise.businessScope,
  products: enterprise.products,
  tags: enterprise.tags,
  provenance: enterprise.provenance,
  matchKeys: enterprise.matchKeys,
  aliases: enterprise.aliases,
  source: enterprise.source,
};

/** What fuzzy matching reads of a candidate: enough to score, not the whole record. */
export interface FuzzyCandidate {
  id: number;
  name: string;
  nameEn: string | null;
  address: string | null;
  regionCode: string;
  uscc: string | null;
  /** The blocking key through which it was found. */
  key: string;
}

/**
 * Candidates for a fuzzy match: for each blocking key, at most `perKey` enterprises holding it.
 * Per key, so that a common key (two characters of a trade name shared by thousands) cannot
 * crowd out the selective ones.
 */
export async function findFuzzyCandidates(
  db: DbOrTx,
  keys: string[],
  perKey: number,
): Promise<FuzzyCandidate[]> {
  if (keys.length === 0) return [];
  // Citus pushes no LIMIT inside a lateral join down to the shards: there every holder of a key
  // comes back (the keys are scoped to a city) and the cap per key is applied here.
  const distributed = await isDistributed(db);
  const result = distributed
    ? await db.execute(sql`
    select e.id, e.name, e.name_en, e.address, e.region_code, e.uscc, k.key
    from enterprise e join unnest(${sql.param(keys)}::text[]) as k(key)
      on e.match_keys @> array[k.key]`)
    : await db.execute(sql`
    select c.id, c.name, c.name_en, c.address, c.region_code, c.uscc, k.key
    from unnest(${sql.param(keys)}::text[]) as k(key)
    cross join lateral (
      select e.id, e.name, e.name_en, e.address, e.region_code, e.uscc
      from enterprise e
      where e.match_keys @> array[k.key]
      limit ${perKey}
    ) c`);
  const perKeyCount = new Map<string, number>();
  const rows = rowsOf<{
    id: string | number;
    name: string;
    name_en: string | null;
    address: string | null;
    region_code: string;
    uscc: string | null;
    key: string;
  }>(result).filter((row) => {
    const seen = perKeyCount.get(row.key) ?? 0;
    perKeyCount.set(row.key, seen + 1);
    return seen < perKey;
  });
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    nameEn: row.name_en,
    address: row.address,
    regionCode: row.region_code,
    uscc: row.uscc,
    key: row.key,
  }));
}

/**
 * Enterprises by id, in full, for the matcher's chosen candidates. Like the exact matches, they are
 * locked for the batch's transaction: the batch rewrites a changed record whole from what it read,
 * so an edit made in between (the web app, another import) waits rather than being overwritten.
 */
export async function findEnterprisesByIds(
  db: DbOrTx,
  ids: number[],
): Promise<MatchableEnterprise[]> {
  if (ids.length === 0) return [];
  const query = db.select(matchable).from(enterprise).where(inArray(enterprise.id, ids));
  return (await locksRows(db)) ? query.for('update', { of: enterprise }) : query;
}

/**
 * Whether the import locks the records it matched: on one server, yes. Citus locks rows only in
 * a query on one shard, and matching reads many (docs/scaling.md: a known gap there).
 */
async function locksRows(db: DbOrTx): Promise<boolean> {
  return !(await isDistributed(db));
}

/** One year's figures of an enterprise, or null. */
export async function findEnterpriseYear(
  db: DbOrTx,
  enterpriseId: number,
  year: number,
): Promise<typeof enterpriseYear.$inferSelect | null> {
  const rows = await db
    .select()
    .from(enterpriseYear)
    .where(
      sql`${enterpriseYear.enterpriseId} = ${enterpriseId} and ${enterpriseYear.year} = ${year}`,
    )
    .limit(1);
  return rows[0] ?? null;
}

/** A value as COPY's text format carries it: arrays as `text[]` literals (JSON goes as text). */
export type CopyValue = string | number | boolean | null | undefined | readonly string[];

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};
const ARRAY_SPECIAL = /["\\]/;

/** Text in COPY's text format: backslash, tab and line breaks escaped (most text has none). */
function copyText(text: string): string {
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : text;
}

/** One value in COPY's text format: `\N` for null, arrays as `text[]` literals, text escaped. */
function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return copyText(value);
  if (!Array.isArray(value)) return String(value);
  let literal = '{';
  for (let i = 0; i < value.length; i++) {
    const item = value[i] as string;
    if (i > 0) literal += ',';
    literal += `"${ARRAY_SPECIAL.test(item) ? item.replace(/["\\]/g, '\\$&') : item}"`;
  }
  return copyText(`${literal}}`);
}

/** The driver's client under a Drizzle handle: a pg Pool or client, or PGlite (or its transaction). */
type RawClient = pg.Pool | pg.PoolClient | PgliteClient;

interface PgliteClient {
  query: (sql: string, params?: unknown[], options?: { blob?: Blob }) => Promise<unknown>;
  exec: (sql: string) => Promise<unknown>;
}

/**
 * PGlite and its transactions run scripts through `exec`; pg's pool and clients have no such
 * method. (Asked this way so that the server's driver is loaded only on a server.)
 */
function isPglite(client: RawClient): client is PgliteClient {
  return typeof (client as { exec?: unknown }).exec === 'function';
}

function rawClientOf(db: DbOrTx): RawClient {
  return (db as unknown as { session: { client: RawClient } }).session.client;
}

/**
 * Loads rows into `table` through COPY in one go: on a PostgreSQL server `COPY … FROM STDIN`
 * through the driver's copy stream (on the transaction's own connection), on PGlite
 * `COPY … FROM '/dev/blob'`. Nothing is built as SQL text or bound as parameters per row.
 */
export async function copyRows(
  db: DbOrTx,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  let data = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++)
      data += i > 0 ? `\t${copyField(row[i])}` : copyField(row[i]);
    data += '\n';
  }
  const statement = `copy ${table} (${columns.join(', ')}) from`;
  const client = rawClientOf(db);
  if (isPglite(client)) {
    await client.query(`${statement} '/dev/blob'`, [], { blob: new Blob([data]) });
    return;
  }
  const { default: pgDriver } = await import('pg');
  if (client instanceof pgDriver.Pool) {
    const connection = await client.connect();
    try {
      await copyToServer(connection, `${statement} stdin`, data);
    } finally {
      connection.release();
    }
  } else {
    await copyToServer(client, `${statement} stdin`, data);
  }
}

async function copyToServer(client: pg.ClientBase, statement: string, data: string) {
  const { default: copyStreams } = await import('pg-copy-streams');
  await pipeline(Readable.from([Buffer.from(data)]), client.query(copyStreams.from(statement)));
}

/** The staging table's columns, in COPY order: one batch's validated rows, with their keys. */
const STAGE_COLUMNS = [
  ['idx', 'integer'],
  ['uscc', 'text'],
  ['name', 'text'],
  ['name_en', 'text'],
  ['region_code', 'text'],
  ['city', 'text'],
  ['address', 'text'],
  ['founded_on', 'date'],
  ['registered_capital_yuan', 'numeric'],
  ['industry_code', 'text'],
  ['business_scope', 'text'],
  ['products', 'text[]'],
  ['tags', 'text[]'],
  ['name_key', 'text'],
  ['match_keys', 'text[]'],
  ['provenance', 'jsonb'],
  ['year', 'smallint'],
  ['revenue_yuan', 'numeric'],
  ['output_yuan', 'numeric'],
  ['employees', 'integer'],
] as const;

/** One validated import row as the staging table holds it (`idx`: its place in the batch). */
export interface StagedRow {
  idx: number;
  uscc: string | null;
  name: string;
  nameEn: string | null;
  regionCode: string;
  address: string | null;
  foundedOn: string | null;
  registeredCapitalYuan: number | null;
  industryCode: string | null;
  businessScope: string | null;
  products: readonly string[];
  tags: readonly string[];
  nameKey: string;
  matchKeys: readonly string[];
  /** The provenance the row's record gets if it is inserted. */
  provenance: unknown[];
  figures: {
    year: number;
    revenueYuan: number | null;
    outputYuan: number | null;
    employees: number | null;
  } | null;
}

/**
 * Puts one batch's rows into the staging table `import_stage`: a temporary table, made once per
 * connection and emptied at every commit (and here, when a dry run's one transaction stages
 * batch after batch). The same holds for the other staging tables below.
 */
export async function stageImportRows(db: DbOrTx, rows: readonly StagedRow[]): Promise<void> {
  await db.execute(
    sql.raw(
      `create temp table if not exists import_stage (${STAGE_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')}) on commit delete rows`,
    ),
  );
  await db.execute(sql.raw('delete from import_stage'));
  await copyRows(
    db,
    'import_stage',
    STAGE_COLUMNS.map(([column]) => column),
    rows.map((r) => [
      r.idx,
      r.uscc,
      r.name,
      r.nameEn,
      r.regionCode,
      r.regionCode.slice(0, 4),
      r.address,
      r.foundedOn,
      r.registeredCapitalYuan,
      r.industryCode,
      r.businessScope,
      r.products,
      r.tags,
      r.nameKey,
      r.matchKeys,
      JSON.stringify(r.provenance),
      r.figures?.year ?? null,
      r.figures?.revenueYuan ?? null,
      r.figures?.outputYuan ?? null,
      r.figures?.employees ?? null,
    ]),
  );
}

/** A registry record an exact key of a staged row found, with the row's place in the batch. */
export type StagedMatch = MatchableEnterprise & { idx: number };

/**
 * The records holding the USCC of a staged row: one join, whatever the batch's size, locked for the
 * batch's transaction (see findEnterprisesByIds). The keys go
 * to the index as one array: the staging table has no statistics, and a join alone may be
 * planned as a scan of the whole registry.
 */
export async function findStagedUsccMatches(db: DbOrTx): Promise<StagedMatch[]> {
  const query = db
    .select({ idx: sql<number>`s.idx`.mapWith(Number), ...matchable })
    .from(enterprise)
    .innerJoin(sql`import_stage s`, sql`s.uscc = ${enterprise.uscc}`)
    .where(
      sql`${enterprise.uscc} = any(array(select uscc from import_stage where uscc is not null))`,
    );
  return (await locksRows(db)) ? query.for('update', { of: enterprise }) : query;
}

/**
 * The records holding the normalised name of a staged row, anywhere: the caller keeps those of
 * the row's city, and a name known elsewhere only is no reason to look further (as before).
 */
export async function findStagedNameMatches(db: DbOrTx): Promise<StagedMatch[]> {
  const query = db
    .select({ idx: sql<number>`s.idx`.mapWith(Number), ...matchable })
    .from(enterprise)
    .innerJoin(sql`import_stage s`, sql`s.name_key = ${enterprise.nameKey}`)
    .where(sql`${enterprise.nameKey} = any(array(select name_key from import_stage))`);
  return (await locksRows(db)) ? query.for('update', { of: enterprise }) : query;
}

/**
 * Inserts staged rows as new enterprises, with their yearly figures: two set-based statements.
 * Ids are drawn from the sequence first, so each row's id is known. Returns them in `idxs` order.
 */
export async function insertStagedEnterprises(
  db: DbOrTx,
  idxs: readonly number[],
  source: string,
): Promise<number[]> {
  if (idxs.length === 0) return [];
  const allocated = await db.execute(
    sql`select nextval('enterprise_id_seq') as id from generate_series(1, ${idxs.length})`,
  );
  const ids = (allocated as { rows: { id: string | number }[] }).rows.map((row) => Number(row.id));
  const pairs = sql`unnest(${sql.param([...idxs])}::int[], ${sql.param(ids)}::bigint[]) as i(idx, id)
    join import_stage s on s.idx = i.idx`;
  await db.execute(sql`
    insert into enterprise (id, region_code, uscc, name, name_en, address, founded_on,
      registered_capital_yuan, industry_code, business_scope, source, name_key, provenance,
      products, tags, match_keys)
    select i.id, s.region_code, s.uscc, s.name, s.name_en, s.address, s.founded_on,
      s.registered_capital_yuan, s.industry_code, s.business_scope, ${source}, s.name_key,
      s.provenance, s.products, s.tags, s.match_keys
    from ${pairs}`);
  await db.execute(sql`
    insert into enterprise_year (enterprise_id, region_code, year, revenue_yuan, output_yuan,
      employees)
    select i.id, s.region_code, s.year, s.revenue_yuan, s.output_yuan, s.employees
    from ${pairs}
    where s.year is not null`);
  await noteEnterpriseUsccs(db, ids);
  return ids;
}

/** The yearly figures of `ids` for `years`: the figures an import batch may overwrite, at once. */
export async function findEnterpriseYears(
  db: DbOrTx,
  ids: readonly number[],
  years: readonly number[],
): Promise<(typeof enterpriseYear.$inferSelect)[]> {
  if (ids.length === 0 || years.length === 0) return [];
  return db
    .select()
    .from(enterpriseYear)
    .where(
      sql`${enterpriseYear.enterpriseId} = any(${sql.param([...ids])}::bigint[])
        and ${enterpriseYear.year} = any(${sql.param([...years])}::smallint[])`,
    );
}

const YEAR_COLUMNS = [
  'enterprise_id',
  'region_code',
  'year',
  'revenue_yuan',
  'output_yuan',
  'tax_yuan',
  'rd_spend_yuan',
  'exports_yuan',
  'employees',
] as const;

/**
 * Writes whole yearly rows (one per enterprise and year), inserting the new ones and replacing
 * the measures of existing ones; a row's region stays as it was. By COPY into a staging table,
 * then one statement.
 */
export async function upsertEnterpriseYears(
  db: DbOrTx,
  rows: readonly (typeof enterpriseYear.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql.raw(
      'create temp table if not exists import_year_stage (like enterprise_year) on commit delete rows',
    ),
  );
  await db.execute(sql.raw('delete from import_year_stage'));
  await copyRows(
    db,
    'import_year_stage',
    YEAR_COLUMNS,
    rows.map((r) => [
      r.enterpriseId,
      r.regionCode,
      r.year,
      r.revenueYuan,
      r.outputYuan,
      r.taxYuan,
      r.rdSpendYuan,
      r.exportsYuan,
      r.employees,
    ]),
  );
  const measures = YEAR_COLUMNS.slice(3);
  await db.execute(
    sql.raw(`
    insert into enterprise_year (${YEAR_COLUMNS.join(', ')})
    select ${YEAR_COLUMNS.join(', ')} from import_year_stage
    on conflict on constraint ${ENTERPRISE_YEAR_KEY} do update set
      ${measures.map((m) => `${m} = excluded.${m}`).join(', ')}`),
  );
}

/** What a batch changed in matched records: their whole state as it now stands. */
const CHANGED_COLUMNS = [
  ['id', 'bigint'],
  ['uscc', 'text'],
  ['name', 'text'],
  ['name_en', 'text'],
  ['region_code', 'text'],
  ['address', 'text'],
  ['founded_on', 'date'],
  ['registered_capital_yuan', 'numeric'],
  ['industry_code', 'text'],
  ['business_scope', 'text'],
  ['aliases', 'text[]'],
  ['products', 'text[]'],
  ['tags', 'text[]'],
  ['name_key', 'text'],
  ['match_keys', 'text[]'],
  ['provenance', 'jsonb'],
] as const;

/**
 * Writes the records a batch changed, each as it now stands (fields, keys, aliases, provenance),
 * in one statement after a COPY; `updatedAt` is when the batch wrote them.
 */
export async function updateEnterprisesInBulk(
  db: DbOrTx,
  rows: readonly MatchableEnterprise[],
  updatedAt: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql.raw(
      `create temp table if not exists import_changed (${CHANGED_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')}) on commit delete rows`,
    ),
  );
  await db.execute(sql.raw('delete from import_changed'));
  await copyRows(
    db,
    'import_changed',
    CHANGED_COLUMNS.map(([column]) => column),
    rows.map((r) => [
      r.id,
      r.uscc,
      r.name,
      r.nameEn,
      r.regionCode,
      r.address,
      r.foundedOn,
      r.registeredCapitalYuan,
      r.industryCode,
      r.businessScope,
      r.aliases,
      r.products,
      r.tags,
      r.nameKey,
      r.matchKeys,
      JSON.stringify(r.provenance),
    ]),
  );
  // Citus refuses to rewrite a row's distribution column, even to the same value: there a
  // record keeps its county, and a batch that would move one stops with a clear error.
  const distributed = await isDistributed(db);
  if (distributed) {
    const moved = await db.execute(sql`
      select c.name, e.region_code as "from", c.region_code as "to"
      from import_changed c join enterprise e on e.id = c.id
      where e.region_code <> c.region_code limit 1`);
    const row = rowsOf<{ name: string; from: string; to: string }>(moved)[0];
    if (row) {
      throw new AppError(
        'CONFLICT',
        `${row.name} would move from region ${row.from} to ${row.to}: on a distributed database a firm's region cannot change by import (docs/scaling.md).`,
      );
    }
  }
  const set = CHANGED_COLUMNS.slice(1)
    .filter(([column]) => !(distributed && column === 'region_code'))
    .map(([column]) => `${column} = c.${column}`)
    .join(', ');
  await db.execute(sql`
    update enterprise e set ${sql.raw(set)}, updated_at = ${updatedAt.toISOString()}::timestamptz
    from import_changed c
    where e.id = c.id and e.id = any(array(select id from import_changed))`);
  if (!distributed) {
    // A firm that moved county takes its yearly figures and placements along: the analyses join
    // them to the firm on region_code too (the key a distributed registry is sharded on).
    for (const table of ['enterprise_year', 'classification']) {
      await db.execute(
        sql.raw(`update ${table} t set region_code = c.region_code from import_changed c
          where t.enterprise_id = c.id and t.region_code <> c.region_code`),
      );
    }
  }
  await noteEnterpriseUsccs(
    db,
    rows.map((r) => r.id),
  );
}
