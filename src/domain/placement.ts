/**
 * Whether a classification row is the enterprise's node on its chain: the row form of the view
 * `chain_placement` (src/db/migrations/0008_placement_rule.sql), for code holding rows already.
 */
export function countsOnChain(row: { decision: string; isPrimary: boolean }): boolean {
  return row.isPrimary && row.decision === 'confirmed';
}
