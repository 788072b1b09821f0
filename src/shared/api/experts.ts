// Experts (专家库): by field and chain node, with the enterprises and projects they advised.
import { z } from 'zod';
import {
  bodyIdSchema,
  chainCodeSchema,
  isoDateSchema,
  paramIdSchema,
  requiredText,
  safeText,
} from './fields.ts';
import { bilingualSchema, pageQuerySchema } from './common.ts';

export const nodeCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/, 'use a node code such as biomed.up.reagent')
  .max(100);

export const expertChainParamSchema = z.object({ code: chainCodeSchema });
export const expertIdParamSchema = z.object({ code: chainCodeSchema, id: paramIdSchema });
export const nodeExpertsParamSchema = z.object({ code: chainCodeSchema, node: nodeCodeSchema });

const expertFields = {
  name: requiredText(100).meta({ example: '张明远（演示）' }),
  fields: z
    .array(requiredText(60))
    .max(20)
    .meta({ description: 'Fields as written (抗体药物, 细胞治疗).', example: ['抗体药物'] }),
  nodeCodes: z
    .array(nodeCodeSchema)
    .max(30)
    .meta({ description: 'The chain nodes the expert covers.', example: ['biomed.mid.bio'] }),
  institution: safeText(200).nullable().optional(),
  title: safeText(100).nullable().optional().meta({ example: '研究员' }),
  contact: safeText(200)
    .nullable()
    .optional()
    .meta({ description: 'Phone or e-mail; only the office sees it.' }),
  note: safeText(1000).nullable().optional(),
};

export const createExpertSchema = z.strictObject({
  ...expertFields,
  fields: expertFields.fields.default([]),
  nodeCodes: expertFields.nodeCodes.default([]),
});
export type CreateExpertRequest = z.infer<typeof createExpertSchema>;

export const updateExpertSchema = z.strictObject({
  ...expertFields,
  name: expertFields.name.optional(),
  fields: expertFields.fields.optional(),
  nodeCodes: expertFields.nodeCodes.optional(),
});
export type UpdateExpertRequest = z.infer<typeof updateExpertSchema>;

export const expertQuerySchema = pageQuerySchema.extend({
  node: nodeCodeSchema.optional().meta({ description: 'Experts covering this node.' }),
  q: safeText(100)
    .optional()
    .meta({ description: 'Text in the name, a field or the institution.' }),
});
export type ExpertQuery = z.infer<typeof expertQuerySchema>;

export const adviseSchema = z
  .strictObject({
    enterpriseId: bodyIdSchema.optional(),
    projectId: bodyIdSchema.optional(),
    advisedOn: isoDateSchema,
    note: safeText(1000).nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.enterpriseId === undefined) === (value.projectId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['enterpriseId'],
        message: 'name either an enterprise (enterpriseId) or a project (projectId), not both',
      });
    }
  });
export type AdviseRequest = z.infer<typeof adviseSchema>;

export const expertAdviceSchema = z
  .object({
    id: z.number().int(),
    enterprise: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    project: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    advisedOn: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ExpertAdvice' });
export type ExpertAdvice = z.infer<typeof expertAdviceSchema>;

export const expertSchema = z
  .object({
    id: z.number().int(),
    chainCode: z.string(),
    name: z.string(),
    fields: z.array(z.string()),
    nodes: z.array(z.object({ code: z.string(), name: bilingualSchema })),
    institution: z.string().nullable(),
    title: z.string().nullable(),
    demo: z.boolean(),
    /** `full` for the office and admins; otherwise contact and note are null (a firm: no advice). */
    visibility: z.enum(['full', 'public']),
    contact: z.string().nullable(),
    note: z.string().nullable(),
    advice: z.array(expertAdviceSchema),
  })
  .meta({ id: 'Expert' });
export type Expert = z.infer<typeof expertSchema>;

export const expertListSchema = z.object({ items: z.array(expertSchema), total: z.number().int() });
export type ExpertList = z.infer<typeof expertListSchema>;
