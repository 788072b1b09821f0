/** A small share from 0 to 1 as a percentage with two decimals (0.14%). */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  return `${(share * 100).toFixed(2)}%`;
}
