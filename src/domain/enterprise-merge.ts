import { FIGURE_MEASURES, type FigureMeasure } from '../shared/figure-history.ts';

// The rules of putting two records of one enterprise together, wherever it happens (an import
// matching a row to a record, an analyst merging a queued pair, the national-scale import): who
// may be changed automatically, which name stays, which figure feeds the analysis.

/** The yearly measures an enterprise reports, as enterprise_year stores them. */
export const MEASURES = FIGURE_MEASURES;
export type Measure = FigureMeasure;

/** One year's figures of one record. */
export type YearFigures = { year: number } & { [M in Measure]?: number | null };

/** A figure that stops feeding the analysis, and the one that feeds it instead. */
export interface OverriddenFigure {
  year: number;
  measure: Measure;
  value: number;
  keptValue: number | null;
  /** Whose value it was: the surviving record's own, or the other's. */
  from: 'kept' | 'other';
}

/**
 * What an import may do with a row matched to an existing record:
 * - `merge`: write the row (the import is the more recent source);
 * - `fill`: the row has no USCC and the record is registered under the same name: it may fill
 *   empty fields and empty figures, never change the name or a figure (those go to the history);
 * - `queue`: the row has no USCC, the record has one, and the names differ: nothing is written to
 *   the record; the row becomes its own record and the pair goes to the duplicates queue.
 */
export type ImportMatchAction = 'merge' | 'fill' | 'queue';

/** Decides what an import may do with a matched record (see ImportMatchAction). */
export function importMatchAction(match: {
  how: 'uscc' | 'name' | 'fuzzy';
  recordUscc: string | null;
  existingUscc: string | null;
  sameName: boolean;
}): ImportMatchAction {
  if (match.how === 'uscc' || match.recordUscc || !match.existingUscc) return 'merge';
  return match.sameName && match.how === 'name' ? 'fill' : 'queue';
}

/** What decides which record of a pair survives a merge. */
export interface MergeSide {
  id: number;
  uscc: string | null;
  /** When the record's data last changed. */
  updatedAt: Date;
}

/**
 * The surviving record of a pair: the registered one (with a USCC); between two registered or
 * two unregistered records, the first (the older, the one an analyst sees first). Null when both
 * hold different USCCs: two registered legal entities are never one enterprise.
 */
export function survivorOf(first: MergeSide, second: MergeSide): 'first' | 'second' | null {
  if (first.uscc && second.uscc && first.uscc !== second.uscc) return null;
  if (!first.uscc && second.uscc) return 'second';
  return 'first';
}

/**
 * Whose figures feed the analysis after a merge, measure by measure: the registered record's;
 * between records alike, the more recently updated one's; the kept one's on a tie.
 */
export function figuresWinner(kept: MergeSide, other: MergeSide): 'kept' | 'other' {
  if (Boolean(kept.uscc) !== Boolean(other.uscc)) return kept.uscc ? 'kept' : 'other';
  return other.updatedAt.getTime() > kept.updatedAt.getTime() ? 'other' : 'kept';
}

/**
 * The survivor's yearly figures after a merge: for each year and measure exactly one value, the
 * winner's where it has one, else the other's; every differing value that loses is returned as
 * overridden, so it can be kept in the history, never dropped silently.
 */
export function mergeYearFigures(
  kept: readonly YearFigures[],
  other: readonly YearFigures[],
  winner: 'kept' | 'other',
): { years: YearFigures[]; overridden: OverriddenFigure[] } {
  const byYear = new Map<number, { kept?: YearFigures; other?: YearFigures }>();
  for (const row of kept) byYear.set(row.year, { ...byYear.get(row.year), kept: row });
  for (const row of other) byYear.set(row.year, { ...byYear.get(row.year), other: row });
  const years: YearFigures[] = [];
  const overridden: OverriddenFigure[] = [];
  for (const [year, pair] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
    const merged: YearFigures = { year };
    for (const measure of MEASURES) {
      const mine = pair.kept?.[measure] ?? null;
      const theirs = pair.other?.[measure] ?? null;
      const [win, lose, loser] =
        winner === 'kept' ? ([mine, theirs, 'other'] as const) : ([theirs, mine, 'kept'] as const);
      const value = win ?? lose;
      merged[measure] = value;
      if (win !== null && lose !== null && win !== lose) {
        overridden.push({ year, measure, value: lose, keptValue: win, from: loser });
      }
    }
    years.push(merged);
  }
  return { years, overridden };
}

/**
 * An import's figures for one year against what the record holds: with `incomingWins` the row's
 * values replace (the replaced ones are overridden); without, the row only fills empty measures
 * and its differing values are overridden (never applied). Returns the measures to write.
 */
export function importYearFigures(
  existing: YearFigures | null,
  incoming: YearFigures,
  incomingWins: boolean,
): { set: Partial<Record<Measure, number>>; overridden: OverriddenFigure[] } {
  const set: Partial<Record<Measure, number>> = {};
  const overridden: OverriddenFigure[] = [];
  for (const measure of MEASURES) {
    const value = incoming[measure] ?? null;
    if (value === null) continue;
    const current = existing?.[measure] ?? null;
    if (current === value) continue;
    if (current === null) set[measure] = value;
    else if (incomingWins) {
      set[measure] = value;
      overridden.push({
        year: incoming.year,
        measure,
        value: current,
        keptValue: value,
        from: 'kept',
      });
    } else {
      overridden.push({ year: incoming.year, measure, value, keptValue: current, from: 'other' });
    }
  }
  return { set, overridden };
}

/** The names a merged record answers to besides `name`: both records' names and aliases, once. */
export function mergedAliases(name: string, ...others: (string | readonly string[])[]): string[] {
  const all = others.flatMap((o) => (typeof o === 'string' ? [o] : [...o]));
  return [...new Set(all.map((n) => n.trim()).filter((n) => n.length > 0 && n !== name))];
}
