import { z } from 'zod';
import { bodyIdSchema, wholeNumberParam } from './fields.ts';
import { bilingualSchema } from './common.ts';
import { PROJECT_STAGES, PROJECT_STATUSES, type ProjectStage } from './projects.ts';

/**
 * A number for every project stage. An object rather than z.record: the OpenAPI document then
 * says every stage is present, so the web app's generated types need no fallback.
 */
const perStageSchema = z.object({
  lead: z.number(),
  negotiating: z.number(),
  signed: z.number(),
  started: z.number(),
  producing: z.number(),
} satisfies Record<ProjectStage, z.ZodNumber>);

export const CANDIDATE_COMPONENTS = ['fit', 'size', 'growth', 'innovation', 'links'] as const;
export type CandidateComponentKey = (typeof CANDIDATE_COMPONENTS)[number];

const regionQuery = z
  .string()
  .regex(/^\d{2,12}$/, 'use a region code such as 3202')
  .meta({ description: 'Region code (prefix), e.g. 3202 for Wuxi.' });

/** `1,2,3` in a query string as a list of ids. */
const idList = z
  .string()
  .regex(/^[1-9]\d{0,9}(,[1-9]\d{0,9})*$/, 'use project ids separated by commas, e.g. 1,2')
  .transform((text) => [...new Set(text.split(',').map(Number))])
  .pipe(z.array(bodyIdSchema).max(500))
  .optional();

export const candidateQuerySchema = z.object({
  region: regionQuery,
  node: z.string().optional().meta({ description: 'One node code; default: every node to fill.' }),
  top: wholeNumberParam(z.number().int().min(1).max(500))
    .default(50)
    .meta({ description: 'Candidates per node, at most 500.' }),
});
export type CandidateQuery = z.infer<typeof candidateQuerySchema>;

/** The chain analysis's node statuses (docs/analysis.md). */
export const NODE_GAP_STATUSES = ['missing', 'weak', 'strong'] as const;

export const nodeToFillSchema = z
  .object({
    code: z.string(),
    name: bilingualSchema,
    status: z.enum(NODE_GAP_STATUSES),
    localEnterprises: z
      .number()
      .int()
      .meta({ description: 'Confirmed enterprises in the region.' }),
    reason: bilingualSchema,
  })
  .meta({ id: 'NodeToFill' });
export type NodeToFill = z.infer<typeof nodeToFillSchema>;

export const scoreComponentSchema = z
  .object({
    key: z.enum(CANDIDATE_COMPONENTS),
    weight: z.number().meta({ description: 'Share of the score, the weights sum to 1.' }),
    value: z.number().meta({ description: 'The component on 0 to 1.' }),
    points: z.number().meta({ description: 'value × weight × 100: its part of the score.' }),
    reason: bilingualSchema,
  })
  .meta({ id: 'ScoreComponent' });
export type ScoreComponent = z.infer<typeof scoreComponentSchema>;

export const candidateSchema = z
  .object({
    rank: z.number().int().meta({ description: 'Rank within its node, from 1.' }),
    enterpriseId: z.number().int(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    regionPath: z.array(z.object({ code: z.string(), name: z.string() })).meta({
      description: 'The region named from its province down (江苏省 · 无锡市 · 新吴区).',
    }),
    nodeCode: z.string(),
    nodeName: bilingualSchema,
    score: z.number().meta({ description: '0 to 100: the sum of the components’ points.' }),
    components: z.array(scoreComponentSchema),
    reasons: z.array(bilingualSchema).meta({ description: 'One line per component.' }),
    tags: z.array(z.string()),
    latestYear: z.number().int().nullable(),
    latestOutputYuan: z.number().nullable(),
  })
  .meta({ id: 'Candidate' });
export type Candidate = z.infer<typeof candidateSchema>;

export const candidateListSchema = z
  .object({
    items: z.array(candidateSchema),
    total: z.number().int(),
    nodes: z.array(nodeToFillSchema).meta({ description: 'The nodes the candidates are for.' }),
    excludedInPipeline: z
      .number()
      .int()
      .meta({ description: 'Enterprises left out because an active project courts them.' }),
  })
  .meta({ id: 'CandidateList' });
export type CandidateList = z.infer<typeof candidateListSchema>;

export const roadQuerySchema = z
  .object({
    region: regionQuery,
    exclude: idList.meta({ description: 'What-if: project ids left out, e.g. 3,7.' }),
    include: idList.meta({ description: 'What-if: dropped project ids counted at their stage.' }),
    baseline: z
      .enum(['trend', 'flat'])
      .default('trend')
      .meta({ description: 'Future actual output: recent trend (default) or held at the latest.' }),
  })
  .superRefine((query, ctx) => {
    // Runs even when a list failed its own check (then it is not a list yet).
    const { include, exclude } = query as { include?: unknown; exclude?: unknown };
    if (!Array.isArray(include) || !Array.isArray(exclude)) return;
    const both = include.filter((id) => exclude.includes(id));
    if (both.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['include'],
        message: `project ${both.join(', ')} is both left out (exclude) and counted (include); name it once`,
      });
    }
  });
