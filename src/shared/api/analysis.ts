import { z } from 'zod';
import { wholeNumberParam, regionCodeParam, yuanSchema } from './fields.ts';
import { matchmakingSummarySchema } from './needs.ts';
import { bilingualSchema } from './common.ts';

// The chain analysis contract: one call carries what a cockpit and a chain map render (nodes
// with stage, names, figures, status and reasons; chain totals; targets; completeness).

const regionCode = regionCodeParam.meta({ example: '3202' });
const year = wholeNumberParam(z.number().int().min(1949).max(2100));

export const NODE_STATUSES = ['strong', 'weak', 'missing'] as const;
export const TARGET_STATES = ['achieved', 'missed', 'on_track', 'off_track', 'no_data'] as const;
export const REPORT_FORMATS = ['html', 'md', 'json', 'pdf'] as const;
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const analysisQuerySchema = z.object({
  region: regionCode.meta({
    description: 'Region code (a prefix: 3202 is Wuxi and its districts).',
  }),
  year: year
    .optional()
    .meta({ description: 'Year of the figures; default the latest year with figures.' }),
});
export type AnalysisQuery = z.infer<typeof analysisQuerySchema>;

export const comparisonQuerySchema = z.object({
  regions: z
    .string()
    .regex(/^\d{2,6}(,\d{2,6})+$/, 'two or more region codes separated by commas')
    .meta({ description: 'Two or more region codes, e.g. 3202,3205.' }),
  year: year
    .optional()
    .meta({ description: 'Year of the figures; default the latest year with figures.' }),
});

export const reportQuerySchema = analysisQuerySchema.extend({
  format: z.enum(REPORT_FORMATS).default('html').meta({
    description:
      "html (default), md, json, or pdf (A4, printed by the server's Chromium; 501 PDF_UNAVAILABLE without one).",
  }),
  lang: z.enum(LANGS).default('zh').meta({ description: 'zh (default) or en.' }),
});

export const statusReasonSchema = z
  .object({
    code: z.string().meta({ description: 'Stable reason code, e.g. low_lq, concentrated.' }),
    zh: z.string(),
    en: z.string(),
  })
  .meta({ id: 'StatusReason' });

export const yearFigureSchema = z
  .object({
    year: z.number().int(),
    outputYuan: z.number(),
    reporting: z.number().int().meta({ description: 'Enterprises reporting figures that year.' }),
  })
  .meta({ id: 'YearFigure' });

const enterpriseRefSchema = z.object({ id: z.number().int(), name: z.string() });

export const nodeAnalysisSchema = z
  .object({
    code: z.string(),
    stageCode: z.string(),
    name: bilingualSchema,
    weight: z.number(),
    focus: z.boolean(),
    enterprises: z
      .number()
      .int()
      .meta({ description: 'Confirmed local enterprises counted on this node (primary node).' }),
    alsoOnNode: z.number().int().meta({
      description: 'Confirmed here as a secondary placement; counted on their primary node.',
    }),
    reporting: z.number().int().meta({ description: 'Of them, reporting output in the year.' }),
    outputYuan: z.number().nullable(),
    share: z.number().nullable().meta({ description: "Share of the chain's local output (0–1)." }),
    previousOutputYuan: z.number().nullable(),
    growth: z.number().nullable().meta({ description: 'Year-on-year output growth (0.1 = 10%).' }),
    cagr: z.number().nullable(),
    cagrFromYear: z.number().int().nullable(),
    series: z.array(yearFigureSchema),
    hhi: z.number().nullable().meta({ description: 'HHI of output shares, 0–10,000.' }),
    topShare: z.number().nullable().meta({ description: "The largest enterprise's share (0–1)." }),
    topEnterprise: enterpriseRefSchema.extend({ outputYuan: z.number().nullable() }).nullable(),
    chainMasters: z.array(enterpriseRefSchema),
    national: z.object({ enterprises: z.number().int(), outputYuan: z.number() }),
    lq: z.number().nullable().meta({ description: 'Location quotient of output vs the registry.' }),
    openProblems: z.number().int().meta({
      description: 'Enterprise problems on this node in the region not closed or returned, today.',
    }),
    overdueProblems: z.number().int().meta({
      description: 'Of them, past their due date today (Asia/Shanghai) and not suspended.',
    }),
    status: z.enum(NODE_STATUSES),
    reasons: z.array(statusReasonSchema),
  })
  .meta({ id: 'NodeAnalysis' });
export type NodeAnalysis = z.infer<typeof nodeAnalysisSchema>;

