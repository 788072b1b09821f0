import { AppError } from '../../domain/app-error.ts';
import {
  TRADED,
  clusterStrength,
  locationQuotientTable,
  shiftShare,
  shiftShareTotals,
  type ClusterStrengthRow,
  type LqDenominator,
  type LqRow,
  type ShiftShareRow,
  type ShiftShareTotal,
  type StatFigure,
  type StatMeasure,
} from '../../domain/regional-statistics.ts';
import type { DbOrTx } from '../../db/connection.ts';
import { findRegionsByCodes } from '../../db/region.repository.ts';
import { gbt4754Name, isGbt4754Scheme } from '../../shared/industry/industry-names.ts';
import {
  listRegionStats,
  listStatRegions,
  summarizeRegionStats,
  type RegionStatRow,
} from '../../db/region-stat.repository.ts';

/** What a user can analyse: each loaded scheme and year, and the regions of each scheme. */
export interface LoadedStats {
  datasets: {
    scheme: string;
    year: number;
    regions: number;
    industries: number;
    rows: number;
    industryTypes: string[];
  }[];
  regions: {
    scheme: string;
    regionCode: string;
    regionName: string | null;
    years: number[];
    industries: number;
  }[];
}

/** Lists the loaded statistics: schemes × years with their sizes, and the regions of each scheme. */
export async function listLoadedStats(db: DbOrTx, scheme?: string): Promise<LoadedStats> {
  const wanted = scheme?.toLowerCase();
  const datasets = await summarizeRegionStats(db);
  return {
    datasets: wanted === undefined ? datasets : datasets.filter((d) => d.scheme === wanted),
    regions: await listStatRegions(db, wanted),
  };
}

export interface LqQuery {
  scheme: string;
  year: number;
  denominator?: LqDenominator | undefined;
  measure?: StatMeasure | undefined;
  /** A region of the data to compare against instead of the sum of all regions. */
  benchmark?: string | null | undefined;
  /** Only this region's rows (the computation still uses every region). */
  region?: string | undefined;
  /** Only this industry's rows. */
  industry?: string | undefined;
}

export interface LqTableRow extends LqRow {
  regionName: string | null;
  industryName: string | null;
}

export interface LqTable {
  scheme: string;
  year: number;
  denominator: LqDenominator;
  measure: StatMeasure;
  /** The benchmark region's code, or null for the sum of all regions. */
  benchmark: string | null;
  items: LqTableRow[];
}

interface Loaded {
  rows: RegionStatRow[];
  figures: StatFigure[];
  regionNames: Map<string, string | null>;
  industryNames: Map<string, string | null>;
}

async function loadYear(db: DbOrTx, scheme: string, year: number): Promise<Loaded> {
  const rows = await listRegionStats(db, scheme, [year]);
  if (rows.length === 0) throw await notLoaded(db, scheme, year);
  return loaded(db, scheme, rows);
}

/**
 * The rows with a name for every region and industry code a person reads: the file's own names
 * first, then the region table's, and for GB/T 4754 schemes the standard's class names.
 */
async function loaded(db: DbOrTx, scheme: string, rows: RegionStatRow[]): Promise<Loaded> {
  const regionNames = new Map<string, string | null>();
  const industryNames = new Map<string, string | null>();
  for (const row of rows) {
    if (regionNames.get(row.regionCode) == null) regionNames.set(row.regionCode, row.regionName);
    if (industryNames.get(row.industryCode) == null)
      industryNames.set(row.industryCode, row.industryName);
  }
  const unnamedRegions = [...regionNames].filter(([, name]) => name == null).map(([code]) => code);
  for (const found of await findRegionsByCodes(db, unnamedRegions)) {
    regionNames.set(found.code, found.name);
  }
  if (isGbt4754Scheme(scheme)) {
    for (const [code, name] of industryNames) {
      if (name == null) industryNames.set(code, gbt4754Name(code));
    }
  }
  return { rows, figures: rows, regionNames, industryNames };
}

/** STATS_NOT_FOUND naming what is loaded, so the user can pick a scheme and year that exist. */
async function notLoaded(db: DbOrTx, scheme: string, year: number): Promise<AppError> {
  const datasets = await summarizeRegionStats(db);
  const available =
    datasets.length === 0
      ? 'No statistics are loaded; import a file with "chainlead import stats FILE".'
      : `Loaded: ${datasets.map((d) => `${d.scheme} ${d.year}`).join(', ')}.`;
  return new AppError(
    'STATS_NOT_FOUND',
    `No statistics for scheme "${scheme}" in ${year}. ${available}`,
    { scheme, year, available: datasets.map((d) => ({ scheme: d.scheme, year: d.year })) },
  );
}

function requireRegion(data: Loaded, code: string, role: string): void {
  if (!data.regionNames.has(code)) {
    const some = [...data.regionNames.keys()].slice(0, 12).join(', ');
    throw new AppError(
      'REGION_NOT_FOUND',
      `The ${role} region "${code}" has no figures in this scheme and year; regions include ${some}.`,
      { region: code },
    );
  }
}

/**
 * The location-quotient table of one scheme and year with strong-cluster flags, optionally against
 * a benchmark region and filtered to a region or an industry. Throws STATS_NOT_FOUND when nothing
 * is loaded for the scheme and year, REGION_NOT_FOUND for a benchmark or region not in the data.
 */
