import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import { listRegionalNodeFigures } from '../../db/chain-analysis.repository.ts';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { listParks } from '../../db/park.repository.ts';
import {
  deleteRegionBoundary,
  findRegionBoundary,
  saveRegionBoundary,
} from '../../db/region-boundary.repository.ts';
import { listRegionChildren, type RegionRow } from '../../db/region.repository.ts';
import { AppError } from '../../domain/app-error.ts';
import {
  checkDistrictBoundaries,
  featureCentroid,
  type BoundaryCollection,
  type Position,
} from '../../domain/district-boundaries.ts';
import type { BoundaryStatus, BoundarySummary, DistrictFigures } from '../../shared/api/maps.ts';
import { hasUnsafeCharacters } from '../../shared/api/fields.ts';
import { loadChainContext, requireRegion, resolveFigureYear } from '../lookup/lookup.service.ts';
import { regionNameEn } from '../reference/region-names.ts';

/** The regions whose districts a map draws: a city's districts, or a province's cities. */
const MAPPED_LEVELS = ['province', 'city'];

/** The districts of a region (its children), refusing a region without any. */
async function districtsOf(db: DbOrTx, region: RegionRow): Promise<RegionRow[]> {
  const districts = await listRegionChildren(db, region.code);
  if (districts.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${region.name} (${region.code}) has no districts to map; use a city such as 3202.`,
      { field: 'region', region: region.code },
    );
  }
  return districts;
}

/**
 * The file as JSON. Text the database cannot store (a NUL character, half of a surrogate pair,
 * both writable as JSON escapes) is refused here, naming the property, rather than by PostgreSQL.
 */
function parseGeoJson(bytes: Uint8Array): unknown {
  let text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return JSON.parse(text, (key, value: unknown) => {
    if ((typeof value === 'string' && hasUnsafeCharacters(value)) || hasUnsafeCharacters(key))
      throw new Error(
        `the property "${key.replaceAll('\u0000', '\\u0000')}" holds a NUL character or broken Unicode (a lone surrogate)`,
      );
    return value;
  });
}

/**
 * Checks an uploaded GeoJSON file as the districts of `regionCode` and stores it in place of any
 * earlier upload, recording it in the audit log. Throws REGION_NOT_FOUND, or VALIDATION_FAILED
 * for a file that is not UTF-8 JSON, not a FeatureCollection of (Multi)Polygons, too large, or
 * with features matching no district (`details.problem` says which, one of
 * BOUNDARY_FILE_PROBLEMS; `details.features` lists each feature refused: index, name, reason).
 */
export async function uploadRegionBoundaries(
  db: Db,
  actor: Actor,
  input: { regionCode: string; fileName: string; bytes: Uint8Array },
): Promise<BoundaryStatus> {
  const region = await requireRegion(db, input.regionCode, { levels: MAPPED_LEVELS });
  const districts = await districtsOf(db, region);
  let document: unknown;
  try {
    document = parseGeoJson(input.bytes);
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${input.fileName || 'The file'} is not UTF-8 JSON (${error instanceof Error ? error.message : 'unreadable'}); export the boundaries as GeoJSON.`,
      { field: 'file', problem: 'not-json' },
    );
  }
  const checked = checkDistrictBoundaries(document, region, districts);
  if (!checked.ok) {
    throw new AppError('VALIDATION_FAILED', checked.message, {
      field: 'file',
      problem: checked.problem,
      features: checked.problems,
    });
  }
  await db.transaction(async (tx) => {
    const before = await findRegionBoundary(tx, region.code);
    await saveRegionBoundary(tx, {
      regionCode: region.code,
      geojson: checked.collection,
      featureCount: checked.collection.features.length,
      fileName: input.fileName,
      bytes: input.bytes.length,
      uploadedBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: 'region.boundaries.upload',
      entityType: 'region',
      entityId: region.code,
      before: before
        ? { fileName: before.boundary.fileName, districts: before.boundary.featureCount }
        : null,
      after: { fileName: input.fileName, districts: checked.collection.features.length },
    });
  });
  return describeBoundaries(db, region.code);
}

/** What is uploaded for a region, if anything. Throws REGION_NOT_FOUND. */
export async function describeBoundaries(db: Db, regionCode: string): Promise<BoundaryStatus> {
  const region = await requireRegion(db, regionCode);
  const found = await findRegionBoundary(db, region.code);
  const named = { code: region.code, name: region.name };
  if (!found) return { region: named, upload: null };
  const collection = found.boundary.geojson as BoundaryCollection;
  const drawn = new Set(collection.features.map((f) => f.properties.code));
  const districts = await listRegionChildren(db, region.code);
  return { region: named, upload: summaryOf(found, collection, districts, drawn) };
}

