import { z } from 'zod';
import { UPLOAD_FIELD_ORDER, bilingualSchema, pageQuerySchema } from './common.ts';
import {
  datesInOrder,
  isRealDate,
  isoDateSchema,
  bodyIdSchema,
  paramIdSchema,
  phoneText,
  requiredText,
  safeText,
} from './fields.ts';
import {
  PROBLEM_ACTIONS,
  PROBLEM_CHANNELS,
  PROBLEM_STAGES,
  SATISFACTION_LEVELS,
  type ProblemAction,
} from '../problem-stages.ts';

// The enterprise-problem loop (企呼我应) over the API: requests are strict (an unknown field is a
// 400 naming it), answers list their fields.

const text = safeText;
/** Ids in JSON bodies are numbers; ids in a query string are digits (paramIdSchema). */
const id = bodyIdSchema;

export { isoDateSchema };

export const departmentSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    nameEn: z.string().nullable(),
    regionCode: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof departmentSchema>;

export const createDepartmentSchema = z
  .strictObject({
    name: requiredText(100),
    nameEn: text(200).nullable().optional(),
    regionCode: z
      .string()
      .regex(/^\d{2,12}$/)
      .nullable()
      .optional(),
  })
  .meta({ id: 'CreateDepartmentRequest' });
export type CreateDepartmentRequest = z.infer<typeof createDepartmentSchema>;

export const updateDepartmentSchema = createDepartmentSchema
  .partial()
  .extend({ active: z.boolean().optional() })
  .strict()
  .meta({ id: 'UpdateDepartmentRequest' });
export type UpdateDepartmentRequest = z.infer<typeof updateDepartmentSchema>;

export const problemCategorySchema = z
  .object({
    code: z.string(),
    name: bilingualSchema,
    slaWorkingDays: z.number().int(),
    sortOrder: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'ProblemCategory' });
export type ProblemCategory = z.infer<typeof problemCategorySchema>;

