/** Candidates counted by the province and city they are in (a municipality is its own city). */
export interface HomeCity {
  province: string;
  city: string;
  count: number;
}

type Step = { code: string; name: string };

/** Groups candidates by home province and city, most candidates first (an enterprise once). */
export function homeCities(
  candidates: readonly { enterpriseId: number; regionPath: readonly Step[] }[],
): HomeCity[] {
  const seen = new Set<number>();
  const counts = new Map<string, HomeCity>();
  for (const candidate of candidates) {
    if (seen.has(candidate.enterpriseId)) continue;
    seen.add(candidate.enterpriseId);
    const province = candidate.regionPath.find((s) => s.code.length === 2)?.name ?? '—';
    // A municipality's districts sit right under it: the municipality is the city.
    const city = candidate.regionPath.find((s) => s.code.length === 4)?.name ?? province;
    const key = `${province}/${city}`;
    const entry = counts.get(key) ?? { province, city, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) =>
      b.count - a.count || a.province.localeCompare(b.province) || a.city.localeCompare(b.city),
  );
}
