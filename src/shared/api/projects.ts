import { z } from 'zod';
import {
  MAX_INT32,
  isoDateSchema,
  paramIdSchema,
  requiredText,
  regionCodeParam,
  yuanSchema,
  chainCodeSchema,
  optionalText,
} from './fields.ts';
import { UPLOAD_FIELD_ORDER, bilingualSchema } from './common.ts';
import { PROJECT_STAGES, type ProjectStage } from '../project-stages.ts';
import { SPACE_KINDS } from '../space-kinds.ts';

export { PROJECT_STAGES, type ProjectStage };

export const PROJECT_STAGE_NAMES: Readonly<Record<ProjectStage, { zh: string; en: string }>> = {
  lead: { zh: '线索', en: 'Lead' },
  negotiating: { zh: '在谈', en: 'Negotiating' },
  signed: { zh: '签约', en: 'Signed' },
  started: { zh: '开工', en: 'Construction started' },
  producing: { zh: '投产', en: 'Producing' },
};

/** Whether a project is still pursued; a dropped one keeps the stage it had reached. */
export const PROJECT_STATUSES = ['active', 'dropped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_EVENT_KINDS = ['create', 'stage', 'drop', 'reopen', 'capital'] as const;
export type ProjectEventKind = (typeof PROJECT_EVENT_KINDS)[number];

/** The default chance that a project at each stage produces as planned. */
export const DEFAULT_STAGE_PROBABILITIES: Readonly<Record<ProjectStage, number>> = {
  lead: 0.1,
  negotiating: 0.3,
  signed: 0.6,
  started: 0.85,
  producing: 1,
};
export const DEFAULT_STALLED_DAYS = 30;

export const spaceNeedSchema = z
  .object({
    kind: z.enum(SPACE_KINDS),
    areaM2: z.number().positive().max(10_000_000),
  })
  .strict()
  .meta({ id: 'SpaceNeed' });
export type SpaceNeed = z.infer<typeof spaceNeedSchema>;

const yuanField = (description: string) => yuanSchema.min(0).meta({ description });

/** The longest text a project's fields hold, here and in an imported project list. */
export const PROJECT_TEXT_MAX = {
  name: 200,
  investor: 200,
  nextAction: 500,
  notes: 10_000,
} as const;

/** The fields a person edits; every one optional on update, name and place required on create. */
const editableFields = {
  name: requiredText(PROJECT_TEXT_MAX.name),
  investor: z
    .string()
    .trim()
    .max(PROJECT_TEXT_MAX.investor)
    .nullable()
    .meta({ description: 'The investor as written, when not an enterprise of the registry.' }),
  enterpriseId: z
    .number()
    .int()
    .positive()
    .max(MAX_INT32)
    .nullable()
    .meta({ description: 'The enterprise courted (a candidate), if known.' }),
  nodeCode: z.string().nullable().meta({ description: 'The chain node it fills.' }),
  investmentYuan: yuanField('Planned investment in yuan.').nullable(),
  expectedOutputYuan: yuanField('Expected annual output in yuan once producing.').nullable(),
  outputStartYear: z.number().int().min(2000).max(2100).nullable(),
  spaceNeed: z.array(spaceNeedSchema).max(10),
  spaceNeededFrom: isoDateSchema.nullable(),
  parkId: z.number().int().positive().max(MAX_INT32).nullable(),
  ownerId: z.number().int().positive().max(MAX_INT32).nullable(),
  nextAction: z.string().max(PROJECT_TEXT_MAX.nextAction).nullable(),
  nextActionOn: isoDateSchema.nullable(),
  notes: z.string().max(PROJECT_TEXT_MAX.notes).nullable(),
};

export const createProjectSchema = z
  .strictObject({
    chainCode: chainCodeSchema.meta({ description: 'Chain code, e.g. biomed.' }),
    regionCode: z
      .string()
      .regex(/^\d{2,12}$/)
      .meta({ description: 'Region it is to land in, e.g. 3202.' }),
    ...editableFields,
    name: editableFields.name.optional().meta({
      description: "Defaults to the candidate enterprise's name when enterpriseId is given.",
    }),
    stage: z.enum(PROJECT_STAGES).default('lead'),
  })
  .partial({
    investor: true,
    enterpriseId: true,
    nodeCode: true,
    investmentYuan: true,
    expectedOutputYuan: true,
    outputStartYear: true,
    spaceNeed: true,
    spaceNeededFrom: true,
    parkId: true,
    ownerId: true,
    nextAction: true,
    nextActionOn: true,
    notes: true,
  })
  .meta({ id: 'CreateProjectRequest' });
export type CreateProjectRequest = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z
  .strictObject(editableFields)
  .partial()
  .meta({ id: 'UpdateProjectRequest' });
export type UpdateProjectRequest = z.infer<typeof updateProjectSchema>;

export const moveProjectSchema = z
  .strictObject({
    to: z.enum(PROJECT_STAGES),
    reason: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .meta({ description: 'Required when moving back.' }),
  })
  .meta({ id: 'MoveProjectRequest' });
export type MoveProjectRequest = z.infer<typeof moveProjectSchema>;

export const reasonSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(1000) })
  .meta({ id: 'ReasonRequest' });

