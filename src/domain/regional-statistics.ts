import { locationQuotient } from './location-quotient.ts';

/**
 * Regional statistics over region × industry figures of any scheme (GB/T 4754 classes, NAICS, US
 * benchmark clusters): percentiles, location-quotient tables with the US Cluster Mapping strong-
 * cluster flags, cluster strength, and shift-share. Pure functions; the README
 * section "Regional statistics" states the definitions for users.
 */

/** Which regional total an LQ divides by: all industries, or only those of the industry's type. */
export type LqDenominator = 'total' | 'same-type';
export const LQ_DENOMINATORS = ['total', 'same-type'] as const satisfies readonly LqDenominator[];

/** The figure location quotients and shift-share are computed on. */
export type StatMeasure = 'employment' | 'output';
export const STAT_MEASURES = ['employment', 'output'] as const satisfies readonly StatMeasure[];

/** The industry type whose employment cluster strength counts (as the US Cluster Mapping does). */
export const TRADED = 'traded';

/** One region's figures for one industry in one year; null where the source gave none. */
export interface StatFigure {
  regionCode: string;
  industryCode: string;
  /** e.g. traded or local; figures without a type form one group of their own. */
  industryType: string | null;
  employment: number | null;
  establishments: number | null;
  output: number | null;
}

/**
 * The p-th percentile (0–100) of `values`, interpolating linearly between the closest ranks as
 * numpy's default method and Excel's PERCENTILE.INC do; null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is not between 0 and 100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  const t = rank - below;
  // numpy interpolates from the nearer end, which keeps its results bit for bit; so do we.
  return t >= 0.5 ? high - (high - low) * (1 - t) : low + (high - low) * t;
}

export interface LqOptions {
  denominator: LqDenominator;
  measure: StatMeasure;
  /** A region of the data to compare against; by default the sum of all regions. */
  benchmarkRegion?: string | null;
}

/** One row of a location-quotient table. */
export interface LqRow {
  regionCode: string;
  industryCode: string;
  industryType: string | null;
  /** The measure's value: employment or output. */
  value: number;
  lq: number | null;
  /** The industry's share of the region's denominator total. */
  regionShare: number | null;
  /** The industry's share of the benchmark's denominator total. */
  nationalShare: number | null;
  /** Strong cluster by the US Cluster Mapping rule (75th percentile of LQ). */
  strong: boolean;
  /** Strong cluster at the 90th percentile of LQ. */
  strong10: boolean;
}

function valueOf(figure: StatFigure, measure: StatMeasure): number | null {
  return measure === 'employment' ? figure.employment : figure.output;
}

