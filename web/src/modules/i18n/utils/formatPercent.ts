/** A share from 0 to 1 as a percentage with one decimal. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  return `${(share * 100).toFixed(1)}%`;
}