export const capitalSchema = z
  .strictObject({
    amountYuan: yuanSchema.positive().meta({ description: 'Capital that arrived.' }),
    note: optionalText(1000).optional(),
  })
  .meta({ id: 'CapitalArrivalRequest' });

export const projectQuerySchema = z.object({
  chain: chainCodeSchema.optional().meta({ description: 'Chain code.' }),
  region: regionCodeParam.optional().meta({ description: 'Region code prefix, e.g. 3202.' }),
  stage: z.enum(PROJECT_STAGES).optional(),
  status: z.enum([...PROJECT_STATUSES, 'all']).default('active'),
  node: z.string().optional().meta({ description: 'Node code.' }),
  park: paramIdSchema.optional().meta({ description: 'Park id.' }),
  owner: z.string().optional().meta({ description: 'Owner username.' }),
  stalled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'Only stalled (true) or only moving (false) projects.' }),
  q: z.string().optional().meta({ description: 'Text in the name, investor or notes.' }),
  reached: z.enum(PROJECT_STAGES).optional().meta({
    description:
      'Only projects that first reached this stage (whatever their stage now) from reachedFrom to reachedTo, both included, in Asia/Shanghai days: the scorecard counts projects signed and started so.',
  }),
  reachedFrom: isoDateSchema.optional().meta({ description: 'With reached: first day.' }),
  reachedTo: isoDateSchema.optional().meta({ description: 'With reached: last day.' }),
});
export type ProjectQuery = z.infer<typeof projectQuerySchema>;

export const projectSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    investor: z.string().nullable(),
    chainCode: z.string(),
    regionCode: z.string(),
    node: z.object({ code: z.string(), name: bilingualSchema }).nullable(),
    enterprise: z
      .object({ id: z.number().int(), name: z.string(), regionCode: z.string() })
      .nullable(),
    stage: z.enum(PROJECT_STAGES),
    status: z.enum(PROJECT_STATUSES),
    probability: z.number().meta({ description: "The stage's probability, 0 to 1." }),
    investmentYuan: z.number().nullable(),
    capitalInPlaceYuan: z.number(),
    expectedOutputYuan: z.number().nullable(),
    weightedOutputYuan: z
      .number()
      .nullable()
      .meta({ description: 'Expected output × probability (0 when dropped).' }),
    outputStartYear: z.number().int().nullable(),
    spaceNeed: z.array(spaceNeedSchema),
    spaceNeededFrom: z.string().nullable(),
    reservedM2: z.number().meta({ description: 'Space held for it in parks now.' }),
    park: z
      .object({ id: z.number().int(), name: z.string(), nameEn: z.string().nullable() })
      .nullable(),
    owner: z
      .object({ id: z.number().int(), username: z.string(), displayName: z.string().nullable() })
      .nullable(),
    nextAction: z.string().nullable(),
    nextActionOn: z.string().nullable(),
    stageChangedAt: z.string(),
    updatedAt: z.string(),
    daysSinceChange: z.number().int(),
    stalled: z.boolean().meta({ description: 'Active, not producing, and unchanged too long.' }),
    allowedMoves: z.array(z.enum(PROJECT_STAGES)).meta({
      description: 'Stages it may move to now: the next one, or an earlier one with a reason.',
    }),
    demo: z.boolean(),
  })
  .meta({ id: 'ProjectSummary' });
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const projectEventSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(PROJECT_EVENT_KINDS),
    fromStage: z.enum(PROJECT_STAGES).nullable(),
    toStage: z.enum(PROJECT_STAGES),
    reason: z.string().nullable(),
    amountYuan: z.number().nullable(),
    actorName: z.string(),
    at: z.string(),
  })
  .meta({ id: 'ProjectEvent' });
