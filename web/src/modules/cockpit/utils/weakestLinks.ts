import type { NodeAnalysis } from '@shared/api/analysis.ts';

/** Missing nodes first, then weak ones, each by weight (the links that matter most first). */
export function weakestLinks(nodes: readonly NodeAnalysis[], limit: number): NodeAnalysis[] {
  const rank = (n: NodeAnalysis) => (n.status === 'missing' ? 0 : 1);
  return nodes
    .filter((n) => n.status !== 'strong')
    .sort((a, b) => rank(a) - rank(b) || b.weight - a.weight)
    .slice(0, limit);
}
