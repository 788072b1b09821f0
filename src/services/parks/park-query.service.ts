import type { Db } from '../../db/connection.ts';
import {
  countTenantsByPark,
  listParkSpaces,
  listParkTenants,
  listParks,
  type ParkRow,
  type ParkSpaceRow,
} from '../../db/park.repository.ts';
import {
  SPACE_KINDS,
  type ParkDetail,
  type ParkSpace,
  type ParkSummary,
  type SpaceKind,
} from '../../shared/api/parks.ts';
import { requirePark } from '../lookup/lookup.service.ts';
import { ALL_PARKS, assertParkInScope, type ParkScope } from '../auth/park-scope.ts';
import { isParkInScope } from '../../shared/park-scope.ts';

function asSpaceKind(kind: string): SpaceKind {
  return (SPACE_KINDS as readonly string[]).includes(kind) ? (kind as SpaceKind) : 'office';
}

/** A space unit with what is free of it. */
export function presentSpace(s: ParkSpaceRow): ParkSpace {
  return {
    id: s.id,
    code: s.code,
    building: s.building,
    kind: asSpaceKind(s.kind),
    floor: s.floor,
    areaM2: s.areaM2,
    occupiedM2: s.occupiedM2,
    reservedM2: s.reservedM2,
    freeM2: s.areaM2 - s.occupiedM2 - s.reservedM2,
    availableFrom: s.availableFrom,
    rentYuanPerM2Month: s.rentYuanPerM2Month,
  };
}

function presentPark(
  row: ParkRow,
  regionName: string | null,
  spaces: ParkSpaceRow[],
  tenantCount: number,
): ParkSummary {
  const totalAreaM2 = spaces.reduce((sum, s) => sum + s.areaM2, 0);
  const occupiedM2 = spaces.reduce((sum, s) => sum + s.occupiedM2, 0);
  const reservedM2 = spaces.reduce((sum, s) => sum + s.reservedM2, 0);
  const spaceByKind = SPACE_KINDS.map((kind) => {
    const ofKind = spaces.filter((s) => s.kind === kind);
    return {
      kind,
      areaM2: ofKind.reduce((sum, s) => sum + s.areaM2, 0),
      occupiedM2: ofKind.reduce((sum, s) => sum + s.occupiedM2, 0),
      reservedM2: ofKind.reduce((sum, s) => sum + s.reservedM2, 0),
    };
  }).filter((entry) => entry.areaM2 > 0);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    regionCode: row.regionCode,
    regionName,
    address: row.address,
    focusNodeCodes: row.focusNodeCodes,
    totalAreaM2,
    occupiedM2,
    reservedM2,
    availableM2: totalAreaM2 - occupiedM2 - reservedM2,
    occupancyRate: totalAreaM2 > 0 ? occupiedM2 / totalAreaM2 : 0,
    spaceByKind,
    tenantCount,
    demo: row.isDemo,
  };
}

/**
 * Every park the scope covers with its space totals by kind and occupancy: a park operator sees
 * its own park only (README: any other park is 403, so it is not listed either).
 */
export async function listParkSummaries(
  db: Db,
  scope: ParkScope = ALL_PARKS,
): Promise<{ items: ParkSummary[]; total: number }> {
  const [parks, spaces, tenants] = await Promise.all([
    listParks(db),
    listParkSpaces(db),
    countTenantsByPark(db),
  ]);
  const items = parks
    .filter(({ park }) => isParkInScope(scope, park.id))
    .map(({ park, regionName }) =>
      presentPark(
        park,
        regionName,
        spaces.filter((s) => s.parkId === park.id),
        tenants.get(park.id) ?? 0,
      ),
    );
  return { items, total: items.length };
}

/**
 * Tenants counted per node they count on, most first, the unclassified last: a tenant on two
 * chains counts under its node on each.
 */
function countByNode(
  tenants: { nodes: { code: string; nameZh: string; nameEn: string }[] }[],
): ParkDetail['tenantsByNode'] {
  const byNode = new Map<string | null, ParkDetail['tenantsByNode'][number]>();
  const count = (code: string | null, name: ParkDetail['tenantsByNode'][number]['nodeName']) => {
    const entry = byNode.get(code) ?? { nodeCode: code, nodeName: name, count: 0 };
    entry.count++;
    byNode.set(code, entry);
  };
  for (const tenant of tenants) {
    if (tenant.nodes.length === 0) count(null, null);
    for (const node of tenant.nodes) count(node.code, { zh: node.nameZh, en: node.nameEn });
  }
  return [...byNode.values()].sort(
    (a, b) =>
      Number(a.nodeCode === null) - Number(b.nodeCode === null) ||
      b.count - a.count ||
      (a.nodeCode ?? '').localeCompare(b.nodeCode ?? ''),
  );
}

/**
 * One park with its space units, tenants and tenants by node. Throws FORBIDDEN when the scope does
 * not cover the park (checked before anything is read), or PARK_NOT_FOUND.
 */
export async function getPark(
  db: Db,
  id: number,
  scope: ParkScope = ALL_PARKS,
): Promise<ParkDetail> {
  assertParkInScope(scope, id);
  const found = await requirePark(db, id);
  const [spaces, tenants] = await Promise.all([listParkSpaces(db, id), listParkTenants(db, id)]);
  return {
    ...presentPark(found.park, found.regionName, spaces, tenants.length),
    spaces: spaces.map(presentSpace),
    tenants: tenants.map((t) => ({
      id: t.id,
      name: t.name,
      nodeCodes: t.nodes.map((n) => n.code),
    })),
    tenantsByNode: countByNode(tenants),
  };
}
