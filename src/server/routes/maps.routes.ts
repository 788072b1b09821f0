import type { OpenAPIHono } from '@hono/zod-openapi';
import { chainCodeParamSchema } from '../../shared/api/chains.ts';
import { BOUNDARY_FILE_PROBLEMS } from '../../shared/boundary-problems.ts';
import {
  MAX_BOUNDARY_BYTES,
  boundaryGeoJsonSchema,
  boundaryStatusSchema,
  boundaryUploadSchema,
  districtFiguresQuerySchema,
  districtFiguresSchema,
  regionCodeParamSchema,
} from '../../shared/api/maps.ts';
import {
  describeBoundaries,
  districtFigures,
  readBoundaryGeoJson,
  removeRegionBoundaries,
  uploadRegionBoundaries,
} from '../../services/maps/district-map.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { readUpload } from '../upload.ts';
import { currentUser, defineRoute, json, multipartBody, openapiUpload } from '../route-registry.ts';

// District maps: the office's own boundaries (chainlead ships none) and a chain's figures per
// district. Registered upload first: the API's examples run in this order.

const TAGS = ['Maps'];

/** Two squares for two of Wuxi's districts: the upload's example. */
const EXAMPLE_GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: '320205', name: '锡山区' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [120.3, 31.55],
            [120.5, 31.55],
            [120.5, 31.7],
            [120.3, 31.7],
            [120.3, 31.55],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { name: '惠山' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [120.1, 31.6],
            [120.3, 31.6],
            [120.3, 31.75],
            [120.1, 31.75],
            [120.1, 31.6],
          ],
        ],
      },
    },
  ],
});

const uploadRoute = defineRoute({
  example: {
    params: { code: '3202' },
    upload: { fileName: 'wuxi-districts.geojson', text: EXAMPLE_GEOJSON },
  },
  method: 'put',
  path: '/api/regions/{code}/boundaries',
  permission: 'region:write',
  tags: TAGS,
  summary: "Upload the office's approved district boundaries (GeoJSON) for a region's map",
  description:
    'chainlead ships no boundary data: Chinese maps need an approved source (审图号), so the ' +
    "office uploads its own. The file must be a FeatureCollection of Polygon or MultiPolygon features, each matched to one of the region's districts by a `code` (or `adcode`) " +
    `property or by its name (锡山 or 锡山区); at most ${MAX_BOUNDARY_BYTES / 1024 / 1024} MB. ` +
    'Refused: 400 VALIDATION_FAILED, nothing stored, `details.problem` saying why (one of ' +
    `${BOUNDARY_FILE_PROBLEMS.join(', ')}) and, for features not matched, \`details.features\` ` +
    'listing index, name, reason and message of each. Replaces an earlier upload.',
  request: { params: regionCodeParamSchema, body: multipartBody(boundaryUploadSchema) },
  responses: { 200: { description: 'Stored', content: json(boundaryStatusSchema) } },
});

const summaryRoute = defineRoute({
  example: { params: { code: '3202' } },
  method: 'get',
  path: '/api/regions/{code}/boundaries',
  permission: 'region:read',
  tags: TAGS,
  summary: "What is uploaded for a region's districts: file, when, by whom, districts drawn",
  request: { params: regionCodeParamSchema },
  responses: {
    200: { description: 'The upload, or null', content: json(boundaryStatusSchema) },
  },
});

const geoJsonRoute = defineRoute({
  example: { params: { code: '3202' } },
  method: 'get',
  path: '/api/regions/{code}/boundaries/geojson',
  permission: 'region:read',
  tags: TAGS,
  summary: 'The uploaded boundaries as GeoJSON, each feature named by its district code and name',
  request: { params: regionCodeParamSchema },
  responses: {
    200: { description: 'The FeatureCollection', content: json(boundaryGeoJsonSchema) },
    404: { description: 'Nothing uploaded (REGION_NOT_FOUND)' },
  },
});

const deleteRoute = defineRoute({
  example: { params: { code: '3202' } },
  method: 'delete',
  path: '/api/regions/{code}/boundaries',
  permission: 'region:write',
  tags: TAGS,
  summary: "Remove a region's boundaries: its map shows a treemap and a table again",
  request: { params: regionCodeParamSchema },
  responses: { 204: { description: 'Removed' } },
});

const districtsRoute = defineRoute({
  example: { params: { code: 'biomed' }, query: { region: '3202' } },
  method: 'get',
  path: '/api/chains/{code}/districts',
  permission: 'chain:read',
  tags: TAGS,
  summary: "A chain's enterprises and output per district of a region, with the parks",
  description:
    "Counted as the chain analysis counts (each confirmed enterprise once, on its primary node), summed per district; parks have no coordinates, so each stands at its district's " +
    'centroid on the uploaded boundaries (`point`, null without boundaries).',
  request: { params: chainCodeParamSchema, query: districtFiguresQuerySchema },
  responses: { 200: { description: 'The figures', content: json(districtFiguresSchema) } },
});

export function registerMapRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  const who = (c: Parameters<typeof currentUser>[0]) => {
    const user = currentUser(c);
    return { id: user.id, name: user.username };
  };
  openapiUpload(app, uploadRoute, async (c) => {
    const upload = await readUpload(c, {
      maxBytes: MAX_BOUNDARY_BYTES,
      envelopeBytes: 64 * 1024,
      details: { field: 'file', problem: 'too-large' },
      defaultName: 'boundaries.geojson',
      form: boundaryUploadSchema,
      instead: 'simplify the boundaries (e.g. mapshaper -simplify 10%)',
    });
    const bytes = await upload.allBytes();
    const summary = await uploadRegionBoundaries(db, who(c), {
      regionCode: c.req.valid('param').code,
      fileName: upload.fileName,
      bytes,
    });
    return c.json(summary, 200);
  });
  app.openapi(summaryRoute, async (c) =>
    c.json(await describeBoundaries(db, c.req.valid('param').code), 200),
  );
  app.openapi(geoJsonRoute, async (c) =>
    c.json(await readBoundaryGeoJson(db, c.req.valid('param').code), 200),
  );
  app.openapi(deleteRoute, async (c) => {
    await removeRegionBoundaries(db, who(c), c.req.valid('param').code);
    return c.body(null, 204);
  });
  app.openapi(districtsRoute, async (c) =>
    c.json(
      await districtFigures(db, {
        chainCode: c.req.valid('param').code,
        regionCode: c.req.valid('query').region,
        year: c.req.valid('query').year,
      }),
      200,
    ),
  );
}