export type ProjectEvent = z.infer<typeof projectEventSchema>;

export const attachmentSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'ProjectAttachment' });
export type Attachment = z.infer<typeof attachmentSchema>;

export const reservationSchema = z
  .object({
    id: z.number().int(),
    projectId: z.number().int(),
    projectName: z.string(),
    parkId: z.number().int(),
    parkName: z.string(),
    parkNameEn: z.string().nullable(),
    spaceId: z.number().int(),
    spaceCode: z.string(),
    kind: z.enum(SPACE_KINDS),
    areaM2: z.number(),
    status: z.enum(['reserved', 'released']),
    note: z.string().nullable(),
    reservedBy: z.string(),
    reservedAt: z.string(),
    releasedBy: z.string().nullable(),
    releasedAt: z.string().nullable(),
  })
  .meta({ id: 'SpaceReservation' });
export type Reservation = z.infer<typeof reservationSchema>;

export const projectDetailSchema = projectSummarySchema
  .extend({
    notes: z.string().nullable(),
    dropReason: z.string().nullable(),
    createdAt: z.string(),
    events: z.array(projectEventSchema),
    attachments: z.array(attachmentSchema),
    reservations: z.array(reservationSchema),
    allowedMoves: z.array(z.enum(PROJECT_STAGES)).meta({
      description: 'Stages it may move to now (forward one step, or back with a reason).',
    }),
  })
  .meta({ id: 'ProjectDetail' });
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const stageColumnSchema = z
  .object({
    stage: z.enum(PROJECT_STAGES),
    name: bilingualSchema,
    probability: z.number(),
    count: z.number().int(),
    stalledCount: z.number().int(),
    investmentYuan: z.number(),
    expectedOutputYuan: z.number(),
    weightedOutputYuan: z.number(),
    items: z.array(projectSummarySchema),
  })
  .meta({ id: 'StageColumn' });
export type StageColumn = z.infer<typeof stageColumnSchema>;

export const projectBoardSchema = z
  .object({
    items: z.array(projectSummarySchema),
    total: z.number().int(),
    columns: z.array(stageColumnSchema).meta({
      description: 'The same projects grouped by stage, in stage order (a kanban board).',
    }),
    stalledDays: z.number().int(),
  })
  .meta({ id: 'ProjectBoard' });
export type ProjectBoard = z.infer<typeof projectBoardSchema>;

export const pipelineSettingsSchema = z
  .strictObject({
    stageProbabilities: z
      .strictObject({
        lead: z.number().min(0).max(1),
        negotiating: z.number().min(0).max(1),
        signed: z.number().min(0).max(1),
        started: z.number().min(0).max(1),
        producing: z.number().min(0).max(1),
      })
      .meta({ description: 'Chance a project at each stage produces as planned; non-decreasing.' }),
    stalledDays: z.number().int().min(1).max(3650),
  })
  .meta({ id: 'PipelineSettings' });
export type PipelineSettings = z.infer<typeof pipelineSettingsSchema>;

export const importProjectsResultSchema = z
  .object({
    rowsRead: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'ProjectImportResult' });
export type ImportProjectsResult = z.infer<typeof importProjectsResultSchema>;

export const attachmentUploadSchema = z
  .strictObject({
    file: z.any().meta({
      type: 'string',
      format: 'binary',
      description: 'PDF, image, Office document, text or CSV; at most 10 MB.',
    }),
  })
  .meta({ id: 'AttachmentUpload', description: UPLOAD_FIELD_ORDER });

export const projectImportUploadSchema = z
  .strictObject({
    file: z
      .any()
      .meta({ type: 'string', format: 'binary', description: 'XLSX, CSV or JSON Lines.' }),
    chain: chainCodeSchema
      .optional()
      .meta({ description: 'Chain code for rows without one (biomed).' }),
    region: z
      .string()
      .regex(/^\d{2,12}$/)
      .optional()
      .meta({ description: 'Region for new rows without one.' }),
  })
  .meta({ id: 'ProjectImportUpload', description: UPLOAD_FIELD_ORDER });

export const projectExportQuerySchema = projectQuerySchema.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  status: z.enum([...PROJECT_STATUSES, 'all']).default('all'),
});
