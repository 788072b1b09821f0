/**
 * The location quotient LQ(i,r) = (E(i,r) / E(r)) / (E(i,N) / E(N)): how concentrated an industry
 * (or chain node) is in a region relative to a benchmark. Null when any share is undefined (a zero
 * denominator or a zero benchmark share), never Infinity or NaN.
 */
export function locationQuotient(input: {
  regionValue: number;
  regionTotal: number;
  benchmarkValue: number;
  benchmarkTotal: number;
}): number | null {
  const { regionValue, regionTotal, benchmarkValue, benchmarkTotal } = input;
  if (regionTotal <= 0 || benchmarkTotal <= 0 || benchmarkValue <= 0) return null;
  return regionValue / regionTotal / (benchmarkValue / benchmarkTotal);
}
