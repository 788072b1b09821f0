import { z } from 'zod';
import { bilingualSchema } from './common.ts';

export const chainSummarySchema = z
  .object({
    code: z.string(),
    name: bilingualSchema,
    industryScheme: z.string(),
    templateVersion: z.number().int(),
    stageCount: z.number().int(),
    nodeCount: z.number().int(),
  })
  .meta({ id: 'ChainSummary' });
export type ChainSummary = z.infer<typeof chainSummarySchema>;

export const chainNodeSchema = z
  .object({
    code: z.string(),
    name: bilingualSchema,
    weight: z.number(),
    focus: z
      .boolean()
      .meta({ description: 'One of the industries the region has chosen to grow.' }),
    industryCodes: z
      .array(z.string())
      .meta({ description: 'GB/T 4754-2017 classes in its rules.' }),
  })
  .meta({ id: 'ChainNode' });
export type ChainNode = z.infer<typeof chainNodeSchema>;

export const chainStageSchema = z
  .object({ code: z.string(), name: bilingualSchema, nodes: z.array(chainNodeSchema) })
  .meta({ id: 'ChainStage' });
export type ChainStage = z.infer<typeof chainStageSchema>;

export const chainFlowSchema = z
  .object({ from: z.string(), to: z.string(), note: bilingualSchema.nullable() })
  .meta({ id: 'ChainFlow' });
export type ChainFlow = z.infer<typeof chainFlowSchema>;

export const chainDetailSchema = chainSummarySchema
  .extend({
    description: bilingualSchema.nullable(),
    stages: z.array(chainStageSchema),
    flows: z.array(chainFlowSchema),
  })
  .meta({ id: 'ChainDetail' });
export type ChainDetail = z.infer<typeof chainDetailSchema>;

export const chainCodeParamSchema = z.object({
  code: z.string().min(1).meta({ description: 'Chain code, e.g. biomed.', example: 'biomed' }),
});