export const targetProgressSchema = z
  .object({
    id: z.number().int(),
    nodeCode: z.string().nullable().meta({ description: 'Null for a target of the whole chain.' }),
    name: bilingualSchema,
    metric: z.string(),
    year: z.number().int(),
    valueYuan: z.number(),
    demo: z.boolean(),
    state: z.enum(TARGET_STATES),
    actualYear: z.number().int().nullable(),
    actualYuan: z.number().nullable(),
    progress: z.number().nullable().meta({ description: 'Actual / target.' }),
    requiredGrowth: z
      .number()
      .nullable()
      .meta({ description: 'Yearly growth needed from the actual to the target.' }),
    trendGrowth: z.number().nullable().meta({ description: 'Recent trend (CAGR) per year.' }),
    trendFromYear: z.number().int().nullable(),
    projectedYuan: z
      .number()
      .nullable()
      .meta({ description: 'The trend carried to the target year.' }),
    gapYuan: z.number().nullable().meta({ description: 'Projected − target; negative is behind.' }),
    gapShare: z.number().nullable(),
    summary: bilingualSchema,
  })
  .meta({ id: 'TargetProgress' });
export type TargetProgress = z.infer<typeof targetProgressSchema>;

export const extensionCandidateSchema = z
  .object({
    code: z.string(),
    name: bilingualSchema,
    weight: z.number(),
    score: z.number(),
    links: z.array(
      z.object({
        code: z.string(),
        name: bilingualSchema,
        status: z.enum(NODE_STATUSES),
        direction: z.enum(['supplies', 'supplied_by']),
      }),
    ),
    reason: bilingualSchema,
  })
  .meta({ id: 'ExtensionCandidate' });
export type ExtensionCandidateView = z.infer<typeof extensionCandidateSchema>;

export const leadingEnterpriseSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    nameEn: z.string().nullable(),
    regionCode: z.string(),
    nodeCode: z.string(),
    outputYuan: z.number().nullable(),
    previousOutputYuan: z.number().nullable(),
    growth: z.number().nullable(),
    chainMaster: z.boolean(),
    tags: z.array(z.string()),
  })
  .meta({ id: 'LeadingEnterprise' });
export type LeadingEnterpriseView = z.infer<typeof leadingEnterpriseSchema>;

export const chainAnalysisSchema = z
  .object({
    chain: z.object({ code: z.string(), name: bilingualSchema }),
    region: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    years: z.array(z.number().int()).meta({ description: 'Years with local figures.' }),
    stages: z.array(z.object({ code: z.string(), name: bilingualSchema })),
    nodes: z.array(nodeAnalysisSchema),
    flows: z.array(z.object({ from: z.string(), to: z.string() })),
    totals: z.object({
      enterprises: z.number().int(),
      reporting: z.number().int(),
      outputYuan: z.number(),
      previousOutputYuan: z.number().nullable(),
      growth: z.number().nullable(),
      cagr: z.number().nullable(),
      cagrFromYear: z.number().int().nullable(),
      series: z.array(yearFigureSchema),
      chainMasters: z.number().int(),
      national: z.object({ enterprises: z.number().int(), outputYuan: z.number() }),
      nationalShare: z
        .number()
        .nullable()
        .meta({ description: "The region's share of the registry's chain output." }),
      chainMasterLocalRate: z
        .object({
          masters: z.number().int(),
          byCount: z.number().nullable(),
          byAmount: z.number().nullable(),
        })
        .meta({
          description:
            "Chain masters' average local supporting rate (本地配套率) over their supply links valid today: the mean of each master's rate, by count and by amount (0–1).",
        }),
    }),
    completeness: z.object({
      weighted: z.number().meta({ description: 'Weighted share of nodes present (0–1).' }),
      present: z.number().int(),
      total: z.number().int(),
    }),
    statusCounts: z.object({
      strong: z.number().int(),
      weak: z.number().int(),
      missing: z.number().int(),
    }),
    matchmaking: matchmakingSummarySchema.meta({
      description: "供需对接: the region's open needs and offers, and matches made this year.",
    }),
    targets: z.array(targetProgressSchema),
    extensionCandidates: z.array(extensionCandidateSchema),
    topEnterprises: z.array(leadingEnterpriseSchema),
    method: z.object({
      counting: bilingualSchema,
      output: bilingualSchema,
      benchmark: bilingualSchema,
      thresholds: z.object({
        lqWeakBelow: z.number(),
        hhiWeakAbove: z.number(),
        topShareWeakAbove: z.number(),
        trendYears: z.number().int(),
      }),
    }),
  })
  .meta({ id: 'ChainAnalysis' });
export type ChainAnalysis = z.infer<typeof chainAnalysisSchema>;

