/** Where a record's figures came from, as far as its provenance says. */
export interface FigureSource {
  importId: number | null;
  row: number | null;
  at: Date | null;
  sourceName: string | null;
}

/**
 * The source of a record's figures for `year`: the latest import whose provenance entry says it
 * wrote that year, else the latest import that wrote the record (entries before years were
 * recorded), else the record's source name alone.
 */
export function figureSourceOf(
  provenance: unknown,
  sourceName: string,
  year: number,
): FigureSource {
  const entries = Array.isArray(provenance) ? (provenance as Record<string, unknown>[]) : [];
  const imported = (entry: Record<string, unknown>) => typeof entry.importId === 'number';
  const latest =
    entries.findLast(
      (entry) => imported(entry) && Array.isArray(entry.years) && entry.years.includes(year),
    ) ?? entries.findLast(imported);
  if (!latest) return { importId: null, row: null, at: null, sourceName };
  return {
    importId: latest.importId as number,
    row: typeof latest.row === 'number' ? latest.row : null,
    at: typeof latest.at === 'string' ? new Date(latest.at) : null,
    sourceName: typeof latest.source === 'string' ? latest.source : sourceName,
  };
}
