/** An axis label: the industry's name cut to ten characters, or its code when it has no name. */
export function shortIndustryName(row: { industryCode: string; industryName: string | null }) {
  const name = row.industryName ?? row.industryCode;
  return name.length > 10 ? `${name.slice(0, 9)}…` : name;
}