export const comparisonCellSchema = z
  .object({
    regionCode: z.string(),
    enterprises: z.number().int(),
    outputYuan: z.number().nullable(),
    share: z.number().nullable(),
    lq: z.number().nullable(),
    hhi: z.number().nullable(),
    status: z.enum(NODE_STATUSES),
    reasons: z.array(statusReasonSchema),
  })
  .meta({ id: 'ComparisonCell' });

export const chainComparisonSchema = z
  .object({
    chain: z.object({ code: z.string(), name: bilingualSchema }),
    year: z.number().int(),
    regions: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        enterprises: z.number().int(),
        outputYuan: z.number(),
        completeness: z.number(),
        statusCounts: z.object({
          strong: z.number().int(),
          weak: z.number().int(),
          missing: z.number().int(),
        }),
      }),
    ),
    nodes: z.array(
      z.object({
        code: z.string(),
        stageCode: z.string(),
        name: bilingualSchema,
        cells: z.array(comparisonCellSchema),
      }),
    ),
  })
  .meta({ id: 'ChainComparison' });
export type ChainComparison = z.infer<typeof chainComparisonSchema>;

export const targetSchema = z
  .object({
    id: z.number().int(),
    chainCode: z.string(),
    regionCode: z.string(),
    nodeCode: z.string().nullable(),
    metric: z.string(),
    year: z.number().int(),
    valueYuan: z.number(),
    demo: z.boolean(),
  })
  .meta({ id: 'Target' });
export type TargetView = z.infer<typeof targetSchema>;

export const setTargetRequestSchema = z
  .strictObject({
    region: regionCode,
    year: z.number().int().min(2000).max(2100),
    valueYuan: yuanSchema.positive().meta({
      description: 'Target output in yuan, e.g. 250e9 (at most 10^15, kept to the fen).',
    }),
    node: z
      .string()
      .min(3)
      .max(100)
      .nullable()
      .optional()
      .meta({ description: 'Node code; omit or null for the whole chain.' }),
    metric: z.enum(['output']).default('output'),
  })
  .meta({ id: 'SetTargetRequest' });
export type SetTargetRequest = z.infer<typeof setTargetRequestSchema>;

export const targetQuerySchema = z.object({
  region: regionCode
    .optional()
    .meta({ description: 'Region code, e.g. 3202; omit for the targets of every region.' }),
});

const gapSchema = z.object({ name: z.string(), code: z.string(), reasons: z.string() });

const reportFigureSchema = z.object({ label: z.string(), value: z.string(), note: z.string() });

/** The briefing's section on enterprise problems and 督办 items (企业诉求与督办). */
export const reportProblemsSchema = z.object({
  year: z.number().int().meta({ description: "The year counted: the briefing date's year." }),
  asOf: z.string().meta({ description: 'The day open and overdue count (YYYY-MM-DD).' }),
  figures: z.array(reportFigureSchema),
  nodes: z
    .array(
      z.object({ name: z.string(), open: z.string(), overdue: z.string(), received: z.string() }),
    )
    .meta({ description: 'The (at most 5) nodes with the most open problems.' }),
  supervision: z.array(reportFigureSchema),
});
export type ReportProblems = z.infer<typeof reportProblemsSchema>;

/** The briefing's content (format=json): texts in one language, and the analysis it rests on. */
export const chainReportSchema = z
  .object({
    lang: z.enum(LANGS),
    title: z.string(),
    subtitle: z.string(),
    generatedOn: z.string(),
    headline: z.array(z.object({ label: z.string(), value: z.string(), note: z.string() })),
    targets: z.array(z.string()),
    nodes: z.array(
      z.object({
        code: z.string(),
        stage: z.string(),
        name: z.string(),
        status: z.enum(NODE_STATUSES),
        statusLabel: z.string(),
        enterprises: z.string(),
        output: z.string(),
        share: z.string(),
        growth: z.string(),
        lq: z.string(),
        hhi: z.string(),
        reasons: z.string(),
      }),
    ),
    missing: z.array(gapSchema),
    weak: z.array(gapSchema),
    extension: z.array(z.object({ name: z.string(), code: z.string(), reason: z.string() })),
    topEnterprises: z.array(
      z.object({
        rank: z.number().int(),
        name: z.string(),
        node: z.string(),
        output: z.string(),
        growth: z.string(),
        chainMaster: z.boolean(),
      }),
    ),
    changes: z.array(z.string()),
    method: z.array(z.string()),
    problems: reportProblemsSchema
      .nullable()
      .meta({ description: 'Enterprise problems and 督办 items; null when not loaded.' }),
    analysis: chainAnalysisSchema,
  })
  .meta({ id: 'ChainReport' });
export type ChainReport = z.infer<typeof chainReportSchema>;