export const updateProblemCategorySchema = z
  .strictObject({
    nameZh: requiredText(50).optional(),
    nameEn: requiredText(100).optional(),
    slaWorkingDays: z.number().int().min(1).max(250).optional(),
    sortOrder: z.number().int().min(0).max(1000).optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateProblemCategoryRequest' });
export type UpdateProblemCategoryRequest = z.infer<typeof updateProblemCategorySchema>;

const contactFields = {
  contactName: text(100).nullable().optional(),
  contactPhone: phoneText(40).nullable().optional(),
};

export const raiseProblemSchema = z
  .strictObject({
    title: requiredText(200),
    description: requiredText(10_000),
    categoryCode: z.string().min(1).max(50),
    ...contactFields,
    enterpriseId: id
      .optional()
      .meta({ description: 'The enterprise (office and admin only, and required for them).' }),
    chainCode: z
      .string()
      .min(1)
      .max(50)
      .optional()
      .meta({ description: "Defaults to the chain the enterprise's primary placement is on." }),
    channel: z
      .enum(PROBLEM_CHANNELS)
      .optional()
      .meta({ description: "Office and admin only; default 'visit' (a firm raises online)." }),
    receivedAt: z.iso
      .datetime({ offset: true })
      .refine(isRealDate, 'is not a real calendar date')
      .optional()
      .meta({ description: 'Office and admin only: when it reached the office; default now.' }),
    nodeCode: z.string().min(1).max(100).optional(),
    departmentId: id.optional(),
  })
  .meta({ id: 'RaiseProblemRequest' });
export type RaiseProblemRequest = z.infer<typeof raiseProblemSchema>;

export const updateProblemSchema = z
  .strictObject({
    title: requiredText(200).optional(),
    description: requiredText(10_000).optional(),
    categoryCode: z.string().min(1).max(50).optional(),
    nodeCode: z.string().min(1).max(100).nullable().optional(),
    departmentId: id.nullable().optional(),
    assigneeName: text(100).nullable().optional(),
    ...contactFields,
  })
  .meta({ id: 'UpdateProblemRequest' });
export type UpdateProblemRequest = z.infer<typeof updateProblemSchema>;

export interface ProblemActionInput {
  action: ProblemAction;
  note?: string | undefined;
  departmentId?: number | undefined;
  assigneeName?: string | undefined;
  workingDays?: number | undefined;
  satisfaction?: (typeof SATISFACTION_LEVELS)[number] | undefined;
}

/** What an action needs beyond its name, as field problems (empty when it has everything). */
export function actionInputIssues(input: ProblemActionInput): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const noted = (input.note ?? '').trim().length > 0;
  switch (input.action) {
    case 'return':
    case 'decline':
    case 'suspend':
    case 'reject_extension':
      if (!noted) issues.push({ field: 'note', message: `${input.action} needs the reason` });
      break;
    case 'answer':
      if (!noted) issues.push({ field: 'note', message: 'answer needs the answer as a note' });
      break;
    case 'assign':
      if (input.departmentId === undefined)
        issues.push({ field: 'departmentId', message: 'assign needs a department' });
      break;
    case 'request_extension':
      if (input.workingDays === undefined)
        issues.push({ field: 'workingDays', message: 'request_extension needs workingDays 1–60' });
      if (!noted) issues.push({ field: 'note', message: 'request_extension needs the reason' });
      break;
    case 'rate':
      if (input.satisfaction === undefined)
        issues.push({ field: 'satisfaction', message: 'rate needs a satisfaction' });
      break;
    case 'accept':
    case 'start':
    case 'resume':
    case 'approve_extension':
    case 'close':
    case 'reopen':
      break;
  }
  return issues;
}

export const problemActionSchema = z
  .strictObject({
    action: z.enum(PROBLEM_ACTIONS),
    note: text(5000)
      .optional()
      .meta({
        description:
          'The reason (return, decline, suspend, reject_extension, request_extension), the answer ' +
          '(answer), or the rating comment (rate).',
      }),
    departmentId: id.optional().meta({ description: 'assign: the department.' }),
    assigneeName: text(100).optional().meta({ description: 'assign: the responsible person.' }),
    workingDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .optional()
      .meta({ description: 'request_extension: working days asked for.' }),
    satisfaction: z.enum(SATISFACTION_LEVELS).optional(),
  })
  .superRefine((input, ctx) => {
    for (const issue of actionInputIssues(input)) {
      ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
    }
  })
  .meta({ id: 'ProblemActionRequest' });
export type ProblemActionRequest = z.infer<typeof problemActionSchema>;

export const problemCommentSchema = z
  .strictObject({ note: requiredText(5000) })
  .meta({ id: 'ProblemCommentRequest' });

const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const problemListQuerySchema = pageQuerySchema
  .extend({
    chain: z.string().max(50).optional().meta({ description: 'Chain code.' }),
    region: z
      .string()
      .regex(/^\d{2,12}$/)
      .optional()
      .meta({ description: 'Region code prefix, e.g. 3202.' }),
    stage: z.enum(PROBLEM_STAGES).optional(),
    category: z.string().max(50).optional().meta({ description: 'Category code.' }),
    department: paramIdSchema.optional().meta({ description: 'Department id.' }),
    node: z.string().max(100).optional().meta({ description: 'Node code.' }),
    enterprise: paramIdSchema.optional().meta({ description: 'Enterprise id.' }),
    overdue: booleanFlag.optional().meta({ description: 'Only overdue (true) or not (false).' }),
    q: text(200).optional().meta({ description: 'Text in the title, reference or enterprise.' }),
    receivedFrom: isoDateSchema.optional(),
    receivedTo: isoDateSchema.optional(),
    closedFrom: isoDateSchema.optional().meta({ description: 'First closed on or after (办结).' }),
    closedTo: isoDateSchema.optional(),
    ratedFrom: isoDateSchema.optional().meta({ description: 'Rated on or after.' }),
    ratedTo: isoDateSchema.optional(),
    returned: booleanFlag
      .optional()
      .meta({ description: 'Only returned problems (true) or none of them (false).' }),
  })
  .strict()
  .superRefine(
    datesInOrder(
      ['receivedFrom', 'receivedTo'],
      ['closedFrom', 'closedTo'],
      ['ratedFrom', 'ratedTo'],
    ),
  );
export type ProblemListQuery = z.infer<typeof problemListQuerySchema>;

const departmentRef = z
  .object({ id: z.number().int(), name: z.string(), nameEn: z.string().nullable() })
  .nullable();

export const problemSummarySchema = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    title: z.string(),
    enterprise: z.object({ id: z.number().int(), name: z.string() }),
    chainCode: z.string(),
    node: z.object({ code: z.string(), name: bilingualSchema }).nullable(),
    category: z.object({ code: z.string(), name: bilingualSchema }),
    channel: z.enum(PROBLEM_CHANNELS),
    department: departmentRef,
    assigneeName: z.string().nullable(),
    stage: z.enum(PROBLEM_STAGES),
    receivedAt: z.string(),
    dueOn: z.string(),
    dueBeyondCalendar: z.boolean(),
    overdue: z
      .boolean()
      .meta({ description: 'Open, not suspended, and today (Asia/Shanghai) after the due date.' }),
    workingDaysLeft: z.number().int().nullable().meta({
      description: 'Working days until the due date (negative when late); null when not open.',
    }),
    pendingExtensionDays: z.number().int().nullable(),
    satisfaction: z.enum(SATISFACTION_LEVELS).nullable(),
    reopenCount: z.number().int(),
    sharedProblemId: z.number().int().nullable(),
    demo: z.boolean(),
  })
  .meta({ id: 'ProblemSummary' });
