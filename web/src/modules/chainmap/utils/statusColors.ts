import type { NodeAnalysis } from '@shared/api/analysis.ts';

/** One colour per node status, the same on the map, its legend and its drawer. */
export const STATUS_COLORS: Record<NodeAnalysis['status'], string> = {
  strong: '#52c41a',
  weak: '#fa8c16',
  missing: '#f5222d',
};
