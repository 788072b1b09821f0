import type { BoundaryFileProblem, BoundaryProblemReason } from '../shared/boundary-problems.ts';

// District boundaries an office uploads as GeoJSON: checked, matched to region codes, and
// reduced to what a map draws. Pure: the service reads the file and the regions.

/** More districts than this is not a city's districts; a county has a few dozen at most. */
export const MAX_BOUNDARY_FEATURES = 300;
/** Positions across all features: enough for county-level detail, small enough for a browser. */
export const MAX_BOUNDARY_POSITIONS = 400_000;

export interface BoundaryProblem {
  /** The feature's position in `features`, from 0. */
  index: number;
  /** The name (or code) the feature carries, '' when none. */
  name: string;
  reason: BoundaryProblemReason;
  /** In English, for the CLI and the API's message. */
  message: string;
}

export interface District {
  code: string;
  name: string;
}

export type Position = [number, number];
export type PolygonCoordinates = Position[][];
export type BoundaryGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string; sourceName: string };
  geometry: BoundaryGeometry;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export type BoundaryCheck =
  | { ok: true; collection: BoundaryCollection }
  | { ok: false; problem: BoundaryFileProblem; message: string; problems: BoundaryProblem[] };

const CODE_KEYS = ['code', 'adcode', 'region_code', 'regionCode', 'CODE', 'ADCODE', '区划代码'];
const NAME_KEYS = ['name', 'NAME', 'Name', '名称', 'district', 'fullname'];
/** Suffixes a district's name may be given without: 锡山 for 锡山区, 江阴 for 江阴市. */
const SUFFIXES = /(自治县|自治旗|新区|区|县|市|旗)$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function firstText(properties: Record<string, unknown>, keys: readonly string[]): string {
  for (const key of keys) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return '';
}

/** A ring: at least four [longitude, latitude] positions, each within the globe's range. */
function ringOf(value: unknown): Position[] | null {
  if (!Array.isArray(value) || value.length < 4) return null;
  const ring: Position[] = [];
  for (const point of value) {
    if (!Array.isArray(point) || point.length < 2) return null;
    const [lng, lat] = point as unknown[];
    if (typeof lng !== 'number' || typeof lat !== 'number') return null;
    if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) return null;
    ring.push([lng, lat]);
  }
  return ring;
}

function polygonOf(value: unknown): PolygonCoordinates | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rings = value.map(ringOf);
  return rings.every((ring) => ring !== null) ? rings : null;
}

function geometryOf(value: unknown): BoundaryGeometry | 'type' | 'coordinates' {
  if (!isRecord(value)) return 'type';
  if (value.type === 'Polygon') {
    const coordinates = polygonOf(value.coordinates);
    return coordinates ? { type: 'Polygon', coordinates } : 'coordinates';
  }
  if (value.type === 'MultiPolygon') {
    if (!Array.isArray(value.coordinates) || value.coordinates.length === 0) return 'coordinates';
    const polygons = value.coordinates.map(polygonOf);
    return polygons.every((p) => p !== null)
      ? { type: 'MultiPolygon', coordinates: polygons }
      : 'coordinates';
  }
  return 'type';
}

function positionCount(geometry: BoundaryGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.reduce((sum, rings) => sum + rings.reduce((s, ring) => s + ring.length, 0), 0);
}

const bare = (name: string) => name.replace(SUFFIXES, '');

/**
 * Checks a parsed GeoJSON document as the districts of a region: a FeatureCollection of Polygon or
 * MultiPolygon features, each matched to one of `districts` by a code property (`code`, `adcode`,
 * …; 6 digits, or 12-digit statistical codes cut to 6) or else by its name (`name`, `名称`, …;
 * 锡山 matches 锡山区), no district twice. Every refused feature is listed, not only the first.
 */
