import { formatNumber } from '../shared/format.ts';
import { SPACE_KIND_NAMES, type SpaceKind, type SpaceMatch } from '../shared/api/parks.ts';

/**
 * Matches a project's space need (m² by kind, from a date) to parks: which units are free in time,
 * whether they cover the need, whether the park focuses on the project's node; ranked with reasons.
 */

export interface MatchUnit {
  spaceId: number;
  code: string;
  building: string | null;
  floor: number | null;
  kind: SpaceKind;
  freeM2: number;
  /** null: available now. */
  availableFrom: string | null;
  rentYuanPerM2Month: number | null;
}

export interface MatchPark {
  id: number;
  name: string;
  nameEn: string | null;
  focusNodeCodes: readonly string[];
  units: readonly MatchUnit[];
}

export interface SpaceNeedInput {
  need: readonly { kind: SpaceKind; areaM2: number }[];
  /** The date the project needs the space; null: as soon as possible (any free unit counts). */
  neededFrom: string | null;
  nodeCode: string | null;
}

/** Coverage counts most, then the park's focus, then how few units the need takes. */
export const MATCH_WEIGHTS = { coverage: 60, focus: 25, compactness: 15 } as const;

const round = (x: number) => Math.round(x * 100) / 100;

/** A unit counts when it has free area and is available by the needed date. */
function availableInTime(unit: MatchUnit, neededFrom: string | null): boolean {
  if (unit.freeM2 <= 0) return false;
  return neededFrom === null || unit.availableFrom === null || unit.availableFrom <= neededFrom;
}

/**
 * Units to suggest for `needM2`: the smallest single unit that covers it (least waste), else the
 * largest units first until it is covered (fewest units).
 */
export function suggestUnits(units: readonly MatchUnit[], needM2: number): MatchUnit[] {
  const single = [...units]
    .filter((u) => u.freeM2 >= needM2)
    .sort((a, b) => a.freeM2 - b.freeM2 || a.spaceId - b.spaceId)[0];
  if (single) return [single];
  const chosen: MatchUnit[] = [];
  let covered = 0;
  for (const unit of [...units].sort((a, b) => b.freeM2 - a.freeM2 || a.spaceId - b.spaceId)) {
    if (covered >= needM2) break;
    chosen.push(unit);
    covered += unit.freeM2;
  }
  return chosen;
}

/** Ranks parks for a space need, best first; parks with no fitting unit of any kind are left out. */
export function matchSpace(input: SpaceNeedInput, parks: readonly MatchPark[]): SpaceMatch[] {
  const matches: SpaceMatch[] = [];
  for (const park of parks) {
    const kinds = input.need.map((need) => {
      const eligible = park.units.filter(
        (u) => u.kind === need.kind && availableInTime(u, input.neededFrom),
      );
      const freeM2 = eligible.reduce((sum, u) => sum + u.freeM2, 0);
      return { need, freeM2, units: suggestUnits(eligible, need.areaM2) };
    });
    if (kinds.every((k) => k.freeM2 === 0)) continue;
    const coverage =
      kinds.reduce((sum, k) => sum + Math.min(1, k.freeM2 / k.need.areaM2), 0) / kinds.length;
    const unitCount = kinds.reduce((sum, k) => sum + k.units.length, 0);
    // One unit per needed kind is best; each extra unit to split a need over costs.
    const compactness =
      unitCount === 0 ? 0 : kinds.filter((k) => k.units.length > 0).length / unitCount;
    const focusNode = input.nodeCode !== null && park.focusNodeCodes.includes(input.nodeCode);
    const coversNeed = kinds.every((k) => k.freeM2 >= k.need.areaM2);
    const reasons = kinds.map(({ need, freeM2, units }) => {
      const name = SPACE_KIND_NAMES[need.kind];
      const enough = freeM2 >= need.areaM2;
      return {
        zh:
          `${name.zh}：需 ${fmt(need.areaM2)} m²，按期可用 ${fmt(freeM2)} m²` +
          (enough ? `（${units.length} 个单元即可）` : '（不足）'),
        en:
          `${name.en}: needs ${fmt(need.areaM2)} m², ${fmt(freeM2)} m² free in time` +
          (enough ? ` (${units.length} unit${units.length === 1 ? '' : 's'} suffice)` : ' (short)'),
      };
    });
    reasons.push(
      focusNode
        ? { zh: '项目所在环节是园区主导方向', en: "the project's node is a focus of the park" }
        : { zh: '项目所在环节不在园区主导方向', en: "the project's node is not a park focus" },
    );
    matches.push({
      parkId: park.id,
      parkName: park.name,
      parkNameEn: park.nameEn,
      score: round(
        MATCH_WEIGHTS.coverage * coverage +
          MATCH_WEIGHTS.focus * (focusNode ? 1 : 0) +
          MATCH_WEIGHTS.compactness * compactness,
      ),
      coversNeed,
      focusNode,
      reasons,
      kinds: kinds.map(({ need, freeM2, units }) => ({
        kind: need.kind,
        neededM2: need.areaM2,
        freeM2,
        units: units.map((u) => ({
          spaceId: u.spaceId,
          code: u.code,
          building: u.building,
          floor: u.floor,
          freeM2: u.freeM2,
          availableFrom: u.availableFrom,
          rentYuanPerM2Month: u.rentYuanPerM2Month,
        })),
      })),
    });
  }
  return matches.sort((a, b) => b.score - a.score || a.parkId - b.parkId);
}

function fmt(m2: number): string {
  return formatNumber(m2);
}