export type ProblemSummary = z.infer<typeof problemSummarySchema>;

export const problemEventSchema = z
  .object({
    action: z.string(),
    fromStage: z.enum(PROBLEM_STAGES).nullable(),
    toStage: z.enum(PROBLEM_STAGES),
    note: z.string().nullable(),
    satisfaction: z.enum(SATISFACTION_LEVELS).nullable(),
    workingDays: z.number().int().nullable(),
    department: departmentRef,
    dueOn: z.string().nullable(),
    actorName: z.string(),
    actorRole: z.string(),
    at: z.string(),
  })
  .meta({ id: 'ProblemEvent' });
export type ProblemEvent = z.infer<typeof problemEventSchema>;

export const problemAttachmentSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'ProblemAttachment' });
export type ProblemAttachment = z.infer<typeof problemAttachmentSchema>;

export const problemDetailSchema = problemSummarySchema
  .extend({
    description: z.string(),
    contactName: z.string().nullable().meta({ description: 'Null for a redacted viewer.' }),
    contactPhone: z.string().nullable().meta({ description: 'Null for a redacted viewer.' }),
    answer: z.string().nullable(),
    returnReason: z.string().nullable(),
    pendingExtensionReason: z.string().nullable(),
    satisfactionComment: z.string().nullable(),
    clockStartsOn: z.string(),
    slaWorkingDays: z.number().int(),
    extensionWorkingDays: z.number().int(),
    suspendedWorkingDays: z.number().int(),
    closedAt: z.string().nullable(),
    firstClosedAt: z.string().nullable(),
    firstClosedOnTime: z.boolean().nullable(),
    timeline: z.array(problemEventSchema),
    attachments: z.array(problemAttachmentSchema),
    attachmentsHidden: z.boolean(),
    allowedActions: z.array(z.enum(PROBLEM_ACTIONS)).meta({
      description: 'The actions the current user may take now (role, scope, stage and rules).',
    }),
    editable: z.boolean(),
  })
  .meta({ id: 'ProblemDetail' });
export type ProblemDetail = z.infer<typeof problemDetailSchema>;

export const problemListSchema = z
  .object({ items: z.array(problemSummarySchema), total: z.number().int() })
  .meta({ id: 'ProblemList' });
export type ProblemList = z.infer<typeof problemListSchema>;

export const problemAttachmentUploadSchema = z
  .strictObject({
    file: z.any().meta({
      type: 'string',
      format: 'binary',
      description: 'PDF, image, Office document, text or CSV; at most 10 MB.',
    }),
  })
  .meta({ id: 'ProblemAttachmentUpload', description: UPLOAD_FIELD_ORDER });
