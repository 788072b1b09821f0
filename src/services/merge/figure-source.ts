/** Where a record's figures came from, as far as its provenance says. */
export interface FigureSource {
  importId: number | null;
  row: number | null;
  at: Date | null;
  sourceName: string | null;
}

/**
 * The source of a record's current figures: the latest import that wrote it (its provenance
 * entry), else the record's source name alone.
 */
export function figureSourceOf(provenance: unknown, sourceName: string): FigureSource {
  const entries = Array.isArray(provenance) ? (provenance as Record<string, unknown>[]) : [];
  const latest = entries.findLast((entry) => typeof entry.importId === 'number');
  if (!latest) return { importId: null, row: null, at: null, sourceName };
  return {
    importId: latest.importId as number,
    row: typeof latest.row === 'number' ? latest.row : null,
    at: typeof latest.at === 'string' ? new Date(latest.at) : null,
    sourceName: typeof latest.source === 'string' ? latest.source : sourceName,
  };
}
