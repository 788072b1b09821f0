import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { enterprise, enterpriseYear, importBatch } from './schema.ts';

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

/** Enterprises holding any of the USCCs. */
export async function findEnterprisesByUscc(
  db: DbOrTx,
  usccs: string[],
): Promise<MatchableEnterprise[]> {
  if (usccs.length === 0) return [];
  return db.select(matchable).from(enterprise).where(inArray(enterprise.uscc, usccs));
}

/** Enterprises whose normalised name is any of the keys. */
export async function findEnterprisesByNameKey(
  db: DbOrTx,
  keys: string[],
): Promise<MatchableEnterprise[]> {
  if (keys.length === 0) return [];
  return db.select(matchable).from(enterprise).where(inArray(enterprise.nameKey, keys));
}

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
  const result = await db.execute(sql`
    select c.id, c.name, c.name_en, c.address, c.region_code, c.uscc, k.key
    from unnest(${sql.param(keys)}::text[]) as k(key)
    cross join lateral (
      select e.id, e.name, e.name_en, e.address, e.region_code, e.uscc
      from enterprise e
      where e.match_keys @> array[k.key]
      limit ${perKey}
    ) c`);
  return (
    result as {
      rows: {
        id: string | number;
        name: string;
        name_en: string | null;
        address: string | null;
        region_code: string;
        uscc: string | null;
        key: string;
      }[];
    }
  ).rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    nameEn: row.name_en,
    address: row.address,
    regionCode: row.region_code,
    uscc: row.uscc,
    key: row.key,
  }));
}

/** Enterprises by id, in full, for the matcher's chosen candidates. */
export async function findEnterprisesByIds(
  db: DbOrTx,
  ids: number[],
): Promise<MatchableEnterprise[]> {
  if (ids.length === 0) return [];
  return db.select(matchable).from(enterprise).where(inArray(enterprise.id, ids));
}

/** Changes an enterprise's fields. */
export async function updateEnterprise(
  db: DbOrTx,
  id: number,
  values: Partial<typeof enterprise.$inferInsert>,
): Promise<void> {
  await db
    .update(enterprise)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(enterprise.id, id));
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

/**
 * Writes the given measures of one year, inserting the year when `exists` is false (the caller
 * has read it already, so no second look-up).
 */
export async function writeEnterpriseYear(
  db: DbOrTx,
  row: typeof enterpriseYear.$inferInsert,
  exists: boolean,
): Promise<void> {
  if (!exists) {
    await db.insert(enterpriseYear).values(row);
    return;
  }
  const { enterpriseId, year, regionCode: _regionCode, ...set } = row;
  await db
    .update(enterpriseYear)
    .set(set)
    .where(
      sql`${enterpriseYear.enterpriseId} = ${enterpriseId} and ${enterpriseYear.year} = ${year}`,
    );
}