function summaryOf(
  found: NonNullable<Awaited<ReturnType<typeof findRegionBoundary>>>,
  collection: BoundaryCollection,
  districts: readonly RegionRow[],
  drawn: ReadonlySet<string>,
): BoundarySummary {
  return {
    fileName: found.boundary.fileName,
    bytes: found.boundary.bytes,
    uploadedAt: found.boundary.uploadedAt.toISOString(),
    uploadedBy: found.uploadedBy,
    districts: collection.features.map((f) => ({ ...f.properties })),
    missing: districts
      .filter((d) => !drawn.has(d.code))
      .map((d) => ({ code: d.code, name: d.name })),
  };
}

function noBoundaries(region: RegionRow): AppError {
  return new AppError(
    'REGION_NOT_FOUND',
    `No district boundaries are uploaded for ${region.name} (${region.code}); an admin uploads the office's approved GeoJSON.`,
    { region: region.code, boundaries: false },
  );
}

/** The stored GeoJSON of a region's districts. Throws REGION_NOT_FOUND when none is uploaded. */
export async function readBoundaryGeoJson(db: Db, regionCode: string): Promise<BoundaryCollection> {
  const region = await requireRegion(db, regionCode);
  const found = await findRegionBoundary(db, region.code);
  if (!found) throw noBoundaries(region);
  return found.boundary.geojson as BoundaryCollection;
}

/** Removes a region's boundaries (the map falls back to the treemap). Throws REGION_NOT_FOUND. */
export async function removeRegionBoundaries(
  db: Db,
  actor: Actor,
  regionCode: string,
): Promise<void> {
  const region = await requireRegion(db, regionCode);
  await db.transaction(async (tx) => {
    const before = await findRegionBoundary(tx, region.code);
    if (!before) throw noBoundaries(region);
    await deleteRegionBoundary(tx, region.code);
    await recordAudit(tx, actor, {
      action: 'region.boundaries.delete',
      entityType: 'region',
      entityId: region.code,
      before: { fileName: before.boundary.fileName, districts: before.boundary.featureCount },
    });
  });
}

/**
 * A chain's figures per district of a region, counted as the chain analysis counts them (its
 * regional node figures, summed per district), with the parks of each district, placed at their
 * district's centroid when boundaries are uploaded (parks have no coordinates of their own).
 * Throws CHAIN_NOT_FOUND, REGION_NOT_FOUND, VALIDATION_FAILED (a region without districts, a
 * year without figures).
 */
export async function districtFigures(
  db: Db,
  input: { chainCode: string; regionCode: string; year?: number | undefined },
): Promise<DistrictFigures> {
  const [context, region, year] = await Promise.all([
    loadChainContext(db, input.chainCode),
    requireRegion(db, input.regionCode),
    resolveFigureYear(db, input.year),
  ]);
  const districts = await districtsOf(db, region);
  const [figures, parks, boundary] = await Promise.all([
    listRegionalNodeFigures(db, {
      nodeIds: context.nodes.map((n) => n.id),
      regionCodes: districts.map((d) => d.code),
      year,
    }),
    listParks(db),
    findRegionBoundary(db, region.code),
  ]);
  const centroids = new Map<string, Position>();
  if (boundary) {
    for (const feature of (boundary.boundary.geojson as BoundaryCollection).features) {
      centroids.set(feature.properties.code, featureCentroid(feature.geometry));
    }
  }
  const districtOf = (code: string) => districts.find((d) => code.startsWith(d.code));
  const regionParks = parks.flatMap(({ park }) => {
    const district = districtOf(park.regionCode);
    return district ? [{ park, district }] : [];
  });
  return {
    chain: {
      code: context.chain.code,
      name: { zh: context.chain.nameZh, en: context.chain.nameEn },
    },
    region: { code: region.code, name: region.name, nameEn: regionNameEn(region) },
    year,
    districts: districts.map((district) => {
      const rows = figures.filter((f) => f.regionCode === district.code);
      const reporting = rows.reduce((sum, r) => sum + r.reporting, 0);
      return {
        code: district.code,
        name: district.name,
        nameEn: regionNameEn(district),
        enterprises: rows.reduce((sum, r) => sum + r.enterprises, 0),
        outputYuan: reporting > 0 ? rows.reduce((sum, r) => sum + r.outputYuan, 0) : null,
        parks: regionParks.filter((p) => p.district.code === district.code).length,
      };
    }),
    parks: regionParks.map(({ park, district }) => ({
      id: park.id,
      name: park.name,
      nameEn: park.nameEn,
      districtCode: district.code,
      point: centroids.get(district.code) ?? null,
    })),
    boundaries: boundary
      ? {
          uploadedAt: boundary.boundary.uploadedAt.toISOString(),
          districts: boundary.boundary.featureCount,
        }
      : null,
  };
}
