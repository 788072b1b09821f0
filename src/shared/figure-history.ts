// The measures an enterprise reports each year, and why a figure can leave the analysis for the
// figure history: both sides (server, web app) name them the same way.

/** The yearly measures, as the API names them. */
export const FIGURE_MEASURES = [
  'revenueYuan',
  'outputYuan',
  'taxYuan',
  'rdSpendYuan',
  'exportsYuan',
  'employees',
] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];

/**
 * Why a figure is in the history: `merge` (it lost to the other record's when two were merged),
 * `import_override` (a later import replaced it), `import_unregistered` (an import row without
 * USCC brought it for a registered enterprise, which keeps its own).
 */
export const FIGURE_HISTORY_REASONS = ['merge', 'import_override', 'import_unregistered'] as const;
export type FigureHistoryReason = (typeof FIGURE_HISTORY_REASONS)[number];
