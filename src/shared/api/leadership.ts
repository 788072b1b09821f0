// The chain leader's work (链长履职): leadership, activities, supervised tasks (督办), shared
// problems (共性问题) and the yearly scorecard (考核看板).
import { z } from 'zod';
import {
  bodyIdSchema,
  chainCodeSchema,
  nodeCodeSchema,
  datesInOrder,
  isoDateSchema,
  paramIdSchema,
  requiredText,
  wholeNumberParam,
} from './fields.ts';
import { bilingualSchema, pageQuerySchema } from './common.ts';
import { ACTIVITY_KINDS, SUPERVISION_FILTER_STATES } from '../activity-kinds.ts';

export {
  ACTIVITY_KIND_NAMES,
  ACTIVITY_KINDS,
  SUPERVISION_FILTER_STATES,
  type ActivityKind,
} from '../activity-kinds.ts';

/** Free text: trimmed, not empty, at most `max` characters. */
export const textField = requiredText;

export const calendarDateSchema = isoDateSchema;

/** Ids in JSON bodies are numbers; ids in a query string are digits (paramIdSchema). */
const idSchema = bodyIdSchema;
const regionCodeSchema = z
  .string()
  .regex(/^\d{2}(\d{2}){0,2}$/, 'use an administrative code such as 3202 or 320214')
  .meta({ description: 'Region code (a prefix: 32, 3202, 320214).', example: '3202' });

const personSchema = z.object({ name: z.string(), title: z.string().nullable() });

export const leadershipQuerySchema = z.object({ region: regionCodeSchema });
export const chainCodeParamSchema = z.object({ code: chainCodeSchema });

export const chainLeadershipSchema = z
  .object({
    chain: z.object({ code: z.string(), name: bilingualSchema }),
    regionCode: z.string(),
    leader: personSchema.nullable().meta({ description: 'The chain leader (链长).' }),
    officeName: z.string().nullable().meta({ description: 'The chain office (链办).' }),
    generalLeader: personSchema
      .nullable()
      .meta({ description: "The region's general chain leader (总链长), for every chain." }),
  })
  .meta({ id: 'ChainLeadership' });
export type ChainLeadership = z.infer<typeof chainLeadershipSchema>;

const personInput = z
  .object({ name: textField(100), title: textField(100).nullable().optional() })
  .strict();
export const putLeadershipSchema = z
  .object({
    leader: personInput,
    officeName: textField(200).nullable().optional(),
    generalLeader: personInput.nullable().optional().meta({
      description: "The region's 总链长; omitted: unchanged; null: removed.",
    }),
  })
  .strict();
export type PutLeadershipRequest = z.infer<typeof putLeadershipSchema>;

export const followUpSchema = z
  .object({
    title: textField(200),
    detail: textField(4000).nullable().optional(),
    ownerDepartmentId: idSchema,
    deadline: calendarDateSchema,
  })
  .strict();
export type FollowUpRequest = z.infer<typeof followUpSchema>;

export const createActivitySchema = z
  .object({
    chainCode: chainCodeSchema,
    regionCode: regionCodeSchema,
    kind: z.enum(ACTIVITY_KINDS),
    heldOn: calendarDateSchema,
    title: textField(200),
    people: z.array(textField(100)).max(100).default([]),
    summary: textField(8000).nullable().optional(),
    enterpriseIds: z.array(idSchema).max(200).default([]),
    nodeCodes: z.array(nodeCodeSchema).max(100).default([]),
    followUps: z.array(followUpSchema).max(50).default([]),
  })
  .strict();
export type CreateActivityRequest = z.infer<typeof createActivitySchema>;

export const updateActivitySchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS).optional(),
    heldOn: calendarDateSchema.optional(),
    title: textField(200).optional(),
    people: z.array(textField(100)).max(100).optional(),
    summary: textField(8000).nullable().optional(),
    enterpriseIds: z.array(idSchema).max(200).optional(),
    nodeCodes: z.array(nodeCodeSchema).max(100).optional(),
  })
  .strict();
