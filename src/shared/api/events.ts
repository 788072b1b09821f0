// Events (活动): matchmaking meetings, roadshows, signing ceremonies; their participants and outcomes.
import { z } from 'zod';
import { EVENT_KINDS, EVENT_OUTCOME_KINDS } from '../event-kinds.ts';
import {
  bodyIdSchema,
  chainCodeSchema,
  datesInOrder,
  isoDateSchema,
  paramIdSchema,
  requiredText,
  safeText,
  yuanSchema,
} from './fields.ts';
import { pageQuerySchema } from './common.ts';
import { nodeCodeSchema } from './experts.ts';

export {
  EVENT_KINDS,
  EVENT_OUTCOME_KINDS,
  type EventKind,
  type EventOutcomeKind,
} from '../event-kinds.ts';

const regionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, 'use a 6-digit administrative code such as 320214');

export const eventChainParamSchema = z.object({ code: chainCodeSchema });
export const eventIdParamSchema = z.object({ code: chainCodeSchema, id: paramIdSchema });

export const createEventSchema = z.strictObject({
  kind: z.enum(EVENT_KINDS),
  title: requiredText(200).meta({ example: '生物医药产业签约仪式' }),
  heldOn: isoDateSchema,
  place: safeText(200).nullable().optional(),
  regionCode: regionCodeSchema.nullable().optional(),
  note: safeText(1000).nullable().optional(),
  enterpriseIds: z.array(bodyIdSchema).max(200).default([]).meta({ description: 'Participants.' }),
  expertIds: z.array(bodyIdSchema).max(200).default([]).meta({ description: 'Participants.' }),
});
export type CreateEventRequest = z.infer<typeof createEventSchema>;

export const addParticipantsSchema = z.strictObject({
  enterpriseIds: z.array(bodyIdSchema).max(200).default([]),
  expertIds: z.array(bodyIdSchema).max(200).default([]),
});
export type AddParticipantsRequest = z.infer<typeof addParticipantsSchema>;

export const eventQuerySchema = pageQuerySchema
  .extend({
    kind: z.enum(EVENT_KINDS).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .superRefine(datesInOrder(['from', 'to']));
export type EventQuery = z.infer<typeof eventQuerySchema>;

/** A signed project: an existing pipeline project (moved to signed), or a new one at signed. */
const signedProjectSchema = z
  .strictObject({
    projectId: bodyIdSchema.optional().meta({
      description:
        'An existing pipeline project: moved to signed (签约) unless it is already past.',
    }),
    name: requiredText(200).optional().meta({ description: 'A new project: its name.' }),
    enterpriseId: bodyIdSchema
      .optional()
      .meta({ description: 'A new project: the investor firm.' }),
    investor: safeText(200).nullable().optional(),
    regionCode: regionCodeSchema
      .optional()
      .meta({ description: "A new project: where it lands; the event's region when left out." }),
    nodeCode: nodeCodeSchema.nullable().optional(),
    investmentYuan: yuanSchema.min(0).nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.projectId === undefined && value.name === undefined && !value.enterpriseId) {
      ctx.addIssue({
        code: 'custom',
        path: ['projectId'],
        message: 'name an existing project (projectId) or a new one (name or enterpriseId)',
      });
    }
  });

export const recordEventOutcomeSchema = z
  .strictObject({
    kind: z.enum(EVENT_OUTCOME_KINDS),
    needMatchId: bodyIdSchema.optional().meta({ description: 'A match: the recorded need match.' }),
    description: safeText(1000).nullable().optional(),
    project: signedProjectSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'signed_project' && !value.project) {
      ctx.addIssue({
        code: 'custom',
        path: ['project'],
        message: 'a signed project needs project',
      });
    }
    if (value.kind === 'match' && value.project) {
      ctx.addIssue({ code: 'custom', path: ['project'], message: 'only for kind signed_project' });
    }
    if (value.kind === 'match' && value.needMatchId === undefined && !value.description) {
      ctx.addIssue({
        code: 'custom',
        path: ['description'],
        message: 'a match needs a needMatchId or a description',
      });
    }
  });
export type RecordEventOutcomeRequest = z.infer<typeof recordEventOutcomeSchema>;

const refSchema = z.object({ id: z.number().int(), name: z.string() });

export const eventOutcomeSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(EVENT_OUTCOME_KINDS),
    description: z.string().nullable(),
    needMatchId: z.number().int().nullable(),
    project: refSchema.extend({ stage: z.string() }).nullable(),
    recordedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'EventOutcome' });
export type EventOutcome = z.infer<typeof eventOutcomeSchema>;

export const eventSummarySchema = z
  .object({
    id: z.number().int(),
    chainCode: z.string(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    heldOn: z.string(),
    place: z.string().nullable(),
    regionCode: z.string().nullable(),
    note: z.string().nullable(),
    demo: z.boolean(),
    participantCount: z.number().int(),
    signedProjects: z.number().int(),
  })
  .meta({ id: 'EventSummary' });
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const eventDetailSchema = eventSummarySchema
  .extend({
    enterprises: z.array(refSchema),
    experts: z.array(refSchema),
    outcomes: z.array(eventOutcomeSchema),
  })
  .meta({ id: 'EventDetail' });
export type EventDetail = z.infer<typeof eventDetailSchema>;

export const eventListSchema = z.object({
  items: z.array(eventSummarySchema),
  total: z.number().int(),
});
export type EventList = z.infer<typeof eventListSchema>;
