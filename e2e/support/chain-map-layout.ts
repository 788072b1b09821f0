import type { ChainAnalysis } from '../../src/shared/api/analysis.ts';

/**
 * Where the chain map draws a node on the page: the layout ChainMapGraph gives its series (stages
 * as columns 760 apart, nodes as rows 86 apart, centred), fitted into the canvas `box`.
 */
export function nodePixel(
  analysis: ChainAnalysis,
  code: string,
  box: { x: number; y: number; width: number; height: number },
): { x: number; y: number } {
  const [COLUMN, ROW] = [760, 86];
  const columns = analysis.stages.map((s) => analysis.nodes.filter((n) => n.stageCode === s.code));
  const rows = Math.max(...columns.map((c) => c.length));
  let at: { x: number; y: number } | null = null;
  columns.forEach((members, column) => {
    members.forEach((node, row) => {
      if (node.code === code) {
        at = { x: column * COLUMN, y: ((rows - members.length) * ROW) / 2 + row * ROW };
      }
    });
  });
  if (!at) throw new Error(`No node ${code} on the map.`);
  const point: { x: number; y: number } = at;
  // The data's bounds (headings at y = -ROW) into the box less the series' margins, aspect kept.
  const [minX, maxX, minY, maxY] = [0, (columns.length - 1) * COLUMN, -ROW, (rows - 1) * ROW];
  const area = { x: box.x + 40, y: box.y + 30, width: box.width - 190, height: box.height - 60 };
  const scale = Math.min(area.width / (maxX - minX), area.height / (maxY - minY));
  const left = area.x + (area.width - (maxX - minX) * scale) / 2;
  const top = area.y + (area.height - (maxY - minY) * scale) / 2;
  return { x: left + (point.x - minX) * scale, y: top + (point.y - minY) * scale };
}
