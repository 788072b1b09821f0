import { pinyin } from 'pinyin-pro';
import type { Db } from '../../db/connection.ts';
import { listAllRegions } from '../../db/region.repository.ts';
import { REGION_LEVELS, type Region, type RegionMatch } from '../../shared/api/regions.ts';
import { cachedPerDataVersion } from '../data-version-cache.ts';
import { regionNameEn } from './region-names.ts';

interface Indexed {
  region: Region;
  /** Whole pinyin without tones or spaces: wuxishi. */
  spelled: string;
  /** Initials: wxs. */
  initials: string;
}

const LEVEL_ORDER = new Map(REGION_LEVELS.map((level, i) => [level, i]));

const levelOf = (level: string): Region['level'] =>
  (REGION_LEVELS as readonly string[]).includes(level) ? (level as Region['level']) : 'custom';

/** The regions with their pinyin, built once per version of the region table. */
function regionIndex(db: Db): Promise<Map<string, Indexed>> {
  return cachedPerDataVersion(
    db,
    'region-search-index',
    async () => {
      const rows = await listAllRegions(db);
      return new Map(
        rows.map((row) => {
          const syllables = pinyin(row.name, { toneType: 'none', type: 'array', v: true });
          return [
            row.code,
            {
              region: {
                code: row.code,
                name: row.name,
                nameEn: regionNameEn(row),
                level: levelOf(row.level),
                parentCode: row.parentCode,
              },
              spelled: syllables.join('').toLowerCase(),
              initials: syllables
                .map((s) => s.charAt(0))
                .join('')
                .toLowerCase(),
            },
          ];
        }),
      );
    },
    { kind: 'regions', maxEntries: 4 },
  );
}

/** How well an entry matches: lower is better, null for no match. */
function matchRank(entry: Indexed, query: string): number | null {
  if (/^\d+$/.test(query)) return entry.region.code.startsWith(query) ? 0 : null;
  if (/[\u3400-\u9fff]/.test(query)) {
    if (entry.region.name === query) return 0;
    if (entry.region.name.startsWith(query)) return 1;
    return entry.region.name.includes(query) ? 2 : null;
  }
  const latin = query.toLowerCase().replace(/[\s'·-]/g, '');
  if (latin === '') return null;
  if (entry.spelled.startsWith(latin) || entry.initials.startsWith(latin)) return 1;
  if (
    entry.region.nameEn
      .toLowerCase()
      .replace(/[\s'·-]/g, '')
      .startsWith(latin)
  )
    return 1;
  return entry.spelled.includes(latin) ? 2 : null;
}

/**
 * Regions whose name, pinyin (wuxi), pinyin initials (wx), English name or code prefix matches
 * `query`, best first (closer match, then higher level, then code), each with its English name
 * and its path from the province (江苏省 · 无锡市 · 新吴区). `within` keeps codes under a prefix.
 */
export async function searchRegions(
  db: Db,
  input: { query: string; within?: string | undefined; limit: number },
): Promise<{ items: RegionMatch[]; total: number }> {
  const index = await regionIndex(db);
  const query = input.query.trim();
  const found: { entry: Indexed; rank: number }[] = [];
  for (const entry of index.values()) {
    if (input.within && !entry.region.code.startsWith(input.within)) continue;
    const rank = matchRank(entry, query);
    if (rank !== null) found.push({ entry, rank });
  }
  found.sort(
    (a, b) =>
      a.rank - b.rank ||
      (LEVEL_ORDER.get(a.entry.region.level) ?? 9) - (LEVEL_ORDER.get(b.entry.region.level) ?? 9) ||
      a.entry.region.code.localeCompare(b.entry.region.code),
  );
  const pathOf = (region: Region): string[] => {
    const names: string[] = [];
    for (let code: string | null = region.code; code !== null;) {
      const step = index.get(code);
      if (!step) break;
      // A municipality's city level carries the province's name: said once.
      if (names[0] !== step.region.name) names.unshift(step.region.name);
      code = step.region.parentCode;
    }
    return names;
  };
  const items = found.slice(0, input.limit).map(({ entry }) => ({
    ...entry.region,
    path: pathOf(entry.region),
  }));
  return { items, total: found.length };
}