export type UpdateActivityRequest = z.infer<typeof updateActivitySchema>;

export const activityQuerySchema = pageQuerySchema
  .extend({
    chain: chainCodeSchema.optional(),
    region: regionCodeSchema.optional(),
    kind: z.enum(ACTIVITY_KINDS).optional(),
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    enterpriseId: paramIdSchema.optional(),
    node: nodeCodeSchema.optional(),
  })
  .superRefine(datesInOrder(['from', 'to']));
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

const chainRefSchema = z.object({ code: z.string(), name: bilingualSchema });
const departmentRefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  nameEn: z.string().nullable(),
});

export const supervisionItemSchema = z
  .object({
    id: z.number().int(),
    chain: chainRefSchema,
    regionCode: z.string(),
    title: z.string(),
    detail: z.string().nullable(),
    ownerDepartment: departmentRefSchema.nullable(),
    deadline: z.string(),
    state: z.enum(['open', 'done']),
    overdue: z
      .boolean()
      .meta({ description: 'Open and today (Asia/Shanghai) is past the deadline.' }),
    onTime: z
      .boolean()
      .nullable()
      .meta({ description: 'Done on or before the deadline; null while open.' }),
    completedAt: z.string().nullable(),
    activityId: z.number().int().nullable(),
    sharedProblemId: z.number().int().nullable(),
    problemId: z.number().int().nullable(),
    assignedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'SupervisionItem' });
export type SupervisionItem = z.infer<typeof supervisionItemSchema>;

export const supervisionDetailSchema = supervisionItemSchema
  .extend({
    notes: z.array(
      z.object({ id: z.number().int(), note: z.string(), authorName: z.string(), at: z.string() }),
    ),
  })
  .meta({ id: 'SupervisionDetail' });
export type SupervisionDetail = z.infer<typeof supervisionDetailSchema>;

export const activitySchema = z
  .object({
    id: z.number().int(),
    chain: chainRefSchema,
    regionCode: z.string(),
    kind: z.enum(ACTIVITY_KINDS),
    kindName: bilingualSchema,
    heldOn: z.string(),
    title: z.string(),
    people: z.array(z.string()),
    summary: z.string().nullable(),
    enterprises: z.array(z.object({ id: z.number().int(), name: z.string() })),
    nodes: z.array(z.object({ code: z.string(), name: bilingualSchema })),
    supervisionItems: z.array(supervisionItemSchema),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'LeaderActivity' });
export type Activity = z.infer<typeof activitySchema>;

export const createSupervisionSchema = followUpSchema
  .extend({
    chainCode: chainCodeSchema,
    regionCode: regionCodeSchema,
    activityId: idSchema.nullable().optional(),
  })
  .strict();
export type CreateSupervisionRequest = z.infer<typeof createSupervisionSchema>;

export const supervisionQuerySchema = pageQuerySchema
  .extend({
    chain: chainCodeSchema.optional(),
    region: regionCodeSchema.optional(),
    state: z.enum(SUPERVISION_FILTER_STATES).optional(),
    departmentId: paramIdSchema.optional(),
    activityId: paramIdSchema.optional(),
    dueFrom: calendarDateSchema.optional(),
    dueTo: calendarDateSchema.optional(),
  })
  .superRefine(datesInOrder(['dueFrom', 'dueTo']));
export type SupervisionQuery = z.infer<typeof supervisionQuerySchema>;

export const supervisionNoteSchema = z.object({ note: textField(4000) }).strict();
export const completeSupervisionSchema = z
  .object({ note: textField(4000).nullable().optional() })
  .strict();

export const createSharedProblemSchema = z
  .object({
    problemIds: z.array(idSchema).min(2).max(500),
    title: textField(200),
    summary: textField(8000).nullable().optional(),
  })
  .strict();
export type CreateSharedProblemRequest = z.infer<typeof createSharedProblemSchema>;

export const linkProblemSchema = z.object({ problemId: idSchema }).strict();

