import type { ChainAnalysis, NodeAnalysis } from '@shared/api/analysis.ts';

export interface PlacedNode {
  node: NodeAnalysis;
  x: number;
  y: number;
  /** Symbol size in pixels, growing with the square root of the node's share of output. */
  size: number;
}

export interface PlacedStage {
  code: string;
  name: ChainAnalysis['stages'][number]['name'];
  x: number;
  y: number;
}

export const COLUMN_WIDTH = 760;
export const ROW_HEIGHT = 86;

/** Stages left to right (up → mid → down), each stage's nodes top to bottom in template order. */
export function chainMapLayout(analysis: ChainAnalysis): {
  nodes: PlacedNode[];
  stages: PlacedStage[];
} {
  const rows = Math.max(
    1,
    ...analysis.stages.map((s) => analysis.nodes.filter((n) => n.stageCode === s.code).length),
  );
  const maxShare = Math.max(0.0001, ...analysis.nodes.map((n) => n.share ?? 0));
  const stages: PlacedStage[] = [];
  const nodes: PlacedNode[] = [];
  analysis.stages.forEach((stage, column) => {
    const members = analysis.nodes.filter((n) => n.stageCode === stage.code);
    const x = column * COLUMN_WIDTH;
    // Centre shorter columns so the flows between stages stay level.
    const offset = ((rows - members.length) * ROW_HEIGHT) / 2;
    stages.push({ code: stage.code, name: stage.name, x, y: -ROW_HEIGHT });
    members.forEach((node, row) => {
      const share = node.share ?? 0;
      const size = node.status === 'missing' ? 18 : 22 + 46 * Math.sqrt(share / maxShare);
      nodes.push({ node, x, y: offset + row * ROW_HEIGHT, size });
    });
  });
  return { nodes, stages };
}
