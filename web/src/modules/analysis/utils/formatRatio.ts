/** A ratio such as a location quotient, with two decimals. */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toFixed(2);
}
