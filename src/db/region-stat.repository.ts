import { and, asc, count, countDistinct, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { regionStat } from './schema.ts';

export type RegionStatRow = typeof regionStat.$inferSelect;

/** Rows per statement: they travel as one array per column, so a batch can be large. */
const BATCH = 20_000;

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
    const batch = rows.slice(start, start + BATCH);
    const column = <K extends keyof RegionStatRow>(key: K) =>
      sql.param(batch.map((row) => row[key] ?? null));
    // unnest() takes one parameter per column however many rows: far faster than multi-row
    // VALUES on PGlite. xmax is 0 on a freshly inserted row version, set on an updated one.
    const result = await db.execute(sql`
      insert into region_stat as s (region_code, region_name, scheme, industry_code, industry_name,
        industry_type, year, employment, establishments, payroll, output)
      select * from unnest(
        ${column('regionCode')}::text[], ${column('regionName')}::text[],
        ${column('scheme')}::text[], ${column('industryCode')}::text[],
        ${column('industryName')}::text[], ${column('industryType')}::text[],
        ${column('year')}::smallint[], ${column('employment')}::double precision[],
        ${column('establishments')}::double precision[], ${column('payroll')}::double precision[],
        ${column('output')}::double precision[])
      on conflict (region_code, scheme, industry_code, year) do update set
        region_name = coalesce(excluded.region_name, s.region_name),
        industry_name = coalesce(excluded.industry_name, s.industry_name),
        industry_type = excluded.industry_type,
        employment = excluded.employment,
        establishments = excluded.establishments,
        payroll = excluded.payroll,
        output = excluded.output
      where (coalesce(excluded.region_name, s.region_name),
          coalesce(excluded.industry_name, s.industry_name), excluded.industry_type,
          excluded.employment, excluded.establishments, excluded.payroll, excluded.output)
        is distinct from (s.region_name, s.industry_name, s.industry_type, s.employment,
          s.establishments, s.payroll, s.output)
      returning (xmax = 0) as inserted`);
    for (const row of (result as { rows: { inserted: boolean }[] }).rows) {
      if (row.inserted) inserted++;
      else updated++;
    }
  }
  return { inserted, updated };
}

/**
 * Derives statistics from the enterprise registry: per city (the 4-digit region code), 4-digit
 * industry code and year, the employees, enterprises and output (revenue where no output is
 * recorded) of the enterprises with figures that year. Industries whose division (first two
 * digits) is in `tradedDivisions` are typed traded, the rest local. Returns the rows written.
 */
export async function insertRegionStatsFromRegistry(
  db: DbOrTx,
  options: {
    scheme: string;
    tradedDivisions: readonly string[];
    demoOnly: boolean;
    /** Only these industry codes (all when omitted). */
    industryCodes?: readonly string[] | undefined;
  },
): Promise<number> {
  const codes = options.industryCodes ? [...options.industryCodes] : null;
  const result = await db.execute(sql`
    insert into region_stat as s (region_code, region_name, scheme, industry_code, industry_type,
      year, employment, establishments, output)
    select city.code, city.name, ${options.scheme}, e.industry_code,
      case when left(e.industry_code, 2) = any(${sql.param([...options.tradedDivisions])}::text[])
        then 'traded' else 'local' end,
      y.year, sum(y.employees), count(*), sum(coalesce(y.output_yuan, y.revenue_yuan))
    from enterprise_year y
    join enterprise e on e.id = y.enterprise_id
    join region city on city.code = left(y.region_code, 4)
    where e.industry_code is not null and (${!options.demoOnly} or e.is_demo)
      and (${codes === null} or e.industry_code = any(${sql.param(codes ?? [])}::text[]))
    group by city.code, city.name, e.industry_code, y.year
    on conflict (region_code, scheme, industry_code, year) do update set
      region_name = excluded.region_name, industry_type = excluded.industry_type,
      employment = excluded.employment, establishments = excluded.establishments,
      output = excluded.output
    returning 1`);
  return (result as { rows: unknown[] }).rows.length;
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

/**
 * Gives rows of these schemes without an industry type the one the industry's other rows agree on
 * (a file without the type column states no type: it keeps the stored one).
 */
export async function inheritIndustryTypes(db: DbOrTx, schemes: readonly string[]): Promise<void> {
  if (schemes.length === 0) return;
  await db.execute(sql`
    update region_stat r set industry_type = known.industry_type
    from (
      select scheme, industry_code, min(industry_type) as industry_type
      from region_stat
      where scheme in (${sql.join(
        schemes.map((s) => sql`${s}`),
        sql`, `,
      )}) and industry_type is not null
      group by scheme, industry_code
      having count(distinct industry_type) = 1
    ) known
    where r.scheme = known.scheme and r.industry_code = known.industry_code
      and r.industry_type is null`);
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
