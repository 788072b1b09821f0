import { and, asc, count, countDistinct, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { regionStat } from './schema.ts';

export type RegionStatRow = typeof regionStat.$inferSelect;

/** Rows per INSERT: 11 parameters each keeps a statement well under PostgreSQL's 65,535. */
const BATCH = 2_000;

/**
 * Inserts or updates statistics rows on their key (region, scheme, industry, year); a row equal
 * to the stored one is left alone. An empty name keeps the stored name; figures are replaced.
 * Returns how many rows were inserted and updated (the rest were unchanged).
 */
export async function upsertRegionStats(
  db: DbOrTx,
  rows: readonly RegionStatRow[],
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const written = await db
      .insert(regionStat)
      .values(rows.slice(start, start + BATCH))
      .onConflictDoUpdate({
        target: [
          regionStat.regionCode,
          regionStat.scheme,
          regionStat.industryCode,
          regionStat.year,
        ],
        set: {
          regionName: sql`coalesce(excluded.region_name, ${regionStat.regionName})`,
          industryName: sql`coalesce(excluded.industry_name, ${regionStat.industryName})`,
          industryType: sql`excluded.industry_type`,
          employment: sql`excluded.employment`,
          establishments: sql`excluded.establishments`,
          payroll: sql`excluded.payroll`,
          output: sql`excluded.output`,
        },
        setWhere: sql`(coalesce(excluded.region_name, ${regionStat.regionName}),
            coalesce(excluded.industry_name, ${regionStat.industryName}), excluded.industry_type,
            excluded.employment, excluded.establishments, excluded.payroll, excluded.output)
          is distinct from (${regionStat.regionName}, ${regionStat.industryName},
            ${regionStat.industryType}, ${regionStat.employment}, ${regionStat.establishments},
            ${regionStat.payroll}, ${regionStat.output})`,
      })
      // xmax is 0 on a freshly inserted row version and set on one an update replaced.
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    for (const row of written) {
      if (row.inserted) inserted++;
      else updated++;
    }
  }
  return { inserted, updated };
}

/** Every row of one scheme in the given years. */
export async function listRegionStats(
  db: DbOrTx,
  scheme: string,
  years: readonly number[],
): Promise<RegionStatRow[]> {
  return db
    .select()
    .from(regionStat)
    .where(and(eq(regionStat.scheme, scheme), inArray(regionStat.year, [...years])))
    .orderBy(asc(regionStat.regionCode), asc(regionStat.industryCode), asc(regionStat.year));
}

/** What is loaded: per scheme and year, how many regions, industries and rows, and the types. */
export async function summarizeRegionStats(db: DbOrTx) {
  const rows = await db
    .select({
      scheme: regionStat.scheme,
      year: regionStat.year,
      regions: countDistinct(regionStat.regionCode),
      industries: countDistinct(regionStat.industryCode),
      rows: count(),
      industryTypes: sql<(string | null)[]>`array_agg(distinct ${regionStat.industryType})`,
    })
    .from(regionStat)
    .groupBy(regionStat.scheme, regionStat.year)
    .orderBy(asc(regionStat.scheme), asc(regionStat.year));
  return rows.map((row) => ({
    ...row,
    industryTypes: row.industryTypes.filter((t): t is string => t !== null).sort(),
  }));
}

/** The regions of one scheme (or all), with their name and the years they have figures for. */
export async function listStatRegions(db: DbOrTx, scheme?: string) {
  return db
    .select({
      scheme: regionStat.scheme,
      regionCode: regionStat.regionCode,
      regionName: sql<string | null>`max(${regionStat.regionName})`,
      years: sql<number[]>`array_agg(distinct ${regionStat.year} order by ${regionStat.year})`,
      industries: countDistinct(regionStat.industryCode),
    })
    .from(regionStat)
    .where(scheme === undefined ? undefined : eq(regionStat.scheme, scheme))
    .groupBy(regionStat.scheme, regionStat.regionCode)
    .orderBy(asc(regionStat.scheme), asc(regionStat.regionCode));
}

/** Industries of these schemes whose stored rows disagree on the industry type. */
export async function findIndustryTypeConflicts(db: DbOrTx, schemes: readonly string[]) {
  if (schemes.length === 0) return [];
  return db
    .select({
      scheme: regionStat.scheme,
      industryCode: regionStat.industryCode,
      types: sql<(string | null)[]>`array_agg(distinct ${regionStat.industryType})`,
    })
    .from(regionStat)
    .where(inArray(regionStat.scheme, [...schemes]))
    .groupBy(regionStat.scheme, regionStat.industryCode)
    .having(sql`count(distinct coalesce(${regionStat.industryType}, '')) > 1`);
}
