import type { ProblemQuery } from '../hooks/useProblemFilters.ts';

/** 问题清单: the filtered list as a workbook (the export route lands with the figures). */
export function ProblemExportButton({ query }: { query: ProblemQuery }) {
  void query;
  return null;
}
