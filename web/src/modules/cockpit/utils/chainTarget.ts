import type { ChainAnalysis, TargetProgress } from '@shared/api/analysis.ts';

/** The chain's own target the cockpit steers by: the first one from the analysis year on. */
export function chainTarget(analysis: ChainAnalysis): TargetProgress | undefined {
  const own = analysis.targets.filter((t) => t.nodeCode === null);
  return own.find((t) => t.year >= analysis.year) ?? own.at(-1);
}
