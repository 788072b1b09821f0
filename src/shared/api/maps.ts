import { z } from 'zod';
import { wholeNumberParam, regionCodeParam } from './fields.ts';
import { BOUNDARY_PROBLEM_REASONS } from '../boundary-problems.ts';
import { UPLOAD_FIELD_ORDER, bilingualSchema } from './common.ts';

// District maps: the boundaries an office uploads for its own region (chainlead ships none), and
// a chain's figures per district that the map (or, without boundaries, a treemap) colours.

const regionCode = regionCodeParam.meta({ example: '3202' });

/** The largest boundary file accepted, in bytes. */
export const MAX_BOUNDARY_BYTES = 8 * 1024 * 1024;

export const regionCodeParamSchema = z.object({ code: regionCode });

export const boundaryUploadSchema = z
  .strictObject({
    file: z.any().meta({
      type: 'string',
      format: 'binary',
      description:
        'GeoJSON (UTF-8): a FeatureCollection with one Polygon or MultiPolygon feature per ' +
        'district, each with a "code" (or "adcode") property or the district\'s "name". ' +
        `At most ${MAX_BOUNDARY_BYTES / 1024 / 1024} MB. Use the office's approved map data (审图号).`,
    }),
  })
  .meta({ id: 'BoundaryUpload', description: UPLOAD_FIELD_ORDER });

export const boundaryProblemSchema = z
  .object({
    index: z.number().int().meta({ description: "The feature's position in features, from 0." }),
    name: z.string(),
    reason: z.enum(BOUNDARY_PROBLEM_REASONS),
    message: z.string(),
  })
  .meta({ id: 'BoundaryProblem' });
export type BoundaryProblemView = z.infer<typeof boundaryProblemSchema>;

export const boundarySummarySchema = z
  .object({
    fileName: z.string(),
    bytes: z.number().int(),
    uploadedAt: z.string(),
    uploadedBy: z.string().nullable(),
    districts: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        sourceName: z.string().meta({ description: 'The name or code the feature came with.' }),
      }),
    ),
    missing: z
      .array(z.object({ code: z.string(), name: z.string() }))
      .meta({ description: 'Districts of the region the file does not draw.' }),
  })
  .meta({ id: 'BoundarySummary' });
export type BoundarySummary = z.infer<typeof boundarySummarySchema>;

export const boundaryStatusSchema = z
  .object({
    region: z.object({ code: z.string(), name: z.string() }),
    upload: boundarySummarySchema
      .nullable()
      .meta({ description: 'What is uploaded; null when nothing is (the map shows a treemap).' }),
  })
  .meta({ id: 'BoundaryStatus' });
export type BoundaryStatus = z.infer<typeof boundaryStatusSchema>;

export const boundaryGeoJsonSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ code: z.string(), name: z.string(), sourceName: z.string() }),
        geometry: z.object({
          type: z.enum(['Polygon', 'MultiPolygon']),
          coordinates: z.array(z.any()),
        }),
      }),
    ),
  })
  .meta({ id: 'BoundaryGeoJson' });

export const districtFiguresQuerySchema = z.object({
  region: regionCode.meta({
    description: 'The region whose districts are shown (3202: the districts of Wuxi).',
  }),
  year: wholeNumberParam(z.number().int().min(1949).max(2100))
    .optional()
    .meta({ description: 'Year of the output; default the latest year with figures.' }),
});

export const districtFiguresSchema = z
  .object({
    chain: z.object({ code: z.string(), name: bilingualSchema }),
    region: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
    year: z.number().int(),
    districts: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        nameEn: z.string().meta({ description: 'Transliterated (pinyin) where none is known.' }),
        enterprises: z.number().int().meta({
          description: 'Confirmed enterprises counted as the chain analysis counts them.',
        }),
        outputYuan: z.number().nullable(),
        parks: z.number().int(),
      }),
    ),
    parks: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        nameEn: z.string().nullable(),
        districtCode: z.string(),
        point: z
          .array(z.number())
          .length(2)
          .nullable()
          .meta({
            description:
              "[longitude, latitude]: parks have no coordinates, so this is their district's " +
              'centroid on the uploaded boundaries; null without boundaries.',
          }),
      }),
    ),
    boundaries: z
      .object({ uploadedAt: z.string(), districts: z.number().int() })
      .nullable()
      .meta({ description: 'The uploaded boundaries, or null: show a treemap and a table.' }),
  })
  .meta({ id: 'DistrictFigures' });
export type DistrictFigures = z.infer<typeof districtFiguresSchema>;