export async function locationQuotients(db: DbOrTx, query: LqQuery): Promise<LqTable> {
  const scheme = query.scheme.toLowerCase();
  const denominator = query.denominator ?? 'total';
  const measure = query.measure ?? 'employment';
  const benchmark = query.benchmark || null;
  const data = await loadYear(db, scheme, query.year);
  if (benchmark !== null) requireRegion(data, benchmark, 'benchmark');
  if (query.region) requireRegion(data, query.region, 'requested');
  const items = locationQuotientTable(data.figures, {
    denominator,
    measure,
    benchmarkRegion: benchmark,
  })
    .filter(
      (row) =>
        (!query.region || row.regionCode === query.region) &&
        (!query.industry || row.industryCode === query.industry),
    )
    .map((row) => ({
      ...row,
      regionName: data.regionNames.get(row.regionCode) ?? null,
      industryName: data.industryNames.get(row.industryCode) ?? null,
    }));
  return { scheme, year: query.year, denominator, measure, benchmark, items };
}

export interface StrengthQuery {
  scheme: string;
  year: number;
  /** By default same-type, as the US Cluster Mapping Project computes it. */
  denominator?: LqDenominator | undefined;
  benchmark?: string | null | undefined;
  region?: string | undefined;
}

export interface StrengthTable {
  scheme: string;
  year: number;
  denominator: LqDenominator;
  benchmark: string | null;
  items: (ClusterStrengthRow & { regionName: string | null })[];
}

/**
 * Each region's cluster strength (employment in its strong traded clusters over its traded
 * employment), strongest first. Throws STATS_NOT_FOUND, REGION_NOT_FOUND, and VALIDATION_FAILED
 * when no industry of the data is typed traded.
 */
export async function clusterStrengths(db: DbOrTx, query: StrengthQuery): Promise<StrengthTable> {
  const scheme = query.scheme.toLowerCase();
  const denominator = query.denominator ?? 'same-type';
  const benchmark = query.benchmark || null;
  const data = await loadYear(db, scheme, query.year);
  if (!data.rows.some((row) => row.industryType === TRADED)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `No industry of scheme "${scheme}" in ${query.year} has industry_type "${TRADED}"; cluster ` +
        'strength counts employment in traded industries. Import the file with an industry_type column.',
      { scheme, year: query.year },
    );
  }
  if (benchmark !== null) requireRegion(data, benchmark, 'benchmark');
  if (query.region) requireRegion(data, query.region, 'requested');
  const lq = locationQuotientTable(data.figures, {
    denominator,
    measure: 'employment',
    benchmarkRegion: benchmark,
  });
  const items = clusterStrength(lq)
    .filter((row) => !query.region || row.regionCode === query.region)
    .map((row) => ({ ...row, regionName: data.regionNames.get(row.regionCode) ?? null }));
  return { scheme, year: query.year, denominator, benchmark, items };
}

export interface ShiftShareQuery {
  scheme: string;
  from: number;
  to: number;
  measure?: StatMeasure | undefined;
  benchmark?: string | null | undefined;
  region?: string | undefined;
  industry?: string | undefined;
}

export interface ShiftShareTable {
  scheme: string;
  from: number;
  to: number;
  measure: StatMeasure;
  benchmark: string | null;
  items: (ShiftShareRow & { regionName: string | null; industryName: string | null })[];
  /** Per region, over its industries (all of them, whatever the industry filter). */
  totals: (ShiftShareTotal & { regionName: string | null })[];
}

/**
 * Shift-share of every region × industry between two years of one scheme: national share,
 * industry mix and regional share, summing to the change. Throws STATS_NOT_FOUND for a year
 * without figures, REGION_NOT_FOUND, and VALIDATION_FAILED when the years are not in order.
 */
export async function shiftShareAnalysis(
  db: DbOrTx,
  query: ShiftShareQuery,
): Promise<ShiftShareTable> {
  const scheme = query.scheme.toLowerCase();
  const measure = query.measure ?? 'employment';
  const benchmark = query.benchmark || null;
  if (query.from >= query.to) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The base year (${query.from}) must come before the end year (${query.to}).`,
      { from: query.from, to: query.to },
    );
  }
  const rows = await listRegionStats(db, scheme, [query.from, query.to]);
  const base = rows.filter((row) => row.year === query.from);
  const end = rows.filter((row) => row.year === query.to);
  if (base.length === 0) throw await notLoaded(db, scheme, query.from);
  if (end.length === 0) throw await notLoaded(db, scheme, query.to);
  const data = await loaded(db, scheme, rows);
  if (benchmark !== null) requireRegion(data, benchmark, 'benchmark');
  if (query.region) requireRegion(data, query.region, 'requested');
  const all = shiftShare(base, end, { measure, benchmarkRegion: benchmark });
  const inRegion = all.filter((row) => !query.region || row.regionCode === query.region);
  const regionName = (code: string) => data.regionNames.get(code) ?? null;
  return {
    scheme,
    from: query.from,
    to: query.to,
    measure,
    benchmark,
    items: inRegion
      .filter((row) => !query.industry || row.industryCode === query.industry)
      .map((row) => ({
        ...row,
        regionName: regionName(row.regionCode),
        industryName: data.industryNames.get(row.industryCode) ?? null,
      })),
    totals: shiftShareTotals(inRegion).map((row) => ({
      ...row,
      regionName: regionName(row.regionCode),
    })),
  };
}