export type RoadQuery = z.infer<typeof roadQuerySchema>;

export const roadYearSchema = z
  .object({
    year: z.number().int(),
    actualYuan: z.number().nullable().meta({ description: 'Recorded output; null in the future.' }),
    baselineYuan: z.number().meta({ description: 'Actual, or projected from it in the future.' }),
    pipelineYuan: z.number().meta({ description: 'Weighted expected output of the pipeline.' }),
    pipelineByStage: perStageSchema,
    projectedYuan: z.number().meta({ description: 'baseline + pipeline.' }),
    targetYuan: z.number().nullable(),
    gapYuan: z.number().nullable().meta({
      description:
        'The gap, defined once for every page: target − the latest actual output (positive: still to cover).',
    }),
    shortfallYuan: z.number().nullable().meta({
      description: 'target − projected (baseline + counted pipeline); positive means short of it.',
    }),
  })
  .meta({ id: 'RoadYear' });
export type RoadYear = z.infer<typeof roadYearSchema>;

export const roadNodeSchema = z
  .object({
    code: z.string(),
    name: bilingualSchema,
    status: z.enum(NODE_GAP_STATUSES),
    actualYuan: z.number().meta({ description: 'Output in the latest actual year.' }),
    pipelineYuan: z.number().meta({ description: 'Weighted pipeline output by the target year.' }),
    projectedYuan: z.number(),
    targetYuan: z.number().nullable(),
    gapYuan: z.number().nullable().meta({ description: "target − the node's latest actual." }),
    shortfallYuan: z
      .number()
      .nullable()
      .meta({ description: 'target − projected by the target year.' }),
  })
  .meta({ id: 'RoadNode' });
export type RoadNode = z.infer<typeof roadNodeSchema>;

export const roadProjectSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    nodeCode: z.string().nullable(),
    stage: z.enum(PROJECT_STAGES),
    status: z.enum(PROJECT_STATUSES),
    probability: z.number(),
    expectedOutputYuan: z.number().nullable(),
    outputStartYear: z.number().int().nullable(),
    weightedOutputYuan: z.number(),
    alreadyRecorded: z.boolean().meta({
      description: 'Producing since a recorded year: its output is in the actual figures already.',
    }),
    counted: z.boolean().meta({ description: 'Whether it counts in this computation.' }),
  })
  .meta({ id: 'RoadProject' });

export const roadToTargetSchema = z
  .object({
    chainCode: z.string(),
    regionCode: z.string(),
    latestActualYear: z.number().int().nullable(),
    targetYear: z.number().int().nullable(),
    baseline: z.enum(['trend', 'flat']),
    trendGrowth: z
      .number()
      .nullable()
      .meta({ description: 'Yearly growth of the baseline (the recent CAGR); 0 when flat.' }),
    stageProbabilities: perStageSchema,
    years: z.array(roadYearSchema),
    nodes: z.array(roadNodeSchema),
    projects: z.array(roadProjectSchema),
    excluded: z.array(z.number().int()),
    included: z.array(z.number().int()),
  })
  .meta({ id: 'RoadToTarget' });
export type RoadToTarget = z.infer<typeof roadToTargetSchema>;
