import { z } from 'zod';
import { TEMPLATE_PROBLEM_CODES } from '../template-problems.ts';

/** A problem in a template or its revision, located by file, node and field (as the CLI says). */
export const templateProblemSchema = z
  .object({
    node: z.string().nullable(),
    field: z.string(),
    code: z.enum(TEMPLATE_PROBLEM_CODES).meta({
      description: "Why, as a code; the web app words it in the reader's language.",
    }),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .meta({ description: 'What the sentence names (a node, a version, values).' }),
    message: z.string().meta({ description: 'The problem in English, as the CLI prints it.' }),
  })
  .meta({ id: 'TemplateProblem' });
export type TemplateProblemItem = z.infer<typeof templateProblemSchema>;

export const TEMPLATE_REFERENCE_KINDS = [
  'placement',
  'target',
  'project',
  'problem',
  'shared_problem',
  'supervision_item',
  'leader_activity',
  'park_focus',
] as const;
export type TemplateReferenceKind = (typeof TEMPLATE_REFERENCE_KINDS)[number];

/** One thing that references a changed node, and where the revision sends it. */
export const templateReferenceSchema = z
  .object({
    kind: z.enum(TEMPLATE_REFERENCE_KINDS),
    id: z.number().int(),
    label: z.string().meta({ description: 'What it is, e.g. the enterprise or project name.' }),
    to: z.array(z.string()).meta({ description: 'The node codes it goes to.' }),
    detail: z.string().nullable().meta({ description: 'How: classifier, default node, shares.' }),
    needsDecision: z.boolean().meta({
      description: 'It went to a default node and a person should check where it belongs.',
    }),
  })
  .meta({ id: 'TemplateReference' });
export type TemplateReference = z.infer<typeof templateReferenceSchema>;

export const templateChangePlanSchema = z
  .object({
    kind: z.enum(['rename', 'split', 'merge', 'retire']),
    node: z.string().meta({ description: 'The old node code.' }),
    to: z.array(z.string()),
    counts: z.record(z.string(), z.number().int()),
    references: z.array(templateReferenceSchema),
  })
  .meta({ id: 'TemplateChangePlan' });
export type TemplateChangePlan = z.infer<typeof templateChangePlanSchema>;

/** What loading a template does (dry run) or did. */
export const templateLoadPlanSchema = z
  .object({
    chain: z.string(),
    file: z.string(),
    action: z.enum(['create', 'update', 'unchanged']),
    fromVersion: z.number().int().nullable(),
    toVersion: z.number().int(),
    addedNodes: z.array(z.string()),
    removedNodes: z.array(z.string()),
    changes: z.array(templateChangePlanSchema),
    problems: z.array(templateProblemSchema).meta({
      description: 'Why loading would be refused; empty when it can be applied.',
    }),
    applied: z.boolean(),
  })
  .meta({ id: 'TemplateLoadPlan' });
export type TemplateLoadPlan = z.infer<typeof templateLoadPlanSchema>;

export const templateUploadSchema = z
  .strictObject({
    file: z
      .any()
      .meta({ type: 'string', format: 'binary', description: 'A chain template, YAML or JSON.' }),
  })
  .meta({ id: 'TemplateUpload' });

export const templateUploadQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: say what loading would do, change nothing.' }),
});