/** Escalating to the chain leader opens a 督办 item: who owns it and by when. */
export const escalateSchema = z
  .object({
    ownerDepartmentId: idSchema,
    deadline: calendarDateSchema,
    title: textField(200).optional(),
    detail: textField(4000).nullable().optional(),
  })
  .strict();
export type EscalateRequest = z.infer<typeof escalateSchema>;

export const sharedProblemQuerySchema = pageQuerySchema.extend({
  chain: chainCodeSchema.optional(),
  region: regionCodeSchema.optional(),
  escalated: z.enum(['true', 'false']).optional(),
});
export type SharedProblemQuery = z.infer<typeof sharedProblemQuerySchema>;

export const sharedProblemSchema = z
  .object({
    id: z.number().int(),
    chain: chainRefSchema,
    node: z.object({ code: z.string(), name: bilingualSchema }).nullable(),
    regionCode: z.string(),
    title: z.string(),
    summary: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    escalatedBy: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    problems: z.array(
      z.object({
        id: z.number().int(),
        reference: z.string(),
        title: z.string(),
        enterprise: z.object({ id: z.number().int(), name: z.string() }),
        stage: z.string(),
      }),
    ),
    supervisionItems: z.array(supervisionItemSchema),
  })
  .meta({ id: 'SharedProblem' });
export type SharedProblem = z.infer<typeof sharedProblemSchema>;

export const scorecardQuerySchema = z.object({
  chain: chainCodeSchema.default('biomed'),
  region: regionCodeSchema,
  year: wholeNumberParam(z.number().int().min(2000).max(2100)),
});
export type ScorecardQuery = z.infer<typeof scorecardQuerySchema>;

/** One figure: its value, how many source records it counts, and where to list them. */
export const figureSchema = z
  .object({
    value: z.number().nullable(),
    records: z.number().int(),
    link: z.string().meta({ description: 'The web path or API query listing the records.' }),
  })
  .meta({ id: 'ScorecardFigure' });
export type Figure = z.infer<typeof figureSchema>;

const quarterSchema = z.object({
  q: z.number().int().min(1).max(4),
  problemsReceived: z.number().int(),
  problemsClosed: z.number().int(),
  visits: z.number().int(),
  meetings: z.number().int(),
  supervisionDone: z.number().int(),
  projectsSigned: z.number().int(),
});

export const scorecardSchema = z
  .object({
    chain: chainRefSchema,
    region: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    asOf: z.string().meta({ description: 'Today in Asia/Shanghai, for the figures "now".' }),
    output: z.object({
      outputYuan: figureSchema,
      targetYuan: z.number().nullable(),
      targetYear: z.number().int().nullable(),
      dataYear: z.number().int().nullable().meta({
        description:
          "The year whose registry figures give output and completeness: the scorecard's year, or the latest of the two before it while that year's figures are not in (weak links filled are then unknown, never another year's).",
      }),
      progress: z.number().nullable(),
      gapYuan: z.number().nullable().meta({ description: 'Target − the latest actual output.' }),
      requiredGrowth: z.number().nullable(),
      note: z.string().nullable(),
    }),
    completeness: figureSchema,
    weakLinksFilled: figureSchema.extend({
      nodes: z.array(
        z.object({ code: z.string(), name: bilingualSchema, from: z.string(), to: z.string() }),
      ),
      note: z.string().nullable().meta({
        description:
          "Why the value is null: the year's registry figures, or the year before's, are not in. Links filled are only ever the scorecard year's own.",
      }),
    }),
    projectsSigned: figureSchema,
    projectsStarted: figureSchema,
    problemsReceived: figureSchema,
    problemsClosed: figureSchema,
    onTimeRate: figureSchema,
    satisfactionRate: figureSchema,
    visits: figureSchema,
    meetings: figureSchema,
    supervisionDue: figureSchema,
    supervisionClosedOnTime: figureSchema,
    supervisionOverdue: figureSchema,
    quarters: z.array(quarterSchema),
  })
  .meta({ id: 'Scorecard' });
export type Scorecard = z.infer<typeof scorecardSchema>;