function add(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** Each industry's type: the first one any figure gives, so every region groups it alike. */
function industryTypes(figures: readonly StatFigure[]): Map<string, string | null> {
  const types = new Map<string, string | null>();
  for (const f of figures) {
    if (types.get(f.industryCode) == null) types.set(f.industryCode, f.industryType);
  }
  return types;
}

/**
 * The location quotient of every region × industry with a value of the measure, against the sum
 * of all regions or a named benchmark region (which is then left out of the table), with the strong-
 * cluster flags. Dividing by the same-type total follows the US Cluster Mapping Project.
 */
export function locationQuotientTable(figures: readonly StatFigure[], options: LqOptions): LqRow[] {
  const { denominator, measure } = options;
  const benchmark = options.benchmarkRegion ?? null;
  const types = industryTypes(figures);
  const group = (industryCode: string): string =>
    denominator === 'total' ? '' : `type:${types.get(industryCode) ?? ''}`;

  const regionTotals = new Map<string, number>();
  const benchmarkValues = new Map<string, number>();
  const benchmarkTotals = new Map<string, number>();
  const counted: { figure: StatFigure; value: number }[] = [];
  for (const figure of figures) {
    const value = valueOf(figure, measure);
    if (value === null) continue;
    const key = group(figure.industryCode);
    const isBenchmark = figure.regionCode === benchmark;
    if (benchmark === null || isBenchmark) {
      add(benchmarkValues, figure.industryCode, value);
      add(benchmarkTotals, key, value);
    }
    if (isBenchmark) continue;
    add(regionTotals, `${figure.regionCode}\u0000${key}`, value);
    counted.push({ figure, value });
  }

  const rows = counted.map(({ figure, value }): LqRow => {
    const key = group(figure.industryCode);
    const regionTotal = regionTotals.get(`${figure.regionCode}\u0000${key}`) ?? 0;
    const benchmarkValue = benchmarkValues.get(figure.industryCode) ?? 0;
    const benchmarkTotal = benchmarkTotals.get(key) ?? 0;
    return {
      regionCode: figure.regionCode,
      industryCode: figure.industryCode,
      industryType: types.get(figure.industryCode) ?? null,
      value,
      lq: locationQuotient({ regionValue: value, regionTotal, benchmarkValue, benchmarkTotal }),
      regionShare: regionTotal > 0 ? value / regionTotal : null,
      nationalShare: benchmarkTotal > 0 ? benchmarkValue / benchmarkTotal : null,
      strong: false,
      strong10: false,
    };
  });
  flagStrongClusters(rows, figures, benchmark);
  return rows;
}

/**
 * Sets `strong` and `strong10` by the US Cluster Mapping rule, per industry across the regions with
 * a positive value: LQ at or above the 75th (90th) percentile of their LQs and at least 1, and
 * employment and establishments above their 25th percentiles. A criterion whose figure no ranked
 * region reports (establishments missing from a file) is not applied.
 */
function flagStrongClusters(
  rows: LqRow[],
  figures: readonly StatFigure[],
  benchmark: string | null,
): void {
  const figureOf = new Map<string, StatFigure>();
  for (const f of figures) {
    if (f.regionCode !== benchmark) figureOf.set(`${f.regionCode}\u0000${f.industryCode}`, f);
  }
  const byIndustry = new Map<string, { row: LqRow; figure: StatFigure | undefined }[]>();
  for (const row of rows) {
    if (row.value <= 0 || row.lq === null) continue;
    const list = byIndustry.get(row.industryCode) ?? [];
    list.push({ row, figure: figureOf.get(`${row.regionCode}\u0000${row.industryCode}`) });
    byIndustry.set(row.industryCode, list);
  }
  for (const ranked of byIndustry.values()) {
    const known = (pick: (f: StatFigure) => number | null): number[] =>
      ranked.flatMap(({ figure }) => {
        const v = figure ? pick(figure) : null;
        return v === null ? [] : [v];
      });
    const lqs = ranked.map(({ row }) => row.lq ?? 0);
    const lq75 = percentile(lqs, 75) ?? Infinity;
    const lq90 = percentile(lqs, 90) ?? Infinity;
    const employment25 = percentile(
      known((f) => f.employment),
      25,
    );
    const establishments25 = percentile(
      known((f) => f.establishments),
      25,
    );
    const above = (value: number | null | undefined, threshold: number | null): boolean =>
      threshold === null || (value != null && value > threshold);
    for (const { row, figure } of ranked) {
      const lq = row.lq ?? 0;
      const sized =
        lq >= 1 &&
        above(figure?.employment, employment25) &&
        above(figure?.establishments, establishments25);
      row.strong = sized && lq >= lq75;
      row.strong10 = sized && lq >= lq90;
    }
  }
}

/** A region's cluster strength: the share of its traded employment in strong traded clusters. */
export interface ClusterStrengthRow {
  regionCode: string;
  tradedEmployment: number;
  /** Employment in the region's strong traded clusters. */
  strongEmployment: number;
  strongClusters: number;
  /** strongEmployment / tradedEmployment; null without traded employment. */
  strength: number | null;
  /** The same at the 90th-percentile rule. */
  strong10Employment: number;
  strength10: number | null;
}

/**
 * Each region's cluster strength from an employment LQ table: employment in its strong traded
 * clusters over its traded employment (industry_type "traded"), largest first.
 */
export function clusterStrength(lqRows: readonly LqRow[]): ClusterStrengthRow[] {
  const byRegion = new Map<string, ClusterStrengthRow>();
  for (const row of lqRows) {
    const entry = byRegion.get(row.regionCode) ?? {
      regionCode: row.regionCode,
      tradedEmployment: 0,
      strongEmployment: 0,
      strongClusters: 0,
      strength: null,
      strong10Employment: 0,
      strength10: null,
    };
    byRegion.set(row.regionCode, entry);
    if (row.industryType !== TRADED) continue;
    entry.tradedEmployment += row.value;
    if (row.strong) {
      entry.strongEmployment += row.value;
      entry.strongClusters++;
    }
    if (row.strong10) entry.strong10Employment += row.value;
  }
  const rows = [...byRegion.values()];
  for (const row of rows) {
    if (row.tradedEmployment > 0) {
      row.strength = row.strongEmployment / row.tradedEmployment;
      row.strength10 = row.strong10Employment / row.tradedEmployment;
    }
  }
  return rows.sort(
    (a, b) => (b.strength ?? -1) - (a.strength ?? -1) || a.regionCode.localeCompare(b.regionCode),
  );
}

export interface ShiftShareOptions {
  measure: StatMeasure;
  /** A region of the data whose growth is the national one; by default the sum of all regions. */
  benchmarkRegion?: string | null;
}

/** One region × industry's change between two years, split three ways. */
export interface ShiftShareRow {
  regionCode: string;
  industryCode: string;
  base: number;
  end: number;
  /** end − base = nationalShare + industryMix + regionalShare. */
  change: number;
  /** E0·gN: what the region would have gained growing like the whole economy. */
  nationalShare: number;
  /** E0·(gi − gN): what the industry's national growth adds over the economy's. */
  industryMix: number;
  /** E0·(gir − gi): what the region did better or worse than the industry nationally. */
  regionalShare: number;
}

function growth(base: number, end: number): number | null {
  return base > 0 ? (end - base) / base : null;
}

/**
 * Shift-share of every region × industry present in either year (a missing figure counts as 0):
 * national share E0·gN, industry mix E0·(gi − gN) and regional share E0·(gir − gi). The regional
 * share is taken as the remainder so the three parts sum to the change exactly; it equals
 * E0·(gir − gi) whenever the rates exist. A rate that does not exist (nothing in the base year)
 * contributes nothing, so a region's new industry is all regional share.
 */
export function shiftShare(
  from: readonly StatFigure[],
  to: readonly StatFigure[],
  options: ShiftShareOptions,
): ShiftShareRow[] {
  const benchmark = options.benchmarkRegion ?? null;
  const national = { base: 0, end: 0 };
  const nationalIndustry = new Map<string, { base: number; end: number }>();
  const regional = new Map<string, ShiftShareRow>();
  const collect = (figures: readonly StatFigure[], year: 'base' | 'end'): void => {
    for (const f of figures) {
      const value = valueOf(f, options.measure);
      if (value === null) continue;
      const isBenchmark = f.regionCode === benchmark;
      if (benchmark === null || isBenchmark) {
        national[year] += value;
        const industry = nationalIndustry.get(f.industryCode) ?? { base: 0, end: 0 };
        industry[year] += value;
        nationalIndustry.set(f.industryCode, industry);
      }
      if (isBenchmark) continue;
      const key = `${f.regionCode}\u0000${f.industryCode}`;
      const row = regional.get(key) ?? {
        regionCode: f.regionCode,
        industryCode: f.industryCode,
        base: 0,
        end: 0,
        change: 0,
        nationalShare: 0,
        industryMix: 0,
        regionalShare: 0,
      };
      row[year] += value;
      regional.set(key, row);
    }
  };
  collect(from, 'base');
  collect(to, 'end');

  const gN = growth(national.base, national.end);
  const rows = [...regional.values()];
  for (const row of rows) {
    const industry = nationalIndustry.get(row.industryCode);
    const gi = industry ? growth(industry.base, industry.end) : null;
    row.change = row.end - row.base;
    row.nationalShare = gN === null ? 0 : row.base * gN;
    row.industryMix = gi === null || gN === null ? 0 : row.base * (gi - gN);
    row.regionalShare = row.change - (row.nationalShare + row.industryMix);
  }
  return rows.sort(
    (a, b) =>
      a.regionCode.localeCompare(b.regionCode) || a.industryCode.localeCompare(b.industryCode),
  );
}

/** A region's shift-share summed over its industries. */
export type ShiftShareTotal = Omit<ShiftShareRow, 'industryCode'>;

/** Sums shift-share rows per region, in region order. */
export function shiftShareTotals(rows: readonly ShiftShareRow[]): ShiftShareTotal[] {
  const totals = new Map<string, ShiftShareTotal>();
  for (const row of rows) {
    const total = totals.get(row.regionCode) ?? {
      regionCode: row.regionCode,
      base: 0,
      end: 0,
      change: 0,
      nationalShare: 0,
      industryMix: 0,
      regionalShare: 0,
    };
    total.base += row.base;
    total.end += row.end;
    total.change += row.change;
    total.nationalShare += row.nationalShare;
    total.industryMix += row.industryMix;
    total.regionalShare += row.regionalShare;
    totals.set(row.regionCode, total);
  }
  return [...totals.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}