export function checkDistrictBoundaries(
  document: unknown,
  region: { code: string; name: string },
  districts: readonly District[],
): BoundaryCheck {
  const refuse = (problem: BoundaryFileProblem, message: string): BoundaryCheck => ({
    ok: false,
    problem,
    message,
    problems: [],
  });
  if (!isRecord(document) || document.type !== 'FeatureCollection') {
    return refuse(
      'not-a-collection',
      'The file is not a GeoJSON FeatureCollection ("type": "FeatureCollection").',
    );
  }
  const features = document.features;
  if (!Array.isArray(features) || features.length === 0) {
    return refuse(
      'no-features',
      'The FeatureCollection has no features; give one feature per district.',
    );
  }
  if (features.length > MAX_BOUNDARY_FEATURES) {
    return refuse(
      'too-many-features',
      `The file has ${features.length} features; at most ${MAX_BOUNDARY_FEATURES} districts are accepted.`,
    );
  }
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const byName = new Map<string, District>();
  for (const d of districts) {
    byName.set(d.name, d);
    if (!byName.has(bare(d.name))) byName.set(bare(d.name), d);
  }
  const problems: BoundaryProblem[] = [];
  const drawnBy = new Map<string, number>();
  const accepted: BoundaryFeature[] = [];
  let positions = 0;
  features.forEach((feature: unknown, index) => {
    const problem = (name: string, reason: BoundaryProblemReason, message: string) =>
      problems.push({
        index,
        name,
        reason,
        message: `Feature ${index} (${name || 'no name'}): ${message}`,
      });
    if (!isRecord(feature) || feature.type !== 'Feature') {
      problem('', 'not-a-feature', 'not a GeoJSON Feature ("type": "Feature").');
      return;
    }
    const properties = isRecord(feature.properties) ? feature.properties : {};
    const code = firstText(properties, CODE_KEYS);
    const name = firstText(properties, NAME_KEYS);
    const label = name || code;
    const geometry = geometryOf(feature.geometry);
    if (geometry === 'type') {
      problem(label, 'geometry-type', 'its geometry must be a Polygon or a MultiPolygon.');
      return;
    }
    if (geometry === 'coordinates') {
      problem(
        label,
        'coordinates',
        'its coordinates must be rings of at least 4 [longitude, latitude] positions within ±180, ±90.',
      );
      return;
    }
    let district: District | undefined;
    if (code !== '') {
      const six = /^\d{12}$/.test(code) ? code.slice(0, 6) : code;
      district = byCode.get(six);
      if (!district) {
        problem(
          label,
          'code-outside-region',
          `the code ${code} is not a district of ${region.name} (${region.code}); its districts are ${districts.map((d) => `${d.code} ${d.name}`).join(', ')}.`,
        );
        return;
      }
    } else if (name !== '') {
      district = byName.get(name) ?? byName.get(bare(name));
      if (!district) {
        problem(
          label,
          'name-not-found',
          `no district of ${region.name} is named ${name}; give a "code" property (e.g. ${districts[0]?.code ?? '320205'}) or one of: ${districts.map((d) => d.name).join(', ')}.`,
        );
        return;
      }
    } else {
      problem('', 'no-code-or-name', 'it has neither a "code" nor a "name" property.');
      return;
    }
    const earlier = drawnBy.get(district.code);
    if (earlier !== undefined) {
      problem(
        label,
        'duplicate',
        `${district.name} (${district.code}) is already drawn by feature ${earlier}.`,
      );
      return;
    }
    drawnBy.set(district.code, index);
    positions += positionCount(geometry);
    accepted.push({
      type: 'Feature',
      properties: { code: district.code, name: district.name, sourceName: label },
      geometry,
    });
  });
  if (problems.length > 0) {
    return {
      ok: false,
      problem: 'features-unmatched',
      message: `${problems.length} of ${features.length} features are not districts of ${region.name} (${region.code}): ${problems
        .slice(0, 5)
        .map((p) => p.message)
        .join(' ')}${problems.length > 5 ? ' …' : ''}`,
      problems,
    };
  }
  if (positions > MAX_BOUNDARY_POSITIONS) {
    return refuse(
      'too-many-positions',
      `The boundaries have ${positions} positions; simplify them to at most ${MAX_BOUNDARY_POSITIONS} (e.g. mapshaper -simplify 10%).`,
    );
  }
  return { ok: true, collection: { type: 'FeatureCollection', features: accepted } };
}

/**
 * A point inside-ish a district for a marker: the area-weighted centroid of its largest polygon's
 * outer ring (the ring's mean for a degenerate ring).
 */
export function featureCentroid(geometry: BoundaryGeometry): Position {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: { area: number; point: Position } = { area: -1, point: [0, 0] };
  for (const rings of polygons) {
    const ring = rings[0] ?? [];
    let twiceArea = 0;
    let x = 0;
    let y = 0;
    for (let i = 0; i + 1 < ring.length; i += 1) {
      const [x0, y0] = ring[i] ?? [0, 0];
      const [x1, y1] = ring[i + 1] ?? [0, 0];
      const cross = x0 * y1 - x1 * y0;
      twiceArea += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
    }
    const area = Math.abs(twiceArea / 2);
    const point: Position =
      twiceArea === 0
        ? [
            ring.reduce((s, p) => s + p[0], 0) / Math.max(ring.length, 1),
            ring.reduce((s, p) => s + p[1], 0) / Math.max(ring.length, 1),
          ]
        : [x / (3 * twiceArea), y / (3 * twiceArea)];
    if (area > best.area) best = { area, point };
  }
  return best.point;
}
