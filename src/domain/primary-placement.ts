/**
 * Which of an enterprise's placements on one chain is its primary one: the rule that
 * `settlePrimaryPlacements` (src/db/classification.repository.ts) applies in SQL, for placements
 * written straight to the table (a new enterprise's, which have nothing to settle against).
 * Not rejected first, then confirmed, then the one proposed as primary, then a manual decision,
 * then the higher score (as stored: a 4-byte real), then the node's place in the template, then
 * its id. The first is primary unless it is rejected; none of the others is.
 */
export interface SettlablePlacement {
  nodeId: number;
  decision: string;
  isPrimary: boolean;
  score: number;
  manual?: boolean;
}

export function settlePrimary<T extends SettlablePlacement>(
  placements: readonly T[],
  sortOrderOf: (nodeId: number) => number,
): T[] {
  let best: T | undefined;
  for (const placement of placements)
    if (!best || ranksBefore(placement, best, sortOrderOf)) best = placement;
  return placements.map((placement) => ({
    ...placement,
    isPrimary: placement === best && placement.decision !== 'rejected',
  }));
}

function ranksBefore(
  a: SettlablePlacement,
  b: SettlablePlacement,
  sortOrderOf: (nodeId: number) => number,
): boolean {
  const keys = (p: SettlablePlacement) => [
    p.decision === 'rejected' ? 1 : 0,
    p.decision === 'confirmed' ? 0 : 1,
    p.isPrimary ? 0 : 1,
    p.manual ? 0 : 1,
    -Math.fround(p.score),
    sortOrderOf(p.nodeId),
    p.nodeId,
  ];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] ?? 0;
    const y = kb[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}
